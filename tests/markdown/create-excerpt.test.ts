import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createExcerpt, createExcerptOfParagraphs, readGraphemes } from '../../src/markdown/create-excerpt.js';

describe('createExcerpt', () => {
  test('returns text that fits unchanged, with whitespace collapsed', () => {
    expect(createExcerpt('  Harga   cabai\nnaik.  ', 20)).toBe('Harga cabai naik.');
  });

  test('keeps text exactly as long as the limit', () => {
    expect(createExcerpt('abcde fghij', 11)).toBe('abcde fghij');
  });

  test('cuts at the last word boundary and adds an ellipsis within the limit', () => {
    const excerpt = createExcerpt('Pemerintah menaikkan harga bahan bakar mulai pekan depan', 30);
    expect(excerpt).toBe('Pemerintah menaikkan harga…');
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(30);
  });

  test('keeps a word that ends exactly at the cut', () => {
    expect(createExcerpt('satu dua tiga empat', 9)).toBe('satu dua…');
  });

  test('never cuts inside a word', () => {
    const text = 'Banjir merendam ratusan rumah warga di bantaran sungai';
    for (let maxLength = 8; maxLength < text.length; maxLength += 1) {
      const head = createExcerpt(text, maxLength).replace(/…$/, '');
      expect(text.startsWith(head), `${maxLength}: ${head}`).toBe(true);
      expect([' ', ',', undefined]).toContain(text[head.length]);
    }
  });

  test('drops trailing punctuation and spaces before the ellipsis', () => {
    expect(createExcerpt('Kata pejabat, "semua aman." Lalu hujan turun lagi', 28)).toBe('Kata pejabat, "semua aman…');
    expect(createExcerpt('Satu, dua; tiga: empat lima', 16)).toBe('Satu, dua; tiga…');
  });

  test('treats hyphens and apostrophes as part of a word', () => {
    expect(createExcerpt('Sebuah keputusan well-known sekali', 22)).toBe('Sebuah keputusan…');
    expect(createExcerpt("They say it don't matter", 16)).toBe('They say it…');
  });

  test('cuts text without spaces at the limit', () => {
    expect(createExcerpt('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
  });

  test('never splits emoji, flags or accented letters', () => {
    expect(createExcerpt('😀😀😀😀😀😀', 4)).toBe('😀😀😀…');
    expect(createExcerpt('🇮🇩🇮🇩🇮🇩🇮🇩', 3)).toBe('🇮🇩🇮🇩…');
    expect(createExcerpt('e\u0301e\u0301e\u0301e\u0301', 3)).toBe('e\u0301e\u0301…');
  });

  test('counts characters, not UTF-16 code units', () => {
    expect(createExcerpt('𝒜𝒜𝒜 𝒜𝒜', 6)).toBe('𝒜𝒜𝒜 𝒜𝒜');
  });

  test('uses 160 characters by default', () => {
    const text = Array.from({ length: 60 }, () => 'kata').join(' ');
    const excerpt = createExcerpt(text);
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(160);
    expect(excerpt.endsWith('kata…')).toBe(true);
  });

  test('cuts the excerpt of a very long body the same way', () => {
    const words = Array.from({ length: 60_000 }, (_, index) => `kata${index % 7}`).join(' ');
    const excerpt = createExcerpt(`Pembuka, ${words}`);
    expect(excerpt.startsWith('Pembuka, kata0 kata1')).toBe(true);
    expect(excerpt).toMatch(/ kata\d…$/);
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(160);
    expect(createExcerpt('a'.repeat(300_000), 5)).toBe('aaaa…');
  });
});

describe('createExcerptOfParagraphs', () => {
  /** Paragraphs that yield one by one, counting how many were read. */
  function counted(paragraphs: readonly string[]) {
    const read = { count: 0 };
    function* each() {
      for (const paragraph of paragraphs) {
        read.count += 1;
        yield paragraph;
      }
    }
    return { paragraphs: each(), read };
  }

  test('reads only the first paragraphs of a long body', () => {
    const all = Array.from({ length: 10_000 }, (_, index) => `Paragraf ${index} berisi kalimat biasa tentang harga.`);
    const { paragraphs, read } = counted(all);
    expect(createExcerptOfParagraphs(paragraphs)).toBe(createExcerpt(all.join(' ')));
    expect(read.count).toBeLessThan(30);
  });

  test('gives the excerpt of the whole text where its start could mislead: a mark, emoji or punctuation past it', () => {
    const cases: (readonly [readonly string[], number])[] = [
      [['a'.repeat(8), '\u0301b'], 8],
      [['satu dua tiga', 'empat'], 12],
      [['Kata pejabat, "semua', 'aman." Lalu'], 26],
      [['😀'.repeat(20), '😀'.repeat(20)], 30],
      [['👨‍👩‍👧'.repeat(3), '‍👦 lagi'], 5],
      [['', '  ', 'Pendek.'], 160],
      [[], 160],
      [['x'.repeat(700), 'y'], 160],
      [['!'.repeat(700), 'z'], 3],
    ];
    for (const [paragraphs, maxLength] of cases) {
      expect(createExcerptOfParagraphs(paragraphs, maxLength), JSON.stringify(paragraphs)).toBe(
        createExcerpt(paragraphs.join(' '), maxLength),
      );
    }
  });

  test('is the excerpt of the paragraphs joined with spaces, for any paragraphs (property)', () => {
    const piece = fc.constantFrom(
      'kata',
      ' ',
      '.',
      '!"',
      '😀',
      '🇮🇩',
      '\u0301',
      '‍',
      'e\u0301',
      '\n',
      '—',
      'x'.repeat(50),
    );
    const paragraph = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 30 }), fc.integer({ min: 0, max: 200 }), (paragraphs, maxLength) => {
        expect(createExcerptOfParagraphs(paragraphs, maxLength)).toBe(createExcerpt(paragraphs.join(' '), maxLength));
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });
});

describe('readGraphemes', () => {
  const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
  const whole = (text: string) => Array.from(segmenter.segment(text), (part) => part.segment);
  // Clusters whose boundaries depend on what comes before them: flags (pairs of
  // regional indicators), ZWJ emoji, skin tones, variation selectors, combining
  // marks, Hangul jamo, CR LF, Devanagari conjuncts, Thai, a soft hyphen,
  // astral letters and lone surrogates.
  const pieces = [
    'a',
    ' ',
    'e\u0301',
    '\u0301',
    '🇮',
    '🇩',
    '👩',
    '\u200d',
    '💻',
    '\u{1F3FD}',
    '\uFE0F',
    '\r',
    '\n',
    '\u1100',
    '\u1161',
    '\u11A8',
    'क',
    '\u094D',
    'ष',
    '\u0E33',
    '\u00AD',
    '𝒜',
    '\uD83C',
    '\uDDEE',
    '.',
  ];

  test('gives the same characters as the platform segmenter (ICU), read in any order', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 3000; round += 1) {
      const text = Array.from({ length: random(40) }, () => pieces[random(pieces.length)]).join('');
      const expected = whole(text);
      const reader = readGraphemes(text);
      const count = random(expected.length + 2);
      expect(reader.slice(count), JSON.stringify({ text, count })).toEqual(expected.slice(0, count));
      expect(reader.has(expected.length - 1)).toBe(expected.length > 0);
      expect(reader.has(expected.length)).toBe(false);
      expect(reader.slice(expected.length + 1), JSON.stringify(text)).toEqual(expected);
    }
  });
});
