import { describe, expect, test } from 'vitest';
import { buildSite } from '../../src/site/build-site.js';
import { indexTerms } from '../../src/site/collect-terms.js';
import type { ListPage } from '../../src/site/site.js';
import { createNameKey, createSlug } from '../../src/url/slug.js';
import { displayPathOf, makeArticle, makeOptions, september } from './fixtures.js';

describe('names stay distinct (issue 25)', () => {
  test('spells out + and # that belong to a name, so C++, C# and C get three slugs', () => {
    expect(['C++', 'C#', 'C', 'F#', 'Disney+', 'a+b'].map(createSlug)).toEqual([
      'c-plus-plus',
      'c-sharp',
      'c',
      'f-sharp',
      'disney-plus',
      'a-plus-b',
    ]);
    expect(['#1', 'Rp +10'].map(createSlug)).toEqual(['1', 'rp-10']);
  });

  test('tells names apart by letters, not by case, blanks or punctuation', () => {
    expect(createNameKey('E-Commerce')).toBe(createNameKey(' e  commerce'));
    expect(createNameKey('Ekonomi')).toBe(createNameKey('ekonomi'));
    expect(createNameKey('José')).not.toBe(createNameKey('Jose'));
    expect(createNameKey('C++')).not.toBe(createNameKey('C#'));
  });

  test('keeps José and Jose apart: the first key keeps the slug, the other takes the next free number', () => {
    const index = indexTerms('author', ['José', 'Jose', 'jose', 'Jose 2']);
    expect([...index.terms.values()].map((term) => [term.slug, term.name, term.count])).toEqual([
      ['jose', 'Jose', 2],
      ['jose-2', 'Jose 2', 1],
      ['jose-3', 'José', 1],
    ]);
    expect(index.find('JOSE')?.slug).toBe('jose');
    expect(index.find('José'.normalize('NFD'))?.slug).toBe('jose-3');
    expect(index.renamed.map(({ term, takenBy }) => [term.name, takenBy.name])).toEqual([['José', 'Jose']]);
  });

  test('a configured name (an author profile, a section) keeps its slug', () => {
    const index = indexTerms('author', ['Jose', 'José'], new Map([['jose', 'José']]));
    expect(index.find('José')?.slug).toBe('jose');
    expect(index.find('Jose')?.slug).toBe('jose-2');
  });

  test('gives C++ and C# tag pages of their own, each showing its own name', () => {
    const { site } = buildSite(
      [makeArticle('a', { tags: ['C++'] }), makeArticle('b', { tags: ['C#'] })],
      new Map(),
      makeOptions(),
      displayPathOf,
    );
    expect(site.tags.map((term) => [term.slug, term.name])).toEqual([
      ['c-plus-plus', 'C++'],
      ['c-sharp', 'C#'],
    ]);
  });

  test('warns about two names with one slug, naming the files of both', () => {
    const { site, diagnostics } = buildSite(
      [
        makeArticle('a', { authors: ['Jose'], date: september(2) }),
        makeArticle('b', { authors: ['José'], date: september(1) }),
      ],
      new Map(),
      makeOptions(),
      displayPathOf,
    );
    expect(site.authors.map((term) => term.url)).toEqual(['/author/jose/', '/author/jose-2/']);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/ekonomi/b.md',
        severity: 'warning',
        ruleId: 'term-slug-collision',
        reason: expect.stringContaining('"José" that makes the same URL slug as author "Jose" (content/ekonomi/a.md)'),
        cause: { file: 'content/ekonomi/a.md' },
      }),
    ]);
  });

  test('an article naming one term twice lists it once, and is listed once on its page', () => {
    const { site } = buildSite(
      [makeArticle('a', { tags: ['Ekonomi', 'ekonomi', 'EKONOMI'], authors: ['Rina', 'rina'] })],
      new Map(),
      makeOptions(),
      displayPathOf,
    );
    const [article] = site.articles;
    expect(article?.tagTerms.map((term) => term.slug)).toEqual(['ekonomi']);
    expect(article?.authorTerms.map((term) => term.slug)).toEqual(['rina']);
    expect(site.tags[0]?.count).toBe(1);
    const page = site.pages.find((each): each is ListPage => each.kind === 'list' && each.url === '/tag/ekonomi/');
    expect(page?.articles.map((each) => each.id)).toEqual(['a']);
  });
});
