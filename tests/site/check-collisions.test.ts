import { describe, expect, test } from 'vitest';
import { checkCollisions, type UrlClaim } from '../../src/site/check-collisions.js';

/** Claims are their own description. */
const same = (claim: UrlClaim) => claim;

describe('checkCollisions', () => {
  test('finds nothing when every URL is claimed once', () => {
    expect(
      checkCollisions(
        [
          { url: '/ekonomi/a/', file: 'content/ekonomi/a.md', place: undefined },
          { url: '/ekonomi/b/', file: 'content/ekonomi/b.md', place: undefined },
        ],
        same,
      ),
    ).toEqual([]);
  });

  test('reports a duplicate URL at the second file, naming the first through cause', () => {
    const diagnostics = checkCollisions(
      [
        { url: '/ekonomi/harga-cabai/', file: 'content/ekonomi/harga-cabai.md', place: { line: 2, column: 1 } },
        { url: '/ekonomi/harga-cabai/', file: 'content/ekonomi/2016/harga-cabai.md', place: { line: 5, column: 1 } },
      ],
      same,
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/ekonomi/2016/harga-cabai.md',
        place: { line: 5, column: 1 },
        ruleId: 'duplicate-url',
        severity: 'error',
        cause: { file: 'content/ekonomi/harga-cabai.md', place: { line: 2, column: 1 } },
      }),
    ]);
    expect(diagnostics[0]?.reason).toContain('/ekonomi/harga-cabai/');
    expect(diagnostics[0]?.reason).toContain('content/ekonomi/harga-cabai.md');
  });

  test('reports URLs that differ only in letter case as a case collision', () => {
    const diagnostics = checkCollisions(
      [
        { url: '/berita/Abc/', file: 'content/a.md', place: undefined },
        { url: '/berita/abc/', file: 'content/b.md', place: undefined },
      ],
      same,
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'content/b.md', ruleId: 'url-case-collision', cause: { file: 'content/a.md' } }),
    ]);
    expect(diagnostics[0]?.reason).toContain('/berita/Abc/');
  });

  test('reports URLs that differ only in Unicode normal form as a collision', () => {
    const diagnostics = checkCollisions(
      [
        { url: '/kafé/'.normalize('NFC'), file: 'content/a.md', place: undefined },
        { url: '/kafé/'.normalize('NFD'), file: 'content/b.md', place: undefined },
      ],
      same,
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'url-case-collision', file: 'content/b.md', cause: { file: 'content/a.md' } }),
    ]);
  });

  test('points every later claimant at the first one', () => {
    const claim = (file: string) => ({ url: '/x/', file, place: undefined });
    const diagnostics = checkCollisions([claim('a.md'), claim('b.md'), claim('c.md')], same);
    expect(diagnostics.map((d) => [d.file, d.cause?.file])).toEqual([
      ['b.md', 'a.md'],
      ['c.md', 'a.md'],
    ]);
  });

  test('describes pages only when they collide, so a large site makes no claim for the rest', () => {
    const pages = ['/a/', '/b/', '/A/', '/c/'].map((url) => ({ url }));
    const described: string[] = [];
    const diagnostics = checkCollisions(pages, (page) => {
      described.push(page.url);
      return { url: page.url, file: `content${page.url}index.md`, place: undefined };
    });
    expect(described).toEqual(['/a/', '/A/']);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/A/index.md',
        ruleId: 'url-case-collision',
        cause: { file: 'content/a/index.md' },
      }),
    ]);
  });
});
