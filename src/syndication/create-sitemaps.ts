import type { Instant } from '../i18n/instant.js';
import type { OutputFile } from '../output/output-file.js';
import type { Page, Site, SiteArticle } from '../site/site.js';
import { createSiteUrl } from '../url/site-url.js';
import type { OutputGroup } from './create-feeds.js';
import { groupArticlesByMonth, listMonthArticles, listPagePaths } from './list-sitemap-entries.js';
import { splitRecentArticles } from './news-window.js';
import { findLastModified, modifiedOf } from './page-lastmod.js';
import type { SitemapConfig, SitemapEntry, SitemapLimits } from './sitemap-model.js';
import { estimateLocBytes, type SplitLimit, splitEntries } from './split-entries.js';

/** The protocol's limits: 50,000 URLs and 50 MB per sitemap, 1,000 URLs per news sitemap. */
export const SITEMAP_LIMITS: SitemapLimits = {
  pages: { maxEntries: 50_000, maxBytes: 50 * 1024 * 1024 },
  news: { maxEntries: 1_000, maxBytes: 50 * 1024 * 1024 },
};

/** URL path of the sitemap index, the one address to give search engines. */
export const SITEMAP_INDEX_URL = '/sitemap.xml';

/** A page in a sitemap before it is written: its URL path (no base path) and when it last changed, if said. */
interface SitemapItem {
  readonly url: string;
  readonly lastmod: Instant | undefined;
}

/** One `<urlset>` file: its output path, its items (made when the file is planned), and the `lastmod` the index gives it. */
interface UrlsetPart {
  readonly path: string;
  readonly items: () => readonly SitemapItem[];
  readonly lastmod: Instant | undefined;
}

/** Every sitemap file rendered, the index first (see {@link planSitemaps}). Pure. */
export async function createSitemaps(
  site: Site,
  config: SitemapConfig,
  limits: SitemapLimits = SITEMAP_LIMITS,
): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const group of planSitemaps(site, config, limits)) files.push(...(await group.render()));
  return files;
}

/**
 * The sitemaps, one lazily rendered group per file: `/sitemap.xml`, an index
 * of `/sitemap-pages.xml` (home, listings and indexes of terms), one
 * `/sitemap-YYYY-MM.xml` per month of article pages, and
 * `/sitemap-news-N.xml` (Google News, the last 48 hours); a file past the
 * protocol's limits continues in `-2`, `-3`…. Drafts, scheduled and expired
 * articles never appear, nor does the 404 page. Each group's key is made of
 * what its file shows, so publishing an article renders only its month's
 * sitemap, the news sitemap and the index (and the pages sitemap only when a
 * new page appears): every other month keeps the file it had.
 */
export function planSitemaps(site: Site, config: SitemapConfig, limits: SitemapLimits = SITEMAP_LIMITS): OutputGroup[] {
  return planSitemapUpdate(site, config, undefined, limits).groups;
}

/** Where a `<urlset>` file is and the `lastmod` the index gives it. */
interface PartPlace {
  readonly path: string;
  readonly lastmod: Instant | undefined;
}

/**
 * The monthly sitemap files of one site as its index lists them, kept by a
 * session for the next publish: a publish changes one month's file, and
 * the index finds every other month's where the last plan left it.
 */
export interface SitemapMonths {
  /** The site's pages they were planned for (by identity: a publish patch names the pages it started from). */
  readonly pages: readonly Page[];
  /** The clock they were planned at (which articles are public). */
  readonly now: number;
  readonly months: ReadonlyMap<string, readonly PartPlace[]>;
}

/** What a build that added or removed articles of some months alone plans again (see {@link planSitemapUpdate}). */
export interface SitemapUpdate {
  /** The months of the articles added or removed (`2016-09`). */
  readonly months: ReadonlySet<string>;
  /** The last plan's months, taken for every other month when planned for `lastPages` at the same clock. */
  readonly last?: SitemapMonths | undefined;
  readonly lastPages?: readonly Page[] | undefined;
}

/**
 * The sitemaps as {@link planSitemaps} plans them, but of the monthly
 * sitemaps only those of `update.months` (all when undefined): what a build
 * that added or removed articles of those months alone may have changed.
 * `files` lists every sitemap file the site has, planned or not, and
 * `months` where the monthly files are, for the next update.
 */
