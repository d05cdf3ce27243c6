import { describe, expect, it } from 'vitest';
import { findInvisibleCharacter, findInvisibleInAddress } from '../../src/url/invisible-characters.js';
import { createSlug } from '../../src/url/slug.js';

const INVISIBLE = [
  '\u0001',
  '\u001b',
  '\u0085',
  '\u00ad',
  '\u061c',
  '\u200b',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2060',
  '\u2066',
  '\u2069',
  '\ufeff',
];

describe('findInvisibleCharacter', () => {
  it('finds every bidirectional control and invisible format or control character, escaped and named', () => {
    for (const char of INVISIBLE) expect(findInvisibleCharacter(`/a${char}b/`), codePoint(char)).toBeDefined();
    expect(findInvisibleCharacter('/berita/\u202Egpj.exe/')).toBe('\\u202E (RIGHT-TO-LEFT OVERRIDE)');
  });

  it('passes Arabic, Indonesian, CJK and percent-encoded addresses', () => {
    for (const text of ['/أخبار/الاقتصاد/', '/berita/ekonomi-rakyat/', '/新闻/日本語/', '/berita/%E6%97%A5/'])
      expect(findInvisibleInAddress(text)).toBeUndefined();
    expect(findInvisibleInAddress('/berita/%E2%80%AE/')).toBe('\\u202E (RIGHT-TO-LEFT OVERRIDE)');
  });

  it('passes the zero-width joiner and non-joiner, which Persian words and emoji sequences need', () => {
    for (const text of ['/خبر/می\u200cخواهم/', '/a/%E2%80%8C/', '/emoji/\u{1F469}\u200d\u{1F4BB}/'])
      expect(findInvisibleInAddress(text)).toBeUndefined();
  });
});

describe('createSlug of a title or file name with such a character', () => {
  it('never keeps one: slugs made from titles, sections, tags and authors cannot hold them', () => {
    for (const char of INVISIBLE) {
      for (const name of [`Banjir${char}Semarang`, `أخبار${char}الاقتصاد`, `日本${char}語`])
        expect(findInvisibleCharacter(createSlug(name)), `${codePoint(char)} in ${name}`).toBeUndefined();
    }
  });
});

function codePoint(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
