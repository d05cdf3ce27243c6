import { describe, expect, test } from 'vitest';
import { createSlug, createTermKey } from '../../src/url/slug.js';

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