export function planSitemapUpdate(
  site: Site,
  config: SitemapConfig,
  update: SitemapUpdate | undefined,
  limits: SitemapLimits = SITEMAP_LIMITS,
): { groups: OutputGroup[]; files: string[]; months: SitemapMonths } {
  const siteUrl = createSiteUrl(config);
  // Standalone pages say when they last changed (`updated`); listings change too often to say.
  const updated = new Map<string, Instant>();
  for (const page of site.pages)
    if (page.kind === 'page' && page.entry.updated) updated.set(page.url, page.entry.updated);
  const pageItems = listPagePaths(site, config).map((url) => ({ url, lastmod: updated.get(url) }));
  const pageParts = splitUrlset('sitemap-pages', pageItems, ITEM_FIELDS, limits.pages, config.baseUrl);
  const planned = new Set<UrlsetPart>(pageParts);
  const months = new Map<string, readonly PartPlace[]>();
  const planMonth = (month: string, articles: readonly SiteArticle[]) => {
    const monthParts = splitUrlset(`sitemap-${month}`, articles, ARTICLE_FIELDS, limits.pages, config.baseUrl);
    if (!update || update.months.has(month)) for (const part of monthParts) planned.add(part);
    months.set(month, monthParts);
  };
  const last = update?.last;
  if (update && last && last.pages === update.lastPages && last.now === config.now.getTime()) {
    for (const [month, parts] of last.months) if (!update.months.has(month)) months.set(month, parts);
    for (const month of update.months) {
      months.delete(month);
      const articles = listMonthArticles(site, config, month);
      if (articles.length > 0) planMonth(month, articles);
    }
  } else for (const [month, articles] of groupArticlesByMonth(site, config)) planMonth(month, articles);
  const parts: PartPlace[] = [...pageParts];
  for (const month of [...months.keys()].sort(compareCodeUnits)) parts.push(...(months.get(month) ?? []));
  const news = splitRecentArticles(site.articles, config, limits.news);
  const newsPaths = news.map((_, index) => `sitemap-news-${index + 1}.xml`);
  const newsLastmod = findLastModified(news.flat())?.iso;
  const children: SitemapEntry[] = [
    ...parts.map((part) => ({ loc: siteUrl.absolute(`/${part.path}`), lastmod: part.lastmod?.iso })),
    ...newsPaths.map((path) => ({ loc: siteUrl.absolute(`/${path}`), lastmod: newsLastmod })),
  ];
  const groups: OutputGroup[] = [
    {
      key: JSON.stringify(['sitemap.xml', children]),
      render: async () => [
        { path: 'sitemap.xml', contents: (await import('./render-sitemaps.js')).renderSitemapIndex(children) },
      ],
    },
    ...[...planned].map((part) => planUrlset(part, config)),
    {
      key: JSON.stringify([newsPaths, news.map((chunk) => chunk.map(describeNewsArticle))]),
      render: async () => {
        const { renderNewsSitemap } = await import('./news-sitemap.js');
        return news.map((chunk, index) => ({
          path: newsPaths[index] as string,
          contents: renderNewsSitemap(chunk, config),
        }));
      },
    },
  ];
  return {
    groups,
    files: ['sitemap.xml', ...parts.map((part) => part.path), ...newsPaths],
    months: { pages: site.pages, now: config.now.getTime(), months },
  };
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A `<urlset>` group keyed by its path and every item's URL and `lastmod`. */
function planUrlset(part: UrlsetPart, config: SitemapConfig): OutputGroup {
  const items = part.items();
  const key = [part.path, ...items.map((item) => `${item.url} ${item.lastmod?.iso ?? ''}`)].join('\n');
  return {
    key,
    // The XML writer loads only when a sitemap is written (a build that changes none never pays for it).
    render: async () => {
      const { renderUrlset } = await import('./render-sitemaps.js');
      const siteUrl = createSiteUrl(config);
      const entries = items.map((item) => ({ loc: siteUrl.absolute(item.url), lastmod: item.lastmod?.iso }));
      return [{ path: part.path, contents: renderUrlset(entries) }];
    },
  };
}

/**
 * Entries cut at the limits into `name.xml`, `name-2.xml`…, each with the
 * newest `lastmod` of its items (none when they have none). An entry is
 * made an item only where it is needed: when a file is planned, or sized
 * because the bound says it may pass the limits.
 */
function splitUrlset<T>(
  name: string,
  entries: readonly T[],
  fields: ItemFields<T>,
  limit: SplitLimit,
  baseUrl: string,
): UrlsetPart[] {
  const itemOf = (entry: T): SitemapItem => ({ url: fields.url(entry), lastmod: fields.lastmod(entry) });
  const sizeOf = (item: SitemapItem) => 80 + estimateLocBytes(baseUrl, item.url) + (item.lastmod?.iso.length ?? 0);
  // Almost every file is far below the limits: a bound that needs no encoding of any URL (each UTF-16
  // unit is at most 3 UTF-8 bytes, each byte at most 5 once escaped) tells so without sizing every entry.
  const baseBytes = Buffer.byteLength(baseUrl, 'utf8');
  // One pass gives the bound and the newest `lastmod` alike: it runs over every article at every publish.
  let bound = 300;
  let latest: Instant | undefined;
  for (const entry of entries) {
    const lastmod = fields.lastmod(entry);
    bound += 80 + baseBytes + 15 * fields.url(entry).length + (lastmod?.iso.length ?? 0);
    if (lastmod && (!latest || lastmod.time > latest.time)) latest = lastmod;
  }
  if (entries.length <= limit.maxEntries && bound <= limit.maxBytes)
    return [{ path: `${name}.xml`, items: () => entries.map(itemOf), lastmod: latest }];
  return splitEntries(entries.map(itemOf), limit, sizeOf, 300).map((chunk, index) => ({
    path: index === 0 ? `${name}.xml` : `${name}-${index + 1}.xml`,
    items: () => chunk,
    lastmod: newest(chunk, ITEM_FIELDS.lastmod),
  }));
}

/** How a sitemap reads an entry's URL path and `lastmod`. */
interface ItemFields<T> {
  url(entry: T): string;
  lastmod(entry: T): Instant | undefined;
}

const ITEM_FIELDS: ItemFields<SitemapItem> = { url: (item) => item.url, lastmod: (item) => item.lastmod };
const ARTICLE_FIELDS: ItemFields<SiteArticle> = { url: (article) => article.url, lastmod: modifiedOf };

/** Everything of an article a news sitemap prints. */
function describeNewsArticle(article: SiteArticle): unknown[] {
  return [article.url, article.title, article.date.iso];
}

/** The latest `lastmod` of some entries (read with `lastmodOf`); the first of equal instants. */
function newest<T>(entries: readonly T[], lastmodOf: (entry: T) => Instant | undefined): Instant | undefined {
  let best: Instant | undefined;
  for (const entry of entries) {
    const lastmod = lastmodOf(entry);
    if (lastmod && (!best || lastmod.time > best.time)) best = lastmod;
  }
  return best;
}
