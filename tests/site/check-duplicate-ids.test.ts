import { describe, expect, test } from 'vitest';
import { buildSite } from '../../src/site/build-site.js';
import { displayPathOf, makeArticle, makeOptions } from './fixtures.js';

describe('two articles with one id (issue 25)', () => {
  test('are an error at the second id field, naming the first, instead of sharing one feed GUID', () => {
    const { diagnostics } = buildSite(
      [
        makeArticle('a', { id: 'sama', idPlace: { line: 4, column: 1 } }),
        makeArticle('b', { id: 'lain' }),
        makeArticle('c', { id: 'sama', idPlace: { line: 5, column: 1 } }),
      ],
      new Map(),
      makeOptions(),
      displayPathOf,
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/ekonomi/c.md',
        place: { line: 5, column: 1 },
        severity: 'error',
        ruleId: 'duplicate-id',
        reason: expect.stringContaining('"sama", already the id of content/ekonomi/a.md'),
        cause: { file: 'content/ekonomi/a.md', place: { line: 4, column: 1 } },
      }),
    ]);
  });
});
