import { describe, expect, test } from 'vitest';
import type { Article } from '../../src/content/article.js';
import type { AuthorProfile } from '../../src/content/author-profile.js';
import { buildSite } from '../../src/site/build-site.js';
import type { ListPage, Page } from '../../src/site/site.js';
import { at, displayPathOf, makeArticle, makeOptions, september } from './fixtures.js';

function build(
  articles: readonly Article[],
  options = makeOptions(),
  profiles: ReadonlyMap<string, AuthorProfile> = new Map(),
) {
  return buildSite(articles, profiles, options, displayPathOf);
}

function pageAt(pages: readonly Page[], url: string): Page {
  const page = pages.find((each) => each.url === url);
  if (!page) throw new Error(`No page at ${url}; have ${pages.map((each) => each.url).join(' ')}`);
  return page;
}

function listAt(pages: readonly Page[], url: string): ListPage {
  const page = pageAt(pages, url);
  if (page.kind !== 'list') throw new Error(`Page at ${url} is a ${page.kind} page`);
  return page;
}

describe('buildSite publishing', () => {
  const options = makeOptions({ now: new Date('2016-09-10T00:00:00Z') });
  const articles = [
    makeArticle('live', { date: september(9) }),
    makeArticle('draft', { draft: true }),
    makeArticle('scheduled', { date: september(11) }),
    makeArticle('expired', { expires: september(9, '12:00') }),
  ];

  test('publishes only what is live at the fixed now', () => {
    expect(build(articles, options).site.articles.map((article) => article.id)).toEqual(['live']);
  });

  test('gives unpublished articles no page and no listing entry', () => {
    const { site } = build(articles, options);
    expect(site.pages.some((page) => page.url === '/ekonomi/draft/' || page.url === '/ekonomi/scheduled/')).toBe(false);
    expect(listAt(site.pages, '/ekonomi/').articles.map((article) => article.id)).toEqual(['live']);
  });

  test('publishes drafts and scheduled articles when asked', () => {
    const ids = build(articles, { ...options, drafts: true, future: true }).site.articles.map((article) => article.id);
    expect(ids.sort()).toEqual(['draft', 'live', 'scheduled']);
  });
});

describe('buildSite model', () => {
  test('orders articles newest first, then by id', () => {
    const { site } = build([
      makeArticle('b', { date: september(1) }),
      makeArticle('c', { date: september(2) }),
      makeArticle('a', { date: september(1) }),
    ]);
    expect(site.articles.map((article) => article.id)).toEqual(['c', 'a', 'b']);
  });

  test('places each article at its permalink', () => {
    const { site } = build([makeArticle('harga-cabai')], makeOptions({ permalink: '/:yyyy/:mm/:slug/' }));
    expect(site.articles[0]?.url).toBe('/2016/09/harga-cabai/');
    expect(pageAt(site.pages, '/2016/09/harga-cabai/').kind).toBe('article');
  });

  test('joins tags that differ only in case into one term shared by both articles', () => {
    const { site } = build([
      makeArticle('a', { tags: ['E-Commerce'] }),
      makeArticle('b', { tags: ['e-commerce'] }),
      makeArticle('c', { tags: ['E-Commerce'] }),
    ]);
    expect(site.tags).toEqual([
      { taxonomy: 'tag', slug: 'e-commerce', name: 'E-Commerce', url: '/tag/e-commerce/', count: 3 },
    ]);
    expect(site.articles.map((article) => article.tagTerms[0]?.slug)).toEqual([
      'e-commerce',
      'e-commerce',
      'e-commerce',
    ]);
    expect(listAt(site.pages, '/tag/e-commerce/').articles).toHaveLength(3);
  });

  test('joins NFC and NFD spellings of a tag into one term', () => {
    const { site } = build([
      makeArticle('a', { tags: ['Kafé'.normalize('NFD')] }),
      makeArticle('b', { tags: ['Kafé'.normalize('NFC')] }),
    ]);
    expect(site.tags.map((term) => [term.slug, term.count])).toEqual([['kafe', 2]]);
  });

  test('names sections from the config and orders them as configured, then by name', () => {
    const { site } = build(
      [
        makeArticle('a', { section: 'teknologi' }),
        makeArticle('b', { section: 'ekonomi' }),
        makeArticle('c', { section: 'olahraga' }),
        makeArticle('d', { section: 'budaya' }),
      ],
      makeOptions({
        sections: [
          { slug: 'teknologi', name: 'Tekno' },
          { slug: 'ekonomi', name: 'Ekonomi' },
        ],
      }),
    );
    expect(site.sections.map((term) => [term.slug, term.name])).toEqual([
      ['teknologi', 'Tekno'],
      ['ekonomi', 'Ekonomi'],
      ['budaya', 'budaya'],
      ['olahraga', 'olahraga'],
    ]);
  });
});

