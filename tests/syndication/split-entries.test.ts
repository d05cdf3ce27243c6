import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateLocBytes, splitEntries } from '../../src/syndication/split-entries.js';
import { escapeXmlText } from '../../src/syndication/xml-escape.js';
import { createSiteUrl } from '../../src/url/site-url.js';

describe('estimateLocBytes', () => {
  const address = { baseUrl: 'https://host.example/warta/', basePath: '/warta/' };
  const written = (urlPath: string) =>
    Buffer.byteLength(escapeXmlText(createSiteUrl(address).absolute(urlPath)), 'utf8');

  it('is exact for plain paths and never below the written size of any other', () => {
    expect(estimateLocBytes(address.baseUrl, '/ekonomi/harga-cabai/')).toBe(written('/ekonomi/harga-cabai/'));
    for (const urlPath of ['/tag/kopi & teh/', '/tag/café/', "/x/'a'<b>/", '/tag/漢字/', '/a b/%41/'])
      expect(estimateLocBytes(address.baseUrl, urlPath)).toBeGreaterThanOrEqual(written(urlPath));
  });

  it("is at most the base URL and 15 bytes per UTF-16 unit of the path (the sitemaps' quick bound)", () => {
    const baseBytes = Buffer.byteLength(address.baseUrl, 'utf8');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (tail) => {
        const urlPath = `/${tail}`;
        expect(estimateLocBytes(address.baseUrl, urlPath)).toBeLessThanOrEqual(baseBytes + 15 * urlPath.length);
        expect(written(urlPath)).toBeLessThanOrEqual(baseBytes + 15 * urlPath.length);
      }),
      { seed: 37, numRuns: 500 },
    );
  });
});

describe('splitEntries', () => {
  it('cuts at the entry limit and before the byte limit, keeping the order', () => {
    const entries = ['a', 'b', 'c', 'd', 'e'];
    expect(splitEntries(entries, { maxEntries: 2, maxBytes: 1000 }, () => 10, 0)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e'],
    ]);
    expect(splitEntries(entries, { maxEntries: 10, maxBytes: 35 }, () => 10, 10)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e'],
    ]);
  });

  it('gives one empty chunk for no entries', () => {
    expect(splitEntries([], { maxEntries: 2, maxBytes: 100 }, () => 1, 0)).toEqual([[]]);
  });
});
