import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Article } from '../../src/content/article.js';
import { buildSite } from '../../src/site/build-site.js';
import { TERMS_INDEX_URLS } from '../../src/site/create-pages.js';
import type { ArticlePage, HomePage, ListPage, Page, TermsPage } from '../../src/site/site.js';
import { at, displayPathOf, makeArticle, makeOptions, september } from './fixtures.js';

function pagesOf(articles: readonly Article[], options = makeOptions()): readonly Page[] {
  return buildSite(articles, new Map(), options, displayPathOf).site.pages;
}

function pagesOfKind<K extends Page['kind']>(pages: readonly Page[], kind: K): Extract<Page, { kind: K }>[] {
  return pages.filter((page): page is Extract<Page, { kind: K }> => page.kind === kind);
}

function articlePage(pages: readonly Page[], id: string): ArticlePage {
  const page = pagesOfKind(pages, 'article').find((each) => each.article.id === id);
  if (!page) throw new Error(`No article page for ${id}`);
  return page;
}

function listAt(pages: readonly Page[], url: string): ListPage {
  const page = pagesOfKind(pages, 'list').find((each) => each.url === url);
  if (!page) throw new Error(`No list page at ${url}`);
  return page;
}

const ids = (list: readonly { id: string }[]) => list.map((article) => article.id);

describe('home pages', () => {
  // Newest first: n1 (nasional), e1 (ekonomi), n2, e2, n3 … ten articles over ten days.
  const articles = Array.from({ length: 10 }, (_, index) =>
    makeArticle(`${index % 2 === 0 ? 'n' : 'e'}${Math.floor(index / 2) + 1}`, {
      section: index % 2 === 0 ? 'nasional' : 'ekonomi',
      date: september(20 - index),
    }),
  );
  const options = makeOptions({
    perPage: 8,
    sections: [
      { slug: 'nasional', name: 'Nasional' },
      { slug: 'ekonomi', name: 'Ekonomi' },
    ],
  });
  const homes = pagesOfKind(pagesOf(articles, options), 'home');

  test('makes the newest article the headline of page 1 only', () => {
    expect(homes[0]?.headline?.id).toBe('n1');
    expect(homes.slice(1).every((page) => page.headline === undefined)).toBe(true);
  });

  test('never leads with paid content unless it is featured: the newest other article leads, the advertorial stays in the list', () => {
    const advertorial = makeArticle('ad', { date: september(30), kind: 'sponsored', sponsor: 'Bank Sejahtera' });
    const [front] = pagesOfKind(pagesOf([advertorial, ...articles], options), 'home') as [HomePage];
    expect(front.headline?.id).toBe('n1');
    expect(ids(front.articles)[0]).toBe('ad');
    const featured = makeArticle('ad', { date: september(30), kind: 'sponsored', featured: true });
    const [chosen] = pagesOfKind(pagesOf([featured, ...articles], options), 'home') as [HomePage];
    expect(chosen.headline?.id).toBe('ad');
  });

  test("follows the headline with the rest of the archive's first page, newest first", () => {
    const [first] = homes as [HomePage];
    expect(ids(first.articles)).toEqual(['e1', 'n2', 'e2', 'n3', 'e3', 'n4', 'e4']);
  });

  test('gives each section in configured order a block of its newest articles not shown above, four at most', () => {
    const [first] = homes as [HomePage];
    expect(first.sections.map((block) => [block.term.slug, ids(block.articles)])).toEqual([
      ['nasional', ['n5']],
      ['ekonomi', ['e5']],
    ]);
    const many = Array.from({ length: 12 }, (_, index) =>
      makeArticle(`a${index + 1}`, { date: september(20 - index) }),
    );
    const [top] = pagesOfKind(pagesOf(many, makeOptions({ perPage: 3 })), 'home') as [HomePage];
    expect(ids(top.sections[0]?.articles ?? [])).toEqual(['a4', 'a5', 'a6', 'a7']);
  });

  test('shows no article twice on page 1', () => {
    const [first] = homes as [HomePage];
    const shown = [
      first.headline?.id,
      ...ids(first.articles),
      ...first.sections.flatMap((block) => ids(block.articles)),
    ];
    expect(new Set(shown).size).toBe(shown.length);
  });

  test('adds archive pages under the root, numbered from the oldest', () => {
    expect(homes.map((page) => page.url)).toEqual(['/', '/page/1/', '/page/2/']);
    expect(homes[1]?.pagination).toMatchObject({ number: 1, newer: '/page/2/', older: undefined });
    expect(ids(homes[1]?.articles ?? [])).toEqual(['n2', 'e2', 'n3', 'e3', 'n4', 'e4', 'n5', 'e5']);
    expect(ids(homes[2]?.articles ?? [])).toEqual(['n1', 'e1']);
    expect(homes[1]?.sections).toEqual([]);
    expect(homes[2]?.pagination).toMatchObject({ number: 2, newer: '/', older: '/page/1/' });
  });

  test('still makes one home page for a site without articles', () => {
    const [only, ...rest] = pagesOfKind(pagesOf([]), 'home');
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      url: '/',
      headline: undefined,
      sections: [],
      articles: [],
      pagination: { number: 0, url: '/', newer: undefined, older: undefined, numbered: [] },
    });
  });
});

