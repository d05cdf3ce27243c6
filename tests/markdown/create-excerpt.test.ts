import { describe, expect, test } from 'vitest';
import { createExcerpt } from '../../src/markdown/create-excerpt.js';

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
});
