import { hashBytes } from '../hash/hash-bytes.js';
import { describeTerm } from '../site/describe-article.js';
import type { Page, Site, SiteArticle, Term } from '../site/site.js';

/**
 * The site's published articles as a hash chain from the oldest: element `i`
 * stands for the oldest `i + 1` articles (everything a page may print of
 * them, their bodies' digests, their place in the order), and `global` for
 * what every page shows besides articles (settings, navigation, menus,
 * author profiles). Two builds whose chains agree on the first `n` elements have the
 * same `n` oldest articles, so every page built only from those is the same.
 */
export interface SiteHistory {
  readonly global: string;
  readonly chain: readonly string[];
}

/**
 * Describes a site's history. An article is known by its source file's
 * content hash (`sourceHash`: everything of an article follows from its file
 * and the settings, which `global` covers) and the names and URLs of its
 * terms (a term's name is its most common spelling over the whole site, so
 * it can change without the file changing).
 */
export function describeHistory(
  site: Site,
  settings: string,
  sourceHash: (article: SiteArticle) => string,
): SiteHistory {
  const linkOf = createLinker(sourceHash);
  const chain: string[] = [];
  let previous = '';
  for (let index = site.articles.length - 1; index >= 0; index--) {
    previous = linkOf(previous, site.articles[index] as SiteArticle);
    chain.push(previous);
  }
  return { global: describeGlobal(site, settings), chain };
}

/**
 * The history of a site that is the last one (`previous`) with its newest
 * article added (`site.articles[0]`) or taken away: the chain with one link
 * added or dropped at its newest end, as {@link describeHistory} would give
 * it, without walking the site. Described in full when `previous` does not
 * fit.
 */
export function extendHistory(
  previous: SiteHistory | undefined,
  site: Site,
  settings: string,
  sourceHash: (article: SiteArticle) => string,
  change: 'add' | 'remove',
): SiteHistory {
  const length = site.articles.length + (change === 'add' ? -1 : 1);
  const newest = site.articles[0];
  if (!previous || previous.chain.length !== length || (change === 'add' && !newest))
    return describeHistory(site, settings, sourceHash);
  const chain =
    change === 'add' && newest
      ? [...previous.chain, createLinker(sourceHash)(previous.chain[length - 1] ?? '', newest)]
      : previous.chain.slice(0, -1);
  return { global: describeGlobal(site, settings), chain };
}

/** What every page shows besides articles: settings, navigation, menus, author profiles. */
function describeGlobal(site: Site, settings: string): string {
  const nav = site.sections.map(describeTerm);
  return hashBytes([settings, ...nav, JSON.stringify([...site.profiles]), JSON.stringify(site.menus)].join('\n'));
}

/** The link of an article after the chain element `previous`: its file, body digest and terms. */
function createLinker(
  sourceHash: (article: SiteArticle) => string,
): (previous: string, article: SiteArticle) => string {
  const terms = new Map<Term, string>();
  const termKey = (term: Term) => {
    let key = terms.get(term);
    if (key === undefined) terms.set(term, (key = hashBytes(describeTerm(term)).slice(0, 8)));
    return key;
  };
  return (previous, article) => {
    // One string built in place (the same text as the fields joined by spaces): this runs for every article.
    let link = `${previous}\n${article.sourcePath} ${sourceHash(article)} ${termKey(article.sectionTerm)}`;
    for (const term of article.tagTerms) link += ` ${termKey(term)}`;
    for (const term of article.authorTerms) link += ` ${termKey(term)}`;
    // Sixteen hex digits: enough to tell histories apart, small enough to keep for 100,000 articles.
    return hashBytes(link).slice(0, 16);
  };
}

/** How many of the oldest articles two histories share (0 when what every page shows changed). */
export function countUnchanged(previous: SiteHistory | undefined, current: SiteHistory): number {
  if (!previous || previous.global !== current.global) return 0;
  // A chain: once two elements differ, every later one does too.
  let low = 0;
  let high = Math.min(previous.chain.length, current.chain.length);
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (previous.chain[mid - 1] === current.chain[mid - 1]) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** How much of the last build's history a build keeps (see {@link isSettled}). */
export interface Unchanged {
  /** How many of the oldest articles are unchanged. */
  readonly count: number;
  /** True when every article of the last build is unchanged and only newer ones were added (a publish). */
  readonly appended: boolean;
}

/** Compares two histories; see {@link Unchanged}. */
export function compareHistories(previous: SiteHistory | undefined, current: SiteHistory): Unchanged {
  const count = countUnchanged(previous, current);
  return { count, appended: count > 0 && count === previous?.chain.length };
}

/**
 * Whether a page is built only from unchanged articles of its site: an
 * article page of one of them (related articles and other news come from the
 * past), an archive page that is not the newest and whose next newer page
 * starts within them, and a listing's front page and newest archive page
 * whose newest article is among them when the listing had no other article
 * in the last build: because articles were only added, or because the
 * listing's front page then showed none of the last build's newer articles
 * (`showedNewer`, given the front page's URL; the newest article of a listing
 * is always on its front page). Every other page is not.
 */
export function isSettled(
  page: Page,
  site: Site,
  unchanged: Unchanged,
  positions: ReadonlyMap<SiteArticle, number>,
  showedNewer?: (frontUrl: string) => boolean,
): boolean {
  const settled = (article: SiteArticle | undefined) => {
    const newestFirst = article && positions.get(article);
    return newestFirst !== undefined && site.articles.length - 1 - newestFirst < unchanged.count;
  };
  if (page.kind === 'article') return settled(page.article);
  if (page.kind !== 'home' && page.kind !== 'list') return false;
  if (page.after) return settled(page.after);
  if (!settled(page.newest)) return false;
  return unchanged.appended || (showedNewer !== undefined && !showedNewer(page.pagination.frontUrl));
}

/** Reads a history back from the cache's JSON; anything malformed counts as missing. */
export function readHistory(value: unknown): SiteHistory | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { global, chain } = value as Partial<SiteHistory>;
  if (typeof global !== 'string' || !Array.isArray(chain) || !chain.every((link) => typeof link === 'string'))
    return undefined;
  return { global, chain };
}
