import type { PageContent } from '../content/standalone-page.js';
import { compareText } from './compare.js';
import type { PageTrail, StandalonePage } from './site.js';

/**
 * The site's standalone pages, in URL order: drafts only with `drafts`.
 * Each knows the pages above it in the URL tree (`/tentang/` above
 * `/tentang/kontak/`), for its breadcrumbs. Pure.
 */
export function createStandalonePages(
  pages: readonly PageContent[],
  options: { readonly drafts: boolean },
): StandalonePage[] {
  const published = pages
    .filter((page) => options.drafts || !page.draft)
    .sort((a, b) => compareText(a.url, b.url) || compareText(a.sourcePath, b.sourcePath));
  const byUrl = new Map(published.map((page) => [page.url, page]));
  return published.map((entry) => ({ kind: 'page', url: entry.url, entry, parents: findParents(entry.url, byUrl) }));
}

function findParents(url: string, byUrl: ReadonlyMap<string, PageContent>): PageTrail[] {
  const segments = url.split('/').filter(Boolean);
  const parents: PageTrail[] = [];
  for (let length = 1; length < segments.length; length++) {
    const parent = byUrl.get(`/${segments.slice(0, length).join('/')}/`);
    if (parent) parents.push({ title: parent.title, url: parent.url });
  }
  return parents;
}
