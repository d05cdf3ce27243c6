import { hashBytes, hashLines } from '../hash/hash-bytes.js';
import { positionsOf } from '../site/positions.js';
import { shownArticles } from '../site/shown-articles.js';
import type { Page, Site } from '../site/site.js';

/**
 * Which pages show each article, for one site structure. While the structure
 * stays the same (see {@link describeSiteStructure}), the site has the same
 * pages in the same order, and a page's fingerprint can change only when an
 * article it shows changed: a build that changed a few articles plans and
 * renders just the pages listed here for them, and every other page keeps
 * its path, fingerprint and file without even being looked at.
 */
export interface PageDependents {
  /** The site structure this index holds for. */
  readonly structure: string;
  /** Output path of every page of the site, in the order of `site.pages`. */
  readonly paths: readonly string[];
  /** Article source path → indexes into `paths` (and `site.pages`) of the pages showing it. */
  readonly byArticle: Readonly<Record<string, readonly number[]>>;
}

/**
 * A digest of everything that decides which pages exist and which articles
 * each of them shows, apart from the settings (config, theme, static files)
 * given as `settings`: the published articles' identity, URL, dates, draft
 * and featured flags, section, tags, authors and `::related` links; the
 * terms; author profiles; the menus; every page's kind, URL and leads. Listings,
 * related ranking and "other news" are functions of
 * these alone, so two builds with equal structure show the same articles on
 * the same pages, whatever their titles, summaries or bodies.
 */
export function describeSiteStructure(site: Site, settings: string): string {
  const terms = JSON.stringify([site.sections, site.tags, site.authors, [...site.profiles], site.menus]);
  return hashLines(structureLines(site, settings, terms));
}

/** The lines {@link describeSiteStructure} hashes, one at a time. */
function* structureLines(site: Site, settings: string, terms: string): Generator<string> {
  yield settings;
  yield terms;
  for (const article of site.articles)
    yield JSON.stringify([
      article.sourcePath,
      article.id,
      article.url,
      article.date.time,
      article.expires?.time,
      article.draft,
      article.section,
      article.tags,
      article.authors,
      article.readAlsoLinks.map((link) => link.slug),
      article.featured,
      article.featuredUntil?.time,
    ]);
  yield '';
  for (const page of site.pages) yield `${page.kind} ${page.url}${describeLeads(page)}`;
}

/**
 * The articles a page shows in a lead slot, which the build clock picks (an
 * article leads until its `featuredUntil`): with no file changed, a build
 * after that instant lays the same articles out under another lead.
 */
function describeLeads(page: Page): string {
  if (page.kind === 'list') return page.lead ? ` ${page.lead.sourcePath}` : '';
  if (page.kind !== 'home' || !page.headline) return '';
  let leads = ` ${page.headline.sourcePath}`;
  for (const block of page.sections) leads += ` ${block.articles[0]?.sourcePath ?? ''}`;
  return leads;
}

/**
 * Collects a {@link PageDependents} index while the pages of `pages` (the
 * site's, in order) are planned, in any order. `finish` gives undefined when
 * a page was never added: no index is better than one with holes.
 */
export function createDependentsIndexer(
  structure: string,
  pages: readonly Page[],
): {
  add(path: string, page: Page): void;
  addMoved(last: PageDependents, moved: Int32Array): void;
  finish(): PageDependents | undefined;
} {
  const positions = positionsOf(pages);
  const paths: string[] = new Array<string>(pages.length);
  const byArticle: Record<string, number[]> = {};
  let added = 0;
  return {
    add(path, page) {
      const index = positions.get(page);
      if (index === undefined || paths[index] !== undefined) return;
      paths[index] = path;
      added += 1;
      const sources = shownArticles(page).map((article) => article.sourcePath);
      // A standalone page shows its own file.
      if (page.kind === 'page') sources.push(page.entry.sourcePath);
      for (const source of sources) {
        const list = (byArticle[source] ??= []);
        // Listed once per page, even when the page shows the article twice.
        if (list[list.length - 1] !== index) list.push(index);
      }
    },
    /**
     * Pages kept from the last build's index `last`, with the articles it
     * lists for them: `moved[p]` is the index now of the page at position
     * `p` of `last` (-1 for a page not kept; set to -1 here for a page added
     * already). One pass over the last index, instead of turning it around
     * into per-page lists and back.
     */
    addMoved(last, moved) {
      for (let position = 0; position < moved.length; position++) {
        const index = moved[position] as number;
        if (index < 0) continue;
        if (paths[index] !== undefined) {
          moved[position] = -1;
          continue;
        }
        paths[index] = last.paths[position] as string;
        added += 1;
      }
      addRenumbered(byArticle, last.byArticle, moved);
    },
    finish: () => (added === pages.length ? { structure, paths, byArticle } : undefined),
  };
}

