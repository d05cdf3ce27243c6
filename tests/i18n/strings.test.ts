import { describe, expect, test } from 'vitest';
import { builtInStrings, formatString, resolveStrings } from '../../src/i18n/strings.js';

describe('resolveStrings', () => {
  test('gives Indonesian strings for an Indonesian locale', () => {
    const strings = resolveStrings('id-ID', {});
    expect(strings['readAlso']).toBe('Baca juga');
    expect(strings['related']).toBe('Berita terkait');
    expect(strings['home']).toBe('Beranda');
    expect(strings['tags']).toBe('Topik');
    expect(strings['draftBanner']).toBe('Draf — belum terbit');
    expect(strings['datePattern']).toBe('dddd, DD MMM YYYY HH:mm z');
    expect(strings['dateShortPattern']).toBe('DD MMM YYYY');
  });

  test('gives English strings for English and for languages without a dictionary', () => {
    expect(resolveStrings('en-GB', {})['readAlso']).toBe('Read also');
    expect(resolveStrings('de-DE', {})['archivePage']).toBe('Page {number}');
    expect(resolveStrings('en', {})['headline']).toBe('Top story');
  });

  test("gives a language without a dictionary its locale's own date formats, not English ones", () => {
    expect(resolveStrings('de-DE', {})['datePattern']).toBe('LLLL');
    expect(resolveStrings('ja', {})['dateShortPattern']).toBe('ll');
    expect(resolveStrings('en-GB', {})['datePattern']).toBe('dddd, MMMM D, YYYY h:mm A z');
    expect(resolveStrings('de-DE', { datePattern: 'DD.MM.YYYY HH:mm' })['datePattern']).toBe('DD.MM.YYYY HH:mm');
  });

  test('lays the site overrides over the built-in dictionary', () => {
    const strings = resolveStrings('id-ID', { readAlso: 'Simak juga', newsletter: 'Buletin' });
    expect(strings['readAlso']).toBe('Simak juga');
    expect(strings['newsletter']).toBe('Buletin');
    expect(strings['related']).toBe('Berita terkait');
  });

  test('returns a frozen object and leaves the built-in dictionaries untouched', () => {
    const strings = resolveStrings('id', { home: 'Depan' });
    expect(Object.isFrozen(strings)).toBe(true);
    expect(builtInStrings['id']?.home).toBe('Beranda');
  });

  test("gives Arabic strings and the locale's own Arabic dates for an Arabic locale", () => {
    const strings = resolveStrings('ar-EG', {});
    expect(strings['home']).toBe('الرئيسية');
    expect(strings['readAlso']).toBe('اقرأ أيضًا');
    expect(strings['datePattern']).toBe('LLLL');
    expect(strings['dateShortPattern']).toBe('ll');
  });

  test('has every English key in every built-in dictionary, none empty, and beyond them only plural forms', () => {
    const english = Object.keys(builtInStrings['en'] ?? {});
    for (const dictionary of Object.values(builtInStrings)) {
      expect(Object.keys(dictionary)).toEqual(expect.arrayContaining(english));
      const extra = Object.keys(dictionary).filter((key) => !english.includes(key));
      for (const key of extra) expect(english).toContain(key.replace(/(Zero|Two|Few|Many)$/, ''));
    }
    expect(Object.keys(builtInStrings['id'] ?? {}).sort()).toEqual([...english].sort());
    for (const dictionary of Object.values(builtInStrings)) {
      for (const text of Object.values(dictionary)) expect(text.trim()).not.toBe('');
    }
  });
});

describe('formatString', () => {
  test('fills named placeholders with text and numbers', () => {
    expect(formatString('Halaman {current} dari {total}', { current: 2, total: 7 })).toBe('Halaman 2 dari 7');
    expect(formatString('{count} artikel', { count: 0 })).toBe('0 artikel');
  });

  test('leaves unknown placeholders visible', () => {
    expect(formatString('Page {current} of {totl}', { current: 1, total: 3 })).toBe('Page 1 of {totl}');
  });

  test('does not treat inherited object properties as parameters', () => {
    expect(formatString('{constructor}', {})).toBe('{constructor}');
  });
});
