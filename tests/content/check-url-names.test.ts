import { describe, expect, test } from 'vitest';
import { articleText, checkInvalid, checkValid } from './helpers.js';

describe('names and slugs that are no safe folder name, at their line (issue 25)', () => {
  test('a tag that Windows reserves is an error at its item, not an unplaced failure while writing', () => {
    const diagnostics = checkInvalid(articleText({ tags: '\n  - Ekonomi\n  - CON' }));
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/ekonomi/harga-cabai.md',
        place: { line: 6, column: 5 },
        ruleId: 'front-matter-tags',
        reason: expect.stringContaining('"CON" whose URL slug "con" is a name Windows reserves for devices'),
      }),
    ]);
  });

  test('an author whose slug would be a device name is reported at the author field', () => {
    const diagnostics = checkInvalid(articleText({ author: 'Aux' }));
    expect(diagnostics).toEqual([
      expect.objectContaining({ place: { line: 4, column: 9 }, ruleId: 'front-matter-author' }),
    ]);
  });

  test('an over-long slug, section or tag is an error at its field', () => {
    const long = `${'panjang-'.repeat(40)}x`;
    expect(checkInvalid(articleText({ slug: long }))).toEqual([
      expect.objectContaining({
        place: { line: 4, column: 7 },
        ruleId: 'front-matter-slug',
        reason: expect.stringContaining('longer than 255 bytes'),
      }),
    ]);
    expect(checkInvalid(articleText({ section: 'Bagian '.repeat(40) }))[0]).toMatchObject({
      place: { line: 4, column: 10 },
      ruleId: 'front-matter-section',
    });
    expect(checkInvalid(articleText({ tags: `[${'Kata '.repeat(60)}]` }))[0]).toMatchObject({
      ruleId: 'front-matter-tags',
    });
  });

  test('a slug from an over-long file name is reported at the title', () => {
    const diagnostics = checkInvalid(articleText(), `ekonomi/${'sangat-panjang-'.repeat(20)}.md`);
    expect(diagnostics).toEqual([
      expect.objectContaining({ place: { line: 2, column: 8 }, ruleId: 'front-matter-slug' }),
    ]);
  });

  test('ordinary names pass, including ones that merely start like a device name', () => {
    expect(checkValid(articleText({ tags: '[Console, Auxiliary, Nulis, com]' })).tags).toHaveLength(4);
  });
});
