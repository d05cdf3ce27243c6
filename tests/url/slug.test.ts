import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  createNameKey,
  createNameKeyer,
  createNameSlugChecker,
  createSlug,
  createSlugger,
  createTermKey,
  normalizeName,
} from '../../src/url/slug.js';

describe('createSlug', () => {
  test('lower-cases and joins words with hyphens', () => {
    expect(createSlug('Harga Cabai Naik Lagi')).toBe('harga-cabai-naik-lagi');
    expect(createSlug('E-Commerce')).toBe('e-commerce');
  });

  test('transliterates accents, whatever the Unicode normal form', () => {
    expect(createSlug('Ünïcode')).toBe('uenicode');
    expect(createSlug('Café'.normalize('NFC'))).toBe('cafe');
    expect(createSlug('Café'.normalize('NFD'))).toBe('cafe');
  });

  test('keeps letters of scripts without a transliteration instead of returning nothing', () => {
    expect(createSlug('日本語')).toBe('日本語');
    expect(createSlug('東京 ニュース')).toBe('東京-ニュース');
  });

  test('keeps them beside ASCII too, and keeps their vowel signs, so two names do not become one', () => {
    expect(createSlug('iPhone 15 发布')).toBe('iphone-15-发布');
    expect(createSlug('iPhone 15 评测')).toBe('iphone-15-评测');
    expect(createSlug('हिन्दी समाचार')).toBe('हिन्दी-समाचार');
    expect(createSlug('ข่าว ไทย')).toBe('ข่าว-ไทย');
    expect(createSlug('Ελλάδα 2026')).toBe('ellada-2026');
  });

  test('reads compatibility forms as the letters they stand for: ligatures, full-width letters', () => {
    expect(createSlug('ﬁnance')).toBe('finance');
    expect(createSlug('ＡＩ')).toBe('ai');
    expect(createSlug('ǅemal')).toBe('dzemal');
    expect(createNameKey('ＡＩ')).toBe(createNameKey('AI'));
  });

  test('returns an empty string only for names without letters or digits', () => {
    expect(createSlug('!!! ???')).toBe('');
    expect(createSlug('2016')).toBe('2016');
  });

  test('does not split camel case', () => {
    expect(createSlug('YouTube')).toBe('youtube');
  });
});

describe('createTermKey', () => {
  test('gives two spellings that differ in case, blanks or normal form one key', () => {
    expect(createTermKey('E-Commerce')).toBe(createTermKey('e-commerce'));
    expect(createTermKey('  Pasar   Modal ')).toBe(createTermKey('pasar modal'));
    expect(createTermKey('Café'.normalize('NFD'))).toBe(createTermKey('Café'.normalize('NFC')));
  });
});

describe('createNameKey', () => {
  test('one key for spellings that differ in case, blanks and punctuation; two for names that only slugify alike', () => {
    expect(createNameKey('E-Commerce')).toBe(createNameKey(' e  commerce '));
    expect(createNameKey('E_Commerce')).toBe('e-commerce');
    expect(createNameKey('José')).not.toBe(createNameKey('Jose'));
    expect(createNameKey('C++')).toBe('c-plus-plus');
    expect(createNameKey('C#')).toBe('c-sharp');
    expect(createNameKey('Café'.normalize('NFD'))).toBe(createNameKey('Café'.normalize('NFC')));
  });

  test('plain ASCII names get the key the Unicode rules give them', () => {
    // The rules as the doc comment states them, applied without any shortcut.
    const byTheRules = (name: string) =>
      name
        .normalize('NFC')
        .trim()
        .replace(/\s+/g, ' ')
        .replace(/(?<=[\p{L}\p{N}+])\+/gu, ' plus ')
        .replace(/(?<=\p{L})#/gu, ' sharp ')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, '');
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 24 }), (name) => {
        expect(createNameKey(name)).toBe(byTheRules(name));
        expect(normalizeName(name)).toBe(name.normalize('NFC').trim().replace(/\s+/g, ' '));
      }),
      { seed: 19, numRuns: 2000 },
    );
  });
});

describe('the memoising slug and key functions', () => {
  test('give what the functions they remember give, for names seen once or again', () => {
    const nameSlug = createNameSlugChecker();
    const slugger = createSlugger();
    const keyer = createNameKeyer();
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('C++', ' Ünïcode  Baru', 'CON', '日本語', '!!', 'e-commerce', 'José'), {
          maxLength: 12,
        }),
        (names) => {
          for (const name of names) {
            expect(nameSlug(name)).toBe(createSlug(name));
            expect(slugger(name)).toBe(createSlug(normalizeName(name)));
            expect(keyer(name)).toBe(createNameKey(name));
          }
        },
      ),
      { seed: 23, numRuns: 200 },
    );
  });
});
