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

  test('keeps José and Jose apart: the name used first keeps the slug, the other takes the next free number', () => {
    // In order of use, oldest first: José was written before Jose.
    const index = indexTerms('author', ['José', 'Jose', 'jose', 'Jose 2']);
    expect([...index.terms.values()].map((term) => [term.slug, term.name, term.count])).toEqual([
      ['jose', 'José', 1],
      ['jose-2', 'Jose 2', 1],
      ['jose-3', 'Jose', 2],
    ]);
    expect(index.find('JOSE')?.slug).toBe('jose-3');
    expect(index.find('José'.normalize('NFD'))?.slug).toBe('jose');
    expect(index.renamed.map(({ term, takenBy }) => [term.name, takenBy.name])).toEqual([['Jose', 'José']]);
  });

  test('never moves a term to another URL when a newer article brings a name with the same slug', () => {
    const older = makeArticle('a', { tags: ['Café'], authors: ['José'], date: september(1) });
    const before = buildSite([older], new Map(), makeOptions(), displayPathOf).site;
    const newer = makeArticle('b', { tags: ['cafe'], authors: ['Jose'], date: september(2) });
    const after = buildSite([older, newer], new Map(), makeOptions(), displayPathOf).site;
    expect(before.tags.map((term) => [term.url, term.name])).toEqual([['/tag/cafe/', 'Café']]);
    expect(after.tags.map((term) => [term.url, term.name])).toEqual([
      ['/tag/cafe/', 'Café'],
      ['/tag/cafe-2/', 'cafe'],
    ]);
    expect(after.authors.map((term) => [term.url, term.name])).toEqual([
      ['/author/jose/', 'José'],
      ['/author/jose-2/', 'Jose'],
    ]);
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
    // b is older: its José keeps the slug, and a, which wrote Jose later, is warned.
    expect(site.authors.map((term) => [term.url, term.name])).toEqual([
      ['/author/jose/', 'José'],
      ['/author/jose-2/', 'Jose'],
    ]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: 'content/ekonomi/a.md',
        severity: 'warning',
        ruleId: 'term-slug-collision',
        reason: expect.stringContaining('"Jose" that makes the same URL slug as author "José" (content/ekonomi/b.md)'),
        cause: { file: 'content/ekonomi/b.md' },
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
