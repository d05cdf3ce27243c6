import { describe, expect, test } from 'vitest';
import { collectTerms, compareTermsByCount, TAXONOMY_PATHS } from '../../src/site/collect-terms.js';

describe('collectTerms', () => {
  test('makes E-Commerce and e-commerce one term with the most common spelling as its name', () => {
    const terms = collectTerms('tag', ['e-commerce', 'E-Commerce', 'E-Commerce', 'Pangan']);
    expect([...terms.keys()]).toEqual(['e-commerce', 'pangan']);
    expect(terms.get('e-commerce')).toEqual({
      taxonomy: 'tag',
      slug: 'e-commerce',
      name: 'E-Commerce',
      url: '/tag/e-commerce/',
      count: 3,
    });
  });

  test('breaks a tie between spellings by code-unit order, whatever the input order', () => {
    expect(collectTerms('tag', ['e-commerce', 'E-Commerce']).get('e-commerce')?.name).toBe('E-Commerce');
    expect(collectTerms('tag', ['E-Commerce', 'e-commerce']).get('e-commerce')?.name).toBe('E-Commerce');
  });

  test('treats NFC and NFD forms of a name as one spelling of one term', () => {
    const terms = collectTerms('tag', ['Kafé'.normalize('NFD'), 'Kafé'.normalize('NFC'), 'Kafé'.normalize('NFD')]);
    expect([...terms.values()]).toEqual([
      { taxonomy: 'tag', slug: 'kafe', name: 'Kafé'.normalize('NFC'), url: '/tag/kafe/', count: 3 },
    ]);
  });

  test('collapses blanks inside and around a name', () => {
    const terms = collectTerms('tag', ['  Pasar   Modal ', 'Pasar Modal']);
    expect(terms.get('pasar-modal')).toMatchObject({ name: 'Pasar Modal', count: 2 });
  });

  test('lets configured display names win over spellings', () => {
    const terms = collectTerms('section', ['ekonomi', 'ekonomi'], new Map([['ekonomi', 'Ekonomi & Bisnis']]));
    expect(terms.get('ekonomi')).toEqual({
      taxonomy: 'section',
      slug: 'ekonomi',
      name: 'Ekonomi & Bisnis',
      url: '/ekonomi/',
      count: 2,
    });
  });

  test('places each taxonomy under its own path', () => {
    expect(TAXONOMY_PATHS).toEqual({ section: '/', tag: '/tag/', author: '/author/' });
    expect(collectTerms('author', ['Rina Wulandari']).get('rina-wulandari')?.url).toBe('/author/rina-wulandari/');
  });

  test('skips names that have no letters or digits', () => {
    expect(collectTerms('tag', ['???', '—']).size).toBe(0);
  });

  test('returns terms in slug order', () => {
    expect([...collectTerms('tag', ['Zebra', 'apel', 'Mangga']).keys()]).toEqual(['apel', 'mangga', 'zebra']);
  });
});

describe('compareTermsByCount', () => {
  test('sorts by count, then name without case, then slug', () => {
    const terms = [...collectTerms('tag', ['beta', 'Alfa', 'gamma', 'gamma', 'Delta']).values()];
    expect(terms.sort(compareTermsByCount).map((term) => term.name)).toEqual(['gamma', 'Alfa', 'beta', 'Delta']);
  });
});