/** Indexes (into `paths` and `site.pages`) of the pages showing any of `articles` (by source path). */
export function pagesShowing(index: PageDependents, articles: Iterable<string>): Set<number> {
  const pages = new Set<number>();
  for (const article of articles) for (const position of index.byArticle[article] ?? []) pages.add(position);
  return pages;
}

/** The pages of a build whose site structure equals an index's: those to plan, and those kept as they are. */
export interface KeptPages {
  /** Indexes into `site.pages` of the pages to plan: showing a changed article, or missing from the last build's records. */
  readonly plan: Set<number>;
  /** Output path → fingerprint of every other page: its file stays as the last build wrote it. */
  readonly kept: Map<string, string>;
}

/**
 * Splits the pages of a site whose structure equals `index`'s, for a build
 * in which `articles` (by source path) changed: see {@link KeptPages}. A page
 * the last build left no fingerprint or file hash for is planned, never kept.
 */
export function splitKeptPages(
  index: PageDependents,
  articles: Iterable<string>,
  previous: { readonly fingerprints: ReadonlyMap<string, string>; readonly outputs: ReadonlyMap<string, string> },
): KeptPages {
  const plan = pagesShowing(index, articles);
  const kept = new Map<string, string>();
  index.paths.forEach((path, position) => {
    if (plan.has(position)) return;
    const fingerprint = previous.fingerprints.get(path);
    if (fingerprint === undefined || !previous.outputs.has(path)) plan.add(position);
    else kept.set(path, fingerprint);
  });
  return { plan, kept };
}

/**
 * The last build's index for a site whose pages are the last ones
 * (`lastPages`) changed by a publish patch (see `patchPublish`): a page kept
 * from the last site (the same object) keeps its path and articles under its
 * new position, a changed page is indexed from what it shows (its path from
 * `pathOf`), and pages the site no longer has drop out. The structure is a
 * new digest that no site description equals, so only a build that patches
 * this model again trusts the index. Undefined when the last index does not
 * describe `lastPages`, or a page is neither kept nor changed.
 */
export function remapDependents(
  last: PageDependents,
  site: { readonly lastPages: readonly Page[]; readonly pages: readonly Page[]; readonly changed: ReadonlySet<Page> },
  pathOf: (page: Page) => string,
  change: string,
): PageDependents | undefined {
  const { lastPages, pages, changed } = site;
  if (last.paths.length !== lastPages.length) return undefined;
  // Plain loops over indexes: this runs after every publish in a preview, over every page and article.
  const lastIndex = positionsOf(lastPages);
  const moved = new Int32Array(lastPages.length).fill(-1);
  const paths = new Array<string>(pages.length);
  const byArticle: Record<string, number[]> = {};
  for (let index = 0; index < pages.length; index++) {
    const page = pages[index] as Page;
    const before = changed.has(page) ? undefined : lastIndex.get(page);
    if (before !== undefined) {
      moved[before] = index;
      paths[index] = last.paths[before] as string;
      continue;
    }
    if (!changed.has(page)) return undefined;
    paths[index] = pathOf(page);
    for (const source of new Set(shownArticles(page).map((article) => article.sourcePath)))
      (byArticle[source] ??= []).push(index);
  }
  addRenumbered(byArticle, last.byArticle, moved);
  return { structure: hashBytes(`${last.structure}\n${change}`), paths, byArticle };
}

/**
 * Adds the pages of an earlier index to `into` under their new positions
 * (`moved[p]`: the index now of the page at position `p`, -1 for none),
 * with plain loops: this runs over every article and page of the site.
 */
function addRenumbered(
  into: Record<string, number[]>,
  from: Readonly<Record<string, readonly number[]>>,
  moved: Int32Array,
): void {
  for (const source in from) {
    const positions = from[source] as readonly number[];
    let list = into[source];
    for (let at = 0; at < positions.length; at++) {
      const index = moved[positions[at] as number] ?? -1;
      if (index < 0) continue;
      if (list === undefined) into[source] = list = [];
      list.push(index);
    }
  }
}

/** Reads an index back from the cache's JSON; anything malformed counts as missing. */
export function readDependents(value: unknown): PageDependents | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { structure, paths, byArticle } = value as Partial<PageDependents>;
  if (typeof structure !== 'string' || !Array.isArray(paths) || typeof byArticle !== 'object' || byArticle === null)
    return undefined;
  if (!paths.every((path) => typeof path === 'string')) return undefined;
  // Plain loops: a large site's index holds two million positions; a closure per position took 63-71 ms, these 37-41.
  for (const source in byArticle) {
    const list = (byArticle as Record<string, unknown>)[source];
    if (!Array.isArray(list)) return undefined;
    for (let at = 0; at < list.length; at++) {
      const position: unknown = list[at];
      if (!Number.isInteger(position) || (position as number) < 0 || (position as number) >= paths.length)
        return undefined;
    }
  }
  return { structure, paths, byArticle };
}
