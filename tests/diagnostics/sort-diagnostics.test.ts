import { describe, expect, it } from 'vitest';
import { compareDiagnostics, type Diagnostic, sortDiagnostics } from '../../src/diagnostics/diagnostic.js';

/** Diagnostics in the shapes the build mixes: fields in different orders, with and without place or hint. */
function mixedDiagnostics(): Diagnostic[] {
  const list: Diagnostic[] = [];
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  for (let index = 0; index < 500; index++) {
    const file = `content/${['a', 'b', 'c', 'é'][next() % 4]}/${next() % 40}.md`;
    const place = { line: next() % 5, column: next() % 3 };
    const reason = `reason ${next() % 4}`;
    const ruleId = (['link-broken', 'image-missing', 'image-alt-missing'] as const)[next() % 3] ?? 'link-broken';
    const shape = index % 4;
    if (shape === 0) list.push({ file, place, severity: 'warning', reason, ruleId });
    else if (shape === 1) list.push({ reason, ruleId, severity: 'warning', file });
    else if (shape === 2) list.push({ ruleId, file, reason, severity: 'error', place, hint: 'Fix it.' });
    else list.push({ severity: 'warning', place: { column: place.column, line: place.line }, file, ruleId, reason });
  }
  return list;
}

describe('sortDiagnostics', () => {
  it('orders as compareDiagnostics does, whatever the shapes, and keeps equal ones in their order', () => {
    const list = mixedDiagnostics();
    const expected = [...list].sort(compareDiagnostics);
    const sorted = sortDiagnostics(list);
    expect(sorted).toHaveLength(list.length);
    for (const [index, diagnostic] of sorted.entries()) expect(diagnostic).toBe(expected[index]);
  });

  it('returns a new list, also for one already in order, and leaves the given one as it was', () => {
    const list = mixedDiagnostics();
    const before = [...list];
    const sorted = sortDiagnostics(list);
    expect(list).toEqual(before);
    const again = sortDiagnostics(sorted);
    expect(again).not.toBe(sorted);
    expect(again).toEqual(sorted);
    expect(sortDiagnostics([])).toEqual([]);
  });
});
