import type { SitemapEntry } from './sitemap-model.js';
import { renderXmlDocument, xml } from './xml-document.js';
import { XML_NAMESPACES as NS } from './xml-namespaces.js';

/** A `<urlset>` of pages, each with its `lastmod` when it has one. */
export function renderUrlset(entries: readonly SitemapEntry[]): string {
  return renderLocList('urlset', 'url', entries);
}

/** A `<sitemapindex>` of sitemaps, each with its `lastmod` when it has one. */
export function renderSitemapIndex(entries: readonly SitemapEntry[]): string {
  return renderLocList('sitemapindex', 'sitemap', entries);
}

/** The shape both share: a root of items, each a `loc` and an optional `lastmod`. */
function renderLocList(root: string, item: string, entries: readonly SitemapEntry[]): string {
  const items = entries.map((entry) =>
    xml(item, entry.lastmod ? [xml('loc', entry.loc), xml('lastmod', entry.lastmod)] : [xml('loc', entry.loc)]),
  );
  return renderXmlDocument(xml(root, { xmlns: NS.sitemap }, items));
}
