import { create } from 'xmlbuilder2';
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { OutputFile } from '../output/output-file.js';
import type { OutputGroup } from './create-feeds.js';
import type { Site, SiteArticle } from '../site/site.js';
import { renderNewsSitemaps, selectRecentArticles } from './news-sitemap.js';
import { findLastModified, findPageLastModified } from './page-lastmod.js';
import { selectPublicArticles } from './public-articles.js';
import { createSiteUrl } from './site-url.js';
import { estimateXmlBytes, splitEntries, type SplitLimit } from './split-entries.js';
import { XML_NAMESPACES as NS } from './xml-namespaces.js';

/** Size limits of sitemap files. */
export interface SitemapLimits {
  readonly pages: SplitLimit;
  readonly news: SplitLimit;
}

/** The protocol's limits: 50,000 URLs and 50 MB per sitemap, 1,000 URLs per news sitemap. */
export const SITEMAP_LIMITS: SitemapLimits = {
  pages: { maxEntries: 50_000, maxBytes: 50 * 1024 * 1024 },
  news: { maxEntries: 1_000, maxBytes: 50 * 1024 * 1024 },
};

/** URL path of the sitemap index, the one address to give search engines. */
export const SITEMAP_INDEX_URL = '/sitemap.xml';

/** The config the sitemaps read. */
export type SitemapConfig = Pick<ResolvedConfig, 'baseUrl' | 'basePath' | 'locale' | 'publisher' | 'now'>;

interface SitemapEntry {
  readonly loc: string;
  readonly lastmod: string | undefined;
}

/**
 * `/sitemap.xml` as a sitemap index pointing at `/sitemap-pages-N.xml` (every
 * published page with its `lastmod`, split at the protocol's limits) and
 * `/sitemap-news-N.xml` (Google News, the last 48 hours). Drafts, scheduled
 * and expired articles never appear, and neither does the 404 page. Pure.
 */
export function createSitemaps(site: Site, config: SitemapConfig, limits: SitemapLimits = SITEMAP_LIMITS): OutputFile[] {
  return planSitemaps(site, config, '', limits).render();
}

/**
 * The sitemaps as one lazily rendered group. `structure` is a digest of the
 * site's pages, the articles each of them shows and the base URL (see
 * `describeSiteStructure`): with it, every entry follows from which articles
 * are public and when each was last modified, so the key is made of those
 * (and of the news articles) without walking every page. A build that
 * changes none of them keeps the files it wrote last time.
 */
export function planSitemaps(site: Site, config: SitemapConfig, structure: string, limits: SitemapLimits = SITEMAP_LIMITS): OutputGroup {
  const publicArticles = new Set(selectPublicArticles(site.articles, config.now));
  const recent = selectRecentArticles(site.articles, config.now);
  return {
    key: JSON.stringify([
      structure,
      site.articles.map((article) => (publicArticles.has(article) ? (article.updated ?? article.date).iso : 0)),
      recent.map((article) => [article.url, article.title, article.date.iso]),
    ]),
    render: () => renderSitemaps(site, config, limits, listEntries(site, config, publicArticles)),
  };
}

/** Every published page with its `lastmod`, in the order of the site's pages. */
function listEntries(site: Site, config: SitemapConfig, publicArticles: ReadonlySet<SiteArticle>): SitemapEntry[] {
  const siteUrl = createSiteUrl(config);
  const isPublic = (article: SiteArticle) => publicArticles.has(article);
  const newestPublic = findLastModified([...publicArticles]);
  const entries: SitemapEntry[] = [];
  for (const page of site.pages) {
    if (page.kind === 'not-found') continue;
    const lastmod = findPageLastModified(page, isPublic, newestPublic);
    // An article or listing page with no public article on it is not published.
    if (lastmod === undefined && (page.kind === 'article' || page.kind === 'list')) continue;
    entries.push({ loc: siteUrl.absolute(page.url), lastmod: lastmod?.iso });
  }
  return entries;
}

function renderSitemaps(site: Site, config: SitemapConfig, limits: SitemapLimits, entries: readonly SitemapEntry[]): OutputFile[] {
  const siteUrl = createSiteUrl(config);
  const sizeOf = (entry: SitemapEntry) => 80 + estimateXmlBytes(entry.loc) + (entry.lastmod?.length ?? 0);
  const pageFiles = splitEntries(entries, limits.pages, sizeOf, 300).map((chunk, index) => ({
    path: `sitemap-pages-${index + 1}.xml`,
    contents: renderUrlset(chunk),
    lastmod: newest(chunk.map((entry) => entry.lastmod)),
  }));
  const newsLastmod = findLastModified(selectRecentArticles(site.articles, config.now))?.iso;
  const newsFiles = renderNewsSitemaps(site.articles, config, limits.news).map((contents, index) => ({ path: `sitemap-news-${index + 1}.xml`, contents, lastmod: newsLastmod }));
  const children = [...pageFiles, ...newsFiles];
  const index = renderIndex(children.map((file) => ({ loc: siteUrl.absolute(`/${file.path}`), lastmod: file.lastmod })));
  return [{ path: 'sitemap.xml', contents: index }, ...children.map(({ path, contents }) => ({ path, contents }))];
}

function renderUrlset(entries: readonly SitemapEntry[]): string {
  const urlset = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS.sitemap, 'urlset');
  for (const entry of entries) {
    const url = urlset.ele('url');
    url.ele('loc').txt(entry.loc);
    if (entry.lastmod) url.ele('lastmod').txt(entry.lastmod);
  }
  return urlset.end({ prettyPrint: true });
}

function renderIndex(entries: readonly SitemapEntry[]): string {
  const index = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS.sitemap, 'sitemapindex');
  for (const entry of entries) {
    const sitemap = index.ele('sitemap');
    sitemap.ele('loc').txt(entry.loc);
    if (entry.lastmod) sitemap.ele('lastmod').txt(entry.lastmod);
  }
  return index.end({ prettyPrint: true });
}

/** The latest of ISO instants written with offsets, compared as instants. */
function newest(values: readonly (string | undefined)[]): string | undefined {
  let best: string | undefined;
  for (const value of values) if (value !== undefined && (best === undefined || Date.parse(value) > Date.parse(best))) best = value;
  return best;
}
