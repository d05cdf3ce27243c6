import { describe, expect, it } from 'vitest';
import { resultCodec } from '../../src/incremental/result-codec.js';
import type { ProcessResult } from '../../src/process/process-result.js';

const file = 'ekonomi/harga-cabai.md';

/** An article's result as processing makes it (only the fields the codec looks at matter). */
function articleResult(changes: Record<string, unknown> = {}): ProcessResult {
  return {
    kind: 'article',
    article: {
      sourcePath: file,
      id: 'ekonomi/harga-cabai',
      title: 'Harga cabai',
      image: {
        src: '/images/cabai.jpg',
        alt: 'Cabai',
        caption: undefined,
        credit: undefined,
        place: { line: 7, column: 8 },
      },
      summary: 'Harga cabai naik.',
      slugPlace: { line: 2, column: 1 },
      idPlace: undefined,
      namePlaces: { section: { line: 5, column: 10 }, tags: [{ line: 6, column: 8 }, undefined], authors: [] },
      excerpt: 'Harga cabai naik.',
      readAlsoLinks: [
        { slug: 'bawang', place: { line: 12, column: 1 } },
        { slug: 'garam', place: undefined },
      ],
      references: [{ kind: 'link', url: '/ekonomi/', place: { line: 14, column: 2 ** 20 + 5 } }],
      ...changes,
    },
    images: [{ src: 'foto.jpg', place: { line: 20, column: 3 } }],
  } as unknown as ProcessResult;
}

/** What the cache wrote before records were packed: the JSON of the result. */
const stored = (result: ProcessResult) => JSON.stringify(result);
const roundTrip = (result: ProcessResult) =>
  JSON.stringify(resultCodec.unpack(JSON.parse(JSON.stringify(resultCodec.pack(result, file))), file));

describe('the cache codec of processed results', () => {
  it('unpacks an article to its JSON as processed, keys in the same order', () => {
    const result = articleResult();
    expect(roundTrip(result)).toBe(stored(result));
    expect(JSON.stringify(resultCodec.pack(result, file)).length).toBeLessThan(stored(result).length * 0.8);
  });

  it('keeps an excerpt other than the summary, another source path and places it cannot pack', () => {
    const result = articleResult({
      excerpt: 'Harga cabai naik tajam.',
      sourcePath: 'lain.md',
      idPlace: { column: 3, line: 4 },
      slugPlace: { line: 2.5, column: 1 },
    });
    expect(roundTrip(result)).toBe(stored(result));
  });

  it('does not change the result it packs', () => {
    const result = articleResult();
    const before = stored(result);
    resultCodec.pack(result, file);
    expect(stored(result)).toBe(before);
  });

  it('stores pages with their images, and profiles as they are', () => {
    const page = {
      kind: 'page',
      page: { title: 'Tentang' },
      images: [{ src: 'a.png', place: { line: 3, column: 1 } }],
    };
    expect(roundTrip(page as unknown as ProcessResult)).toBe(JSON.stringify(page));
    const profile = { kind: 'profile', profile: { name: 'Rani' }, warnings: [] };
    expect(resultCodec.pack(profile as unknown as ProcessResult, file)).toBe(profile);
  });
});
