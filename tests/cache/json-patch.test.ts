import { describe, expect, test } from 'vitest';
import { applyJsonPatch, diffJson, type JsonPatch } from '../../src/cache/json-patch.js';

/** A small fixed-seed generator (mulberry32): the same cases every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function value(next: () => number, depth: number): unknown {
  const kind = Math.floor(next() * (depth > 2 ? 4 : 6));
  if (kind === 0) return Math.floor(next() * 5);
  if (kind === 1) return ['a', 'b', '', 'ü ✓', '__proto__', 'constructor'][Math.floor(next() * 6)];
  if (kind === 2) return next() < 0.5 ? null : next() < 0.5;
  if (kind === 3) return `s${Math.floor(next() * 3)}`;
  if (kind === 4) return Array.from({ length: Math.floor(next() * 6) }, () => value(next, depth + 1));
  const object: Record<string, unknown> = {};
  for (let index = Math.floor(next() * 5); index > 0; index--)
    Object.defineProperty(object, ['k', 'l', 'm', '__proto__', 'constructor', 'n'][Math.floor(next() * 6)] as string, {
      value: value(next, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return object;
}

/** `before` changed a little: items replaced, inserted and removed, keys added and deleted. */
function mutate(before: unknown, next: () => number): unknown {
  if (next() < 0.15) return value(next, 3);
  if (Array.isArray(before)) {
    const after = before.map((item) => (next() < 0.3 ? mutate(item, next) : item));
    if (next() < 0.4) after.splice(Math.floor(next() * (after.length + 1)), 0, value(next, 3));
    if (after.length > 0 && next() < 0.3) after.splice(Math.floor(next() * after.length), 1);
    return after;
  }
  if (typeof before === 'object' && before !== null) {
    const after: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(before))
      if (next() > 0.15)
        Object.defineProperty(after, key, {
          value: next() < 0.4 ? mutate(item, next) : item,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    const added = ['new0', 'new1', 'constructor', 'toString'][Math.floor(next() * 4)] as string;
    if (next() < 0.4) Object.defineProperty(after, added, { value: 1, enumerable: true, configurable: true });
    return after;
  }
  return before;
}

/** Applies a patch as the cache does: after a trip through its JSON text. */
const stored = (patch: JsonPatch | undefined) =>
  patch === undefined ? undefined : (JSON.parse(JSON.stringify(patch)) as JsonPatch);

describe('JSON patches of the build cache', () => {
  test('turn any value into any other, as JSON, and leave the value before as it was', () => {
    const next = random(20261207);
    for (let round = 0; round < 2000; round++) {
      const before = JSON.parse(JSON.stringify(value(next, 0))) as unknown;
      const after = mutate(before, next);
      const copy = JSON.stringify(before);
      const patched = applyJsonPatch(before, stored(diffJson(before, after)));
      expect(JSON.parse(JSON.stringify(patched))).toEqual(JSON.parse(JSON.stringify(after)));
      expect(JSON.stringify(before)).toBe(copy);
    }
  });

  test('are nothing for equal values, objects in another key order included', () => {
    expect(diffJson({ a: [1, { b: 2 }], c: 'x' }, { c: 'x', a: [1, { b: 2 }] })).toBeUndefined();
    expect(applyJsonPatch([1, 2], undefined)).toEqual([1, 2]);
  });

  test('stay small for a table whose rows stay in place: changed runs, an insertion, an append', () => {
    const rows = Array.from({ length: 100_000 }, (_, index) => `row ${index}`);
    const changed = rows.map((row, index) => (index % 25_000 === 7 ? `${row} new` : row));
    changed.push('appended');
    expect(diffJson(rows, changed)).toEqual({
      s: [
        [7, 1, ['row 7 new']],
        [25_007, 1, ['row 25007 new']],
        [50_007, 1, ['row 50007 new']],
        [75_007, 1, ['row 75007 new']],
        [100_000, 0, ['appended']],
      ],
    });
    // One page inserted near the start shifts every later one: one splice, not 99,500 changed items.
    const inserted = [...rows.slice(0, 500), 'page', ...rows.slice(500)];
    expect(diffJson(rows, inserted)).toEqual({ s: [[500, 0, ['page']]] });
    expect(applyJsonPatch(rows, stored(diffJson(rows, inserted)))).toEqual(inserted);
    const removed = rows.filter((_, index) => index !== 99_000);
    expect(diffJson(rows, removed)).toEqual({ s: [[99_000, 1, []]] });
    const table = { paths: rows, byArticle: { 'a.md': [1, 2], 'b.md': [3] } };
    expect(diffJson(table, { paths: rows, byArticle: { 'a.md': [1, 2, 4], 'c.md': [5] } })).toEqual({
      o: { byArticle: { o: { 'a.md': { s: [[2, 0, [4]]] }, 'c.md': { '=': [5] } }, x: ['b.md'] } },
    });
  });

  test('keep a key named __proto__ a key, and throw on a patch that does not fit', () => {
    const before = JSON.parse('{"__proto__": [1], "a": 1}') as unknown;
    const after = JSON.parse('{"__proto__": [1, 2], "a": 1}') as unknown;
    const patched = applyJsonPatch(before, stored(diffJson(before, after))) as Record<string, unknown>;
    expect(Object.getPrototypeOf(patched)).toBe(Object.prototype);
    expect(JSON.stringify(patched)).toBe('{"__proto__":[1,2],"a":1}');
    expect(() => applyJsonPatch({ a: 1 }, { s: [[0, 0, []]] })).toThrow();
    expect(() => applyJsonPatch([1, 2], { s: [[1, 5, []]] })).toThrow();
    expect(() =>
      applyJsonPatch([1, 2], {
        s: [
          [1, 0, []],
          [0, 0, []],
        ],
      }),
    ).toThrow();
    expect(() => applyJsonPatch([1], { o: {} })).toThrow();
  });
});