describe('home page section blocks (property)', () => {
  test('are, for each section, its newest featured article not shown above and then its newest, four at most', () => {
    const sections = ['nasional', 'ekonomi', 'olahraga'];
    const options = makeOptions({
      now: new Date('2016-10-01T00:00:00Z'),
      perPage: 3,
      sections: sections.map((slug) => ({ slug, name: slug })),
    });
    const now = options.now.getTime();
    const article = fc.record({
      section: fc.constantFrom(...sections, 'lain'),
      // One in four featured: a section's featured article is often older than its four newest.
      featured: fc.nat(3).map((draw) => draw === 0),
      until: fc.constantFrom(undefined, '2016-09-01T00:00:00Z', '2030-01-01T00:00:00Z'),
    });
    fc.assert(
      fc.property(fc.array(article, { minLength: 12, maxLength: 40, size: 'max' }), (drawn) => {
        const articles = drawn.map((one, index) =>
          makeArticle(`a${index}`, {
            section: one.section,
            date: september(1 + (index % 28), `${String(index % 24).padStart(2, '0')}:00`),
            featured: one.featured,
            featuredUntil: one.until === undefined ? undefined : { time: Date.parse(one.until), iso: one.until },
          }),
        );
        const { site } = buildSite(articles, new Map(), options, displayPathOf);
        const home = site.pages.find((page): page is HomePage => page.kind === 'home' && page.pagination.number === 0);
        if (!home) throw new Error('no home page');
        // As the blocks were first written: every article of a section grouped, those above taken out,
        // the newest featured one first.
        const above = new Set([home.headline, ...home.articles]);
        const expected = site.sections
          .map((term) => {
            const listed = site.articles.filter((one) => one.sectionTerm === term && !above.has(one));
            const lead = listed.find(
              (one) => one.featured && (one.featuredUntil === undefined || one.featuredUntil.time > now),
            );
            const ordered = lead ? [lead, ...listed.filter((one) => one !== lead)] : listed;
            return { term, articles: ordered.slice(0, 4) };
          })
          .filter((block) => block.articles.length > 0);
        expect(home.sections.map((block) => [block.term.slug, ids(block.articles)])).toEqual(
          expected.map((block) => [block.term.slug, ids(block.articles)]),
        );
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });
});

describe('article pages', () => {
  const base = makeArticle('base', {
    section: 'ekonomi',
    tags: ['E-Commerce'],
    authors: ['Rina'],
    date: september(15),
  });
  const caseTwin = makeArticle('case-twin', {
    section: 'olahraga',
    tags: ['e-commerce'],
    authors: ['Sari'],
    date: september(1),
  });
  const sameDesk = makeArticle('same-desk', { section: 'ekonomi', tags: [], authors: ['Budi'], date: september(14) });
  const unrelated = makeArticle('unrelated', {
    section: 'olahraga',
    tags: ['Sepak Bola'],
    authors: ['Sari'],
    date: september(16),
  });
  const extra = Array.from({ length: 5 }, (_, index) =>
    makeArticle(`extra-${index + 1}`, { section: 'nasional', authors: ['Dewi'], date: september(10 - index) }),
  );
  const all = [base, caseTwin, sameDesk, unrelated, ...extra];

  test('ranks an article sharing a tag spelled in another case above one sharing only the section', () => {
    const page = articlePage(pagesOf(all), 'base');
    expect(ids(page.related)).toEqual(['case-twin', 'same-desk']);
  });

  test('never lists an article as related to itself and respects the count', () => {
    const options = makeOptions({ related: { count: 1, weights: makeOptions().related.weights } });
    for (const page of pagesOfKind(pagesOf(all, options), 'article')) {
      expect(page.related.length).toBeLessThanOrEqual(1);
      expect(page.related).not.toContain(page.article);
    }
  });

  test('fills other news with the articles published just before it, not already on the page', () => {
    const page = articlePage(pagesOf(all, makeOptions({ otherNewsCount: 4 })), 'base');
    // `unrelated` is newer than `base`: a page never shows what was published after it.
    expect(ids(page.otherNews)).toEqual(['extra-1', 'extra-2', 'extra-3', 'extra-4']);
  });

  test('chooses related articles and other news only among articles published at or before it (regression: issue 19)', () => {
    for (const page of pagesOfKind(pagesOf(all), 'article')) {
      for (const shown of [...page.related, ...page.otherNews]) {
        const older =
          shown.date.time < page.article.date.time ||
          (shown.date.time === page.article.date.time && shown.id > page.article.id);
        expect(older, `${shown.id} on the page of ${page.article.id}`).toBe(true);
      }
    }
  });

  test('never repeats the article or its related ones in other news', () => {
    for (const page of pagesOfKind(pagesOf(all), 'article')) {
      const onPage = new Set([page.article.id, ...ids(page.related)]);
      expect(ids(page.otherNews).filter((id) => onPage.has(id))).toEqual([]);
      expect(new Set(ids(page.otherNews)).size).toBe(page.otherNews.length);
    }
  });

  test('gives each article page its article URL', () => {
    expect(articlePage(pagesOf(all), 'base').url).toBe('/ekonomi/base/');
  });
});

describe('date archives', () => {
  test('group articles by the month their own date names, when offsets interleave months in time order', () => {
    // Newest first by instant: b (31 Aug 20:00 UTC), a (1 Sep 00:30 +07:00, 31 Aug 17:30 UTC), c (31 Aug 10:00 UTC).
    const articles = [
      makeArticle('a', { date: at('2016-09-01T00:30:00+07:00') }),
      makeArticle('b', { date: at('2016-08-31T20:00:00+00:00') }),
      makeArticle('c', { date: at('2016-08-31T10:00:00+00:00') }),
      makeArticle('d', { date: at('2015-12-31T23:00:00+00:00') }),
    ];
    const pages = pagesOf(articles);
    expect(ids(listAt(pages, '/2016/08/').articles)).toEqual(['b', 'c']);
    expect(ids(listAt(pages, '/2016/09/').articles)).toEqual(['a']);
    expect(ids(listAt(pages, '/2016/').articles)).toEqual(['b', 'a', 'c']);
    expect(ids(listAt(pages, '/2015/12/').articles)).toEqual(['d']);
    expect(
      pagesOfKind(pages, 'list')
        .filter((page) => page.taxonomy === 'archive')
        .map((page) => page.url),
    ).toEqual(['/2016/09/', '/2016/08/', '/2016/', '/2015/12/', '/2015/']);
  });
});

describe('listing pages', () => {
  const tagged = (n: number) =>
    Array.from({ length: n }, (_, index) =>
      makeArticle(`t${index + 1}`, { tags: ['Pangan'], date: september(20 - index) }),
    );

  test('keeps exactly perPage articles on one tag page', () => {
    const pages = pagesOf(tagged(3), makeOptions({ perPage: 3 }));
    expect(listAt(pages, '/tag/pangan/').pagination).toMatchObject({ number: 0, older: undefined, numbered: [] });
    expect(pagesOfKind(pages, 'list').some((page) => page.url.startsWith('/tag/pangan/page/'))).toBe(false);
  });

  test('with perPage + 1 articles of a tag, makes archive pages numbered from the oldest', () => {
    const pages = pagesOf(tagged(4), makeOptions({ perPage: 3 }));
    expect(ids(listAt(pages, '/tag/pangan/').articles)).toEqual(['t1', 't2', 't3']);
    expect(listAt(pages, '/tag/pangan/page/1/')).toMatchObject({
      taxonomy: 'tag',
      term: { slug: 'pangan' },
      pagination: { number: 1, newer: '/tag/pangan/page/2/' },
    });
    expect(ids(listAt(pages, '/tag/pangan/page/1/').articles)).toEqual(['t2', 't3', 't4']);
    expect(ids(listAt(pages, '/tag/pangan/page/2/').articles)).toEqual(['t1']);
  });

  test('makes section listings at the section slug', () => {
    const pages = pagesOf(tagged(1));
    expect(listAt(pages, '/ekonomi/')).toMatchObject({
      taxonomy: 'section',
      term: { name: 'ekonomi' },
      author: undefined,
      period: undefined,
    });
  });

  test('makes an index of each taxonomy, tags by count', () => {
    const pages = pagesOf([makeArticle('a', { tags: ['Banjir', 'Cuaca'] }), makeArticle('b', { tags: ['Cuaca'] })]);
    const indexes = pagesOfKind(pages, 'terms');
    expect(indexes.map((page) => page.url).sort()).toEqual(Object.values(TERMS_INDEX_URLS).sort());
    const tagIndex = indexes.find((page) => page.taxonomy === 'tag') as TermsPage;
    expect(tagIndex.terms.map((term) => [term.name, term.count])).toEqual([
      ['Cuaca', 2],
      ['Banjir', 1],
    ]);
  });

  test('adds one not-found page', () => {
    expect(pagesOfKind(pagesOf([]), 'not-found')).toEqual([{ kind: 'not-found', url: '/404.html' }]);
  });
});

describe('"read also" links (issue 23)', () => {
  const place = { line: 9, column: 1 };
  const articles = [
    makeArticle('banjir', {
      section: 'nasional',
      readAlsoLinks: [
        { slug: 'harga', place },
        { slug: 'harga', place },
      ],
    }),
    makeArticle('harga', { section: 'ekonomi', date: september(8) }),
    makeArticle('harga', { section: 'nasional', id: 'nasional-harga', date: september(7) }),
    makeArticle('draf', { draft: true }),
  ];

  test('resolve each slug once, preferring the article in the linking article’s own section', () => {
    const page = articlePage(pagesOf(articles), 'banjir');
    expect(ids(page.readAlso)).toEqual(['nasional-harga']);
  });

  test('to no published article are errors at the link, saying when the article exists but is not published', () => {
    const broken = [
      makeArticle('a', {
        readAlsoLinks: [
          { slug: 'tidak-ada', place },
          { slug: 'draf', place: { line: 12, column: 1 } },
        ],
      }),
      makeArticle('draf', { draft: true }),
    ];
    const { diagnostics } = buildSite(broken, new Map(), makeOptions(), displayPathOf);
    expect(diagnostics.map((d) => [d.file, d.place?.line, d.ruleId, d.reason])).toEqual([
      [
        'content/ekonomi/a.md',
        9,
        'related-unknown-slug',
        'Unexpected ::related link to "tidak-ada": no article has this slug',
      ],
      [
        'content/ekonomi/a.md',
        12,
        'related-unknown-slug',
        'Unexpected ::related link to "draf", an article that is not published (a draft, scheduled or expired)',
      ],
    ]);
  });
});
