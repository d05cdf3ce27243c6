import type { OutputFile } from '../output/output-file.js';
import type { Site } from '../site/site.js';
import { createSiteUrl } from '../url/site-url.js';
import { renderNewsSitemaps } from './news-sitemap.js';
import { selectRecentArticles } from './news-window.js';
import { findLastModified } from './page-lastmod.js';
import type { SitemapConfig, SitemapEntry, SitemapLimits } from './sitemap-model.js';
import { estimateXmlBytes, splitEntries } from './split-entries.js';
import { renderXmlDocument, xml } from './xml-document.js';
import { XML_NAMESPACES as NS } from './xml-namespaces.js';

/** The sitemap index, the page sitemaps split at the limits, and the news sitemaps (see `createSitemaps`). */
export function renderSitemaps(
  site: Site,
  config: SitemapConfig,
  limits: SitemapLimits,
  entries: readonly SitemapEntry[],
): OutputFile[] {
  const siteUrl = createSiteUrl(config);
  const sizeOf = (entry: SitemapEntry) => 80 + estimateXmlBytes(entry.loc) + (entry.lastmod?.length ?? 0);
  const pageFiles = splitEntries(entries, limits.pages, sizeOf, 300).map((chunk, index) => ({
    path: `sitemap-pages-${index + 1}.xml`,
    contents: renderUrlset(chunk),
    lastmod: newest(chunk.map((entry) => entry.lastmod)),
  }));
  const newsLastmod = findLastModified(selectRecentArticles(site.articles, config.now))?.iso;
  const newsFiles = renderNewsSitemaps(site.articles, config, limits.news).map((contents, index) => ({
    path: `sitemap-news-${index + 1}.xml`,
    contents,
    lastmod: newsLastmod,
  }));
  const children = [...pageFiles, ...newsFiles];
  const index = renderIndex(
    children.map((file) => ({ loc: siteUrl.absolute(`/${file.path}`), lastmod: file.lastmod })),
  );
  return [{ path: 'sitemap.xml', contents: index }, ...children.map(({ path, contents }) => ({ path, contents }))];
}

/** A `<urlset>` of pages. */
function renderUrlset(entries: readonly SitemapEntry[]): string {
  return renderLocList('urlset', 'url', entries);
}

/** A `<sitemapindex>` of sitemaps. */
function renderIndex(entries: readonly SitemapEntry[]): string {
  return renderLocList('sitemapindex', 'sitemap', entries);
}

/** The shape both share: a root of items, each a `loc` and an optional `lastmod`. */
function renderLocList(root: string, item: string, entries: readonly SitemapEntry[]): string {
  const items = entries.map((entry) =>
    xml(item, entry.lastmod ? [xml('loc', entry.loc), xml('lastmod', entry.lastmod)] : [xml('loc', entry.loc)]),
  );
  return renderXmlDocument(xml(root, { xmlns: NS.sitemap }, items));
}

/** The latest of ISO instants written with offsets, compared as instants. */
function newest(values: readonly (string | undefined)[]): string | undefined {
  let best: string | undefined;
  for (const value of values)
    if (value !== undefined && (best === undefined || Date.parse(value) > Date.parse(best))) best = value;
  return best;
}
