import type { Article } from '../../src/content/article.js';
import type { Instant } from '../../src/i18n/instant.js';
import type { SiteOptions } from '../../src/site/site.js';

/** An instant from ISO 8601 text with an offset; the text is kept as written. */
export function at(iso: string): Instant {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new Error(`Bad fixture date ${iso}`);
  return { time, iso };
}

/** A day in September 2016 at 10:46 WIB (UTC+7), e.g. `september(9)`. */
export function september(day: number, time = '10:46'): Instant {
  return at(`2016-09-${String(day).padStart(2, '0')}T${time}:00+07:00`);
}

/**
 * A valid, published article. `slug` names it; the id, title, source path and
 * body follow from the slug unless `overrides` replace them.
 */
export function makeArticle(slug: string, overrides: Partial<Article> = {}): Article {
  const section = overrides.section ?? 'ekonomi';
  return {
    sourcePath: `${section.toLowerCase()}/${slug}.md`,
    id: slug,
    title: `Berita ${slug}`,
    date: september(9),
    updated: undefined,
    expires: undefined,
    authors: ['Rina Wulandari'],
    section,
    tags: [],
    image: undefined,
    summary: undefined,
    slug,
    dateline: undefined,
    editor: undefined,
    draft: false,
    corrections: [],
    aliases: [],
    featured: false,
    featuredUntil: undefined,
    kind: 'news',
    sponsor: undefined,
    live: false,
    liveUntil: undefined,
    liveUpdates: [],
    params: {},
    references: [],
    bodyLine: 6,
    slugPlace: { line: 2, column: 1 },
    idPlace: undefined,
    namePlaces: { section: undefined, tags: [], authors: [] },
    excerpt: `Isi berita ${slug}.`,
    readAlsoLinks: [],
    ...overrides,
  };
}

/** Site options with small, explicit numbers; `overrides` replace any field. */
export function makeOptions(overrides: Partial<SiteOptions> = {}): SiteOptions {
  return {
    permalink: '/:section/:slug/',
    nginxRedirects: false,
    search: false,
    perPage: 10,
    sections: [],
    related: { count: 4, weights: { tag: 10, section: 3, author: 2, recency: 2, halfLifeDays: 30 } },
    otherNewsCount: 8,
    now: new Date('2016-12-31T00:00:00Z'),
    drafts: false,
    future: false,
    menus: { main: undefined, footer: undefined },
    redirects: [],
    baseUrl: 'https://warta.example/',
    publicBaseUrl: 'https://warta.example/',
    feeds: { limit: 50, content: 'full', tags: false, authors: false },
    ...overrides,
  };
}

/** The display path the CLI would show for an article fixture. */
export function displayPathOf(article: { readonly sourcePath: string }): string {
  return `content/${article.sourcePath}`;
}