describe('buildSite author pages', () => {
  const profile: AuthorProfile = {
    slug: 'rina-wulandari',
    name: 'Rina Wulandari',
    role: 'Redaktur Ekonomi',
    bioHtml: '<p>Meliput ekonomi.</p>',
    avatar: undefined,
    links: [],
    namePlace: undefined,
    sourcePath: 'authors/rina-wulandari.md',
  };

  test('gives an author page the profile whose slug matches the name', () => {
    const { site } = build(
      [makeArticle('a', { authors: ['rina wulandari'] })],
      makeOptions(),
      new Map([['rina-wulandari', profile]]),
    );
    const page = listAt(site.pages, '/author/rina-wulandari/');
    expect(page.author).toBe(profile);
    expect(page.term?.name).toBe('Rina Wulandari');
  });

  test('gives an author without a profile a page without one', () => {
    const { site } = build(
      [makeArticle('a', { authors: ['Budi Santoso'] })],
      makeOptions(),
      new Map([['rina-wulandari', profile]]),
    );
    const page = listAt(site.pages, '/author/budi-santoso/');
    expect(page.author).toBeUndefined();
    expect(page.articles.map((article) => article.id)).toEqual(['a']);
  });
});

describe('buildSite URL collisions', () => {
  test('reports two articles at one URL, naming both files', () => {
    const first = makeArticle('harga-cabai', {
      sourcePath: 'ekonomi/harga-cabai.md',
      id: 'one',
      date: september(9),
      slugPlace: { line: 2, column: 1 },
    });
    const second = makeArticle('harga-cabai', {
      sourcePath: 'ekonomi/2016/harga-cabai.md',
      id: 'two',
      date: september(8),
      slugPlace: { line: 4, column: 1 },
    });
    const { diagnostics } = build([second, first]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'duplicate-url',
        file: 'content/ekonomi/2016/harga-cabai.md',
        place: { line: 4, column: 1 },
        cause: { file: 'content/ekonomi/harga-cabai.md', place: { line: 2, column: 1 } },
      }),
    ]);
    expect(diagnostics[0]?.reason).toContain('/ekonomi/harga-cabai/');
  });

  test('reports article URLs that differ only in letter case', () => {
    const { diagnostics } = build(
      [makeArticle('a', { id: 'Berita-1' }), makeArticle('b', { id: 'berita-1', date: september(8) })],
      makeOptions({ permalink: '/berita/:id/' }),
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'url-case-collision',
        file: 'content/ekonomi/b.md',
        cause: expect.objectContaining({ file: 'content/ekonomi/a.md' }),
      }),
    ]);
  });

  test('reports article URLs that differ only in Unicode normal form', () => {
    const { diagnostics } = build([
      makeArticle('kafe-1', { slug: 'kafé'.normalize('NFC') }),
      makeArticle('kafe-2', { slug: 'kafé'.normalize('NFD'), date: september(8) }),
    ]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'url-case-collision', file: 'content/ekonomi/kafe-2.md' }),
    ]);
  });

  test('reports an article that takes the URL of a generated page', () => {
    const { diagnostics } = build([makeArticle('tag')], makeOptions({ permalink: '/:slug/' }));
    expect(diagnostics).toHaveLength(1);
    const named = [diagnostics[0]?.file, diagnostics[0]?.cause?.file];
    expect(named).toContain('content/ekonomi/tag.md');
    expect(diagnostics[0]?.reason).toContain('/tag/');
  });

  test('reports nothing for a site without clashes', () => {
    expect(
      build([makeArticle('a', { tags: ['Pangan'] }), makeArticle('b', { section: 'nasional' })]).diagnostics,
    ).toEqual([]);
  });
});

describe('buildSite date archives', () => {
  test('lists articles by year at /2016/ and by month at /2016/09/, in the site time zone', () => {
    const { site } = build([
      makeArticle('sept', { date: at('2016-09-01T00:30:00+07:00') }),
      makeArticle('aug', { date: at('2016-08-20T10:00:00+07:00') }),
      makeArticle('old', { date: at('2015-12-31T23:00:00+07:00') }),
    ]);
    const ids = (url: string) => listAt(site.pages, url).articles.map((article) => article.id);
    expect(ids('/2016/')).toEqual(['sept', 'aug']);
    expect(ids('/2016/09/')).toEqual(['sept']);
    expect(ids('/2016/08/')).toEqual(['aug']);
    expect(ids('/2015/12/')).toEqual(['old']);
    expect(listAt(site.pages, '/2016/09/')).toMatchObject({
      taxonomy: 'archive',
      term: undefined,
      period: { year: 2016, month: 9 },
    });
    expect(listAt(site.pages, '/2016/').period).toEqual({ year: 2016, month: undefined });
  });

  test('paginates a month archive under /2016/09/page/N/, the oldest first', () => {
    const articles = Array.from({ length: 3 }, (_, index) => makeArticle(`a${index}`, { date: september(index + 1) }));
    const { site } = build(articles, makeOptions({ perPage: 2 }));
    expect(listAt(site.pages, '/2016/09/').articles.map((article) => article.id)).toEqual(['a2', 'a1']);
    expect(listAt(site.pages, '/2016/09/page/1/').articles.map((article) => article.id)).toEqual(['a1', 'a0']);
    expect(listAt(site.pages, '/2016/09/page/2/').articles.map((article) => article.id)).toEqual(['a2']);
  });
});
