import { termsOf } from '../site/collect-terms.js';
import { createHomePages, createTermListing, createTermsPage, type SiteSoFar } from '../site/create-pages.js';
import { archiveKeysOf, archiveUrlOf, createArchiveListing } from '../site/date-archives.js';
import { createNewestArticlePage } from '../site/newest-article-page.js';
import { archiveCount } from '../site/paginate.js';
import type { HomePage, ListPage, Page, Site, SiteArticle, SiteOptions, Taxonomy, Term } from '../site/site.js';
import type { Listings } from './publish-listings.js';

/** The pages of a site with one newest article added or removed, and which of them may differ from the last build's. */
export interface PublishLayout {
  readonly site: Site;
  readonly changed: ReadonlySet<Page>;
  /** URLs of pages the last site did not have. */
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/** A listing made again: its front page and its archive pages from `from` on. */
interface Block {
  readonly from: number;
  readonly pages: readonly Page[];
}

/**
 * Lays out the pages of `next` (the last site `last` with `change.article`
 * added as the newest, `step` 1, or the newest removed, `step` -1) as
 * `buildSite` would, making again only what can differ: the new article's
 * page (every other article page depends only on older articles, so the
 * last build's stay); the front page and the newest archive pages of the
 * home listing and of the listings of the article's terms and date
 * archives (older archive pages hold the same articles whatever newer ones
 * come or go, see `paginate`), each kept as the last build's page when it
 * shows the same; and the term indexes. `commit` runs once the layout is
 * known to be exact, before the term indexes (sorted by count) are made.
 * Undefined when a listing or archive would appear or disappear, or two
 * pages would share a URL.
 */
export function layOutPublish(
  last: Site,
  next: SiteSoFar,
  change: { readonly article: SiteArticle; readonly step: 1 | -1; readonly listings: Listings },
  options: SiteOptions,
  commit: () => void,
  admits: (added: readonly string[], removed: readonly string[]) => boolean = () => true,
): PublishLayout | undefined {
  const { article, step } = change;
  const blocks = makeBlocks(next, change, options);
  if (!blocks) return undefined;
  const newest = step === 1 ? createNewestArticlePage(next, options) : undefined;
  if (step === 1 && !newest) return undefined;
  const pages: Page[] = [];
  const changed = new Set<Page>(newest ? [newest] : []);
  const removed: string[] = step === 1 ? [] : [article.url];
  const added: string[] = newest ? [newest.url] : [];
  const used = new Set<string>();
  const indexes = new Set<Taxonomy>(termsOf(article).map((term) => term.taxonomy));
  const termsPages: number[] = [];
  let block: { readonly front: string; readonly from: number; readonly pages: Map<string, Page> } | undefined;
  const finishBlock = () => {
    // Pages the listing did not have before (a new newest archive page).
    for (const fresh of block?.pages.values() ?? []) {
      changed.add(fresh);
      added.push(fresh.url);
      pages.push(fresh);
    }
    block = undefined;
  };
  for (const page of last.pages) {
    if (block && isArchivePage(page) && page.url.startsWith(`${block.front}page/`)) {
      if (page.pagination.number < block.from) pages.push(page);
      else pages.push(...mergePage(page, block.pages, changed, removed));
      continue;
    }
    finishBlock();
    if (page.kind === 'article') {
      if (newest && !used.has('articles')) pages.push(newest);
      used.add('articles');
      if (page.article !== article) pages.push(page);
      continue;
    }
    const made = blocks.get(page.url);
    if (made && (page.kind === 'home' || page.kind === 'list') && page.pagination.number === 0) {
      used.add(page.url);
      const fresh = new Map(made.pages.map((one) => [one.url, one]));
      pages.push(...mergePage(page, fresh, changed, removed));
      block = { front: page.url, from: made.from, pages: fresh };
      continue;
    }
    if (page.kind === 'terms' && indexes.has(page.taxonomy)) termsPages.push(pages.length);
    pages.push(page);
  }
  finishBlock();
  if (used.size !== blocks.size + 1 || !claimsFreeUrls(pages) || !admits(added, removed)) return undefined;
  commit();
  for (const index of termsPages) {
    const page = pages[index];
    if (page?.kind !== 'terms') continue;
    const fresh = createTermsPage(page.taxonomy, termsOfTaxonomy(next, page.taxonomy));
    pages[index] = fresh;
    changed.add(fresh);
  }
  return { site: { ...next, pages, redirects: last.redirects }, changed, added, removed };
}

/** The listings the article is in, by front page URL, made again from the archive page that can first differ. */
function makeBlocks(
  next: SiteSoFar,
  { article, step, listings }: { readonly article: SiteArticle; readonly step: 1 | -1; readonly listings: Listings },
  options: SiteOptions,
): Map<string, Block> | undefined {
  const { perPage } = options;
  // The older of the two newest archive pages (before and after) is the first that can differ.
  const fromOf = (count: number) =>
    Math.max(1, Math.min(archiveCount(count, perPage), archiveCount(count - step, perPage)));
  const home = fromOf(next.articles.length);
  const blocks = new Map<string, Block>([['/', { from: home, pages: createHomePages(next, options, home) }]]);
  for (const term of termsOf(article)) {
    const listed = listings.get(term.url) ?? [];
    if (listed.length === 0) return undefined;
    const from = fromOf(listed.length);
    blocks.set(term.url, { from, pages: createTermListing(next, term, listed, options, from) });
  }
  for (const key of archiveKeysOf(article)) {
    const listed = listings.get(archiveUrlOf(key)) ?? [];
    if (listed.length === 0) return undefined;
    const from = fromOf(listed.length);
    blocks.set(archiveUrlOf(key), { from, pages: createArchiveListing(key, listed, perPage, from) });
  }
  return blocks;
}

/**
 * The new page at an old page's URL (taken out of `fresh`): the old page
 * itself when it shows the same, else the new one (changed); nothing (its
 * URL removed) when the listing no longer has that page.
 */
function mergePage(old: Page, fresh: Map<string, Page>, changed: Set<Page>, removed: string[]): Page[] {
  const page = fresh.get(old.url);
  fresh.delete(old.url);
  if (!page) {
    removed.push(old.url);
    return [];
  }
  if (sameListingPage(old, page)) return [old];
  changed.add(page);
  return [page];
}

/** Whether two listing pages show the same articles with the same navigation (what a listing's fingerprint covers). */
function sameListingPage(a: Page, b: Page): boolean {
  if (a.kind === 'home' && b.kind === 'home') {
    return (
      a.headline === b.headline &&
      a.sections.length === b.sections.length &&
      a.sections.every((block, index) => {
        const other = b.sections[index];
        return other !== undefined && block.term === other.term && sameItems(block.articles, other.articles);
      }) &&
      sameNavigation(a, b)
    );
  }
  if (a.kind === 'list' && b.kind === 'list') {
    return (
      a.taxonomy === b.taxonomy &&
      a.term === b.term &&
      JSON.stringify(a.period) === JSON.stringify(b.period) &&
      a.author === b.author &&
      a.lead === b.lead &&
      sameNavigation(a, b)
    );
  }
  return false;
}

function sameNavigation(a: HomePage | ListPage, b: HomePage | ListPage): boolean {
  return (
    a.url === b.url &&
    sameItems(a.articles, b.articles) &&
    a.after === b.after &&
    a.newest === b.newest &&
    JSON.stringify(a.pagination) === JSON.stringify(b.pagination)
  );
}

function sameItems(a: readonly SiteArticle[], b: readonly SiteArticle[]): boolean {
  return a.length === b.length && a.every((article, index) => article === b[index]);
}

/** An archive page of a listing (not its front page). */
function isArchivePage(page: Page): page is HomePage | ListPage {
  return (page.kind === 'home' || page.kind === 'list') && page.pagination.number > 0;
}

/** Whether no two pages share a URL (else `buildSite` reports a collision, which the full path does). */
function claimsFreeUrls(pages: readonly Page[]): boolean {
  const urls = new Set<string>();
  for (const page of pages) {
    if (urls.has(page.url)) return false;
    urls.add(page.url);
  }
  return true;
}

function termsOfTaxonomy(site: SiteSoFar, taxonomy: Taxonomy): readonly Term[] {
  return taxonomy === 'section' ? site.sections : taxonomy === 'tag' ? site.tags : site.authors;
}
