import type { RelatedWeights } from '../config/resolved-config.js';
import { compareText } from './compare.js';

/** What ranking needs to know of an article. */
export interface RelatedItem {
  readonly id: string;
  readonly time: number;
  readonly section: string;
  readonly tags: readonly string[];
  readonly authors: readonly string[];
}

/** The fields of an article that related ranking reads (a `SiteArticle` has them). */
export interface RankedArticle {
  readonly id: string;
  readonly date: { readonly time: number };
  readonly sectionTerm: { readonly slug: string };
  readonly tagTerms: readonly { readonly slug: string }[];
  readonly authorTerms: readonly { readonly slug: string }[];
}

/** What related ranking knows of an article: its id, time and terms. */
export function toRelatedItem(article: RankedArticle): RelatedItem {
  return {
    id: article.id,
    time: article.date.time,
    section: article.sectionTerm.slug,
    tags: article.tagTerms.map((term) => term.slug),
    authors: article.authorTerms.map((term) => term.slug),
  };
}

/** How many of the nearest older articles of each posting list are looked at. */
export const NEIGHBOURS = 60;
const DAY = 86_400_000;

/** The fields scoring reads, with keys as given (`RelatedItem`) or as small integers (inside the finder). */
interface Scored<Key> {
  readonly time: number;
  readonly section: Key;
  readonly tags: readonly Key[];
  readonly authors: readonly Key[];
}

/** An item inside the finder: its keys numbered, and its place in the input. */
interface Entry extends Scored<number> {
  readonly item: RelatedItem;
  readonly index: number;
}

/**
 * Builds a related-articles finder from inverted indexes (tag → articles,
 * author → articles, section → articles), each sorted by time. For an
 * article, candidates are articles published before it (in the total order:
 * older, or as old with a later id), so a newer article never changes an
 * older one's list: the `NEIGHBOURS` nearest in time on each of its posting
 * lists, so the cost per article is bounded whatever the site's size.
 * Score: `tag` per shared tag, `section` for the same section, `author` per
 * shared author, plus `recency` × 2^(−Δt / halfLife). Ties: newer first, then
 * id. Never the article itself.
 *
 * A site asks for one search per article, each over a few hundred candidates,
 * so inside, every section, tag and author is a number, each search marks the
 * candidates it has seen in one typed array, and a candidate that cannot
 * reach a full top list even with the largest recency bonus is not scored further.
 */
export function createRelatedFinder(
  items: readonly RelatedItem[],
  weights: RelatedWeights,
): (item: RelatedItem, count: number) => RelatedItem[] {
  const keys = new Map<string, number>();
  const number = (key: string) => {
    let id = keys.get(key);
    if (id === undefined) keys.set(key, (id = keys.size));
    return id;
  };
  const entries = items.map(
    (item, index): Entry => ({
      item,
      index,
      time: item.time,
      section: number(`s:${item.section}`),
      tags: item.tags.map((tag) => number(`t:${tag}`)),
      authors: item.authors.map((author) => number(`a:${author}`)),
    }),
  );
  const byItem = new Map(entries.map((entry) => [entry.item, entry]));
  const postings: Entry[][] = Array.from({ length: keys.size }, () => []);
  for (const entry of entries) {
    for (const key of [...entry.tags, ...entry.authors, entry.section]) postings[key]?.push(entry);
  }
  for (const list of postings) list.sort((a, b) => a.time - b.time || compareText(a.item.id, b.item.id));
  // seenIn[i] === search: entry i was already considered in this search.
  const seenIn = new Uint32Array(entries.length);
  let search = 0;

  return (item, count) => {
    if (count <= 0) return [];
    // An item from outside the list: its keys are looked up, never added (an unknown one matches nothing).
    const own = byItem.get(item);
    const self: Scored<number> = own ?? {
      time: item.time,
      section: keys.get(`s:${item.section}`) ?? -1,
      tags: item.tags.map((tag) => keys.get(`t:${tag}`) ?? -1),
      authors: item.authors.map((author) => keys.get(`a:${author}`) ?? -1),
    };
    search += 1;
    if (own) seenIn[own.index] = search;
    const best: { candidate: RelatedItem; score: number }[] = [];
    const consider = (candidate: Entry) => {
      if (seenIn[candidate.index] === search) return;
      seenIn[candidate.index] = search;
      if (!isOlder(candidate, self.time, item.id)) return;
      const shared = scoreShared(self, candidate, weights);
      // Even the largest recency bonus would leave it below the last of a full list: skip the power.
      if (best.length >= count && shared + weights.recency < (best[best.length - 1] as { score: number }).score) return;
      insertRanked(best, { candidate: candidate.item, score: shared + scoreRecency(self, candidate, weights) }, count);
    };
    for (const key of [...self.tags, ...self.authors, self.section])
      visitNeighbours(postings[key], self.time, consider);
    return best.map((entry) => entry.candidate);
  };
}

/**
 * The related articles of the article at `position` in `newestFirst` (the
 * site's articles in the total order), found by walking the list toward the
 * oldest instead of from an index: the list {@link createRelatedFinder}
 * gives for it. Per section, tag and author of the article, the walk takes
 * the articles exactly as old (which come right after it) and the
 * `NEIGHBOURS` nearest older ones, as the finder's posting lists would; it
 * stops there, so a common term costs a few hundred steps, and a term no
 * other article has, the rest of the archive. For a build that asks for a
 * few articles' lists (a publish), which then never indexes the whole site.
 */
export function findRelatedByWalk<A extends RankedArticle>(
  newestFirst: readonly A[],
  position: number,
  weights: RelatedWeights,
  count: number,
): A[] {
  const article = newestFirst[position];
  if (!article || count <= 0) return [];
  const self = toRelatedItem(article);
  const matchers: ((candidate: A) => boolean)[] = [
    ...self.tags.map((slug) => (candidate: A) => candidate.tagTerms.some((term) => term.slug === slug)),
    ...self.authors.map((slug) => (candidate: A) => candidate.authorTerms.some((term) => term.slug === slug)),
    (candidate: A) => candidate.sectionTerm.slug === self.section,
  ];
  const candidates = new Set<A>();
  for (const matches of matchers) {
    // Older by time, newest first and then by id: the nearest are the newest and, of those as old, the last ids.
    const older: A[] = [];
    for (let index = position + 1; index < newestFirst.length; index++) {
      const candidate = newestFirst[index] as A;
      if (!matches(candidate)) continue;
      const time = candidate.date.time;
      // As old as the article and after it in the total order: every one is a candidate, as in the finder.
      if (time === self.time) candidates.add(candidate);
      else if (older.length < NEIGHBOURS || time === (older[older.length - 1] as A).date.time) older.push(candidate);
      else break;
    }
    older.sort((a, b) => b.date.time - a.date.time || compareText(b.id, a.id));
    for (const candidate of older.slice(0, NEIGHBOURS)) candidates.add(candidate);
  }
  const best: { candidate: RelatedItem; score: number }[] = [];
  const articles = new Map<RelatedItem, A>();
  for (const candidate of candidates) {
    const item = toRelatedItem(candidate);
    articles.set(item, candidate);
    insertRanked(best, { candidate: item, score: scoreRelated(self, item, weights) }, count);
  }
  return best.map((entry) => articles.get(entry.candidate) as A);
}

/** Keeps `best` as the top `count` entries: higher score, then newer, then id. */
function insertRanked(
  best: { candidate: RelatedItem; score: number }[],
  entry: { candidate: RelatedItem; score: number },
  count: number,
): void {
  const before = (a: typeof entry, b: typeof entry) =>
    a.score > b.score ||
    (a.score === b.score &&
      (a.candidate.time > b.candidate.time ||
        (a.candidate.time === b.candidate.time && compareText(a.candidate.id, b.candidate.id) < 0)));
  let index = best.length;
  while (index > 0 && before(entry, best[index - 1] as typeof entry)) index--;
  if (index >= count) return;
  best.splice(index, 0, entry);
  if (best.length > count) best.pop();
}

/** The relatedness score of `candidate` for `item`. */
export function scoreRelated<Key>(item: Scored<Key>, candidate: Scored<Key>, weights: RelatedWeights): number {
  return scoreShared(item, candidate, weights) + scoreRecency(item, candidate, weights);
}

/** The part of the score from a shared section, tags and authors. */
function scoreShared<Key>(item: Scored<Key>, candidate: Scored<Key>, weights: RelatedWeights): number {
  let score = candidate.section === item.section ? weights.section : 0;
  for (const tag of candidate.tags) if (item.tags.includes(tag)) score += weights.tag;
  for (const author of candidate.authors) if (item.authors.includes(author)) score += weights.author;
  return score;
}

/** The part of the score from closeness in time: at most `weights.recency` (weights are never negative). */
function scoreRecency(item: Scored<unknown>, candidate: Scored<unknown>, weights: RelatedWeights): number {
  const days = Math.abs(item.time - candidate.time) / DAY;
  return weights.recency * 2 ** (-days / Math.max(weights.halfLifeDays, 1e-9));
}

/** Whether `candidate` comes after an article of `time` and `id` in the newest-first total order. */
function isOlder(candidate: Entry, time: number, id: string): boolean {
  return candidate.time < time || (candidate.time === time && compareText(candidate.item.id, id) > 0);
}

/**
 * Calls `visit` for the `NEIGHBOURS` items just older than `time` in a
 * time-sorted posting list, and for those exactly as old (the caller keeps
 * those after the article in the total order).
 */
function visitNeighbours(list: readonly Entry[] | undefined, time: number, visit: (entry: Entry) => void): void {
  if (!list) return;
  const first = findFirst(list, (entry) => entry.time >= time);
  const after = findFirst(list, (entry) => entry.time > time);
  for (let i = Math.max(0, first - NEIGHBOURS); i < after; i++) {
    const candidate = list[i];
    if (candidate) visit(candidate);
  }
}

/** The index of the first item of a sorted list for which `test` holds (the list's length when none). */
function findFirst(list: readonly Entry[], test: (entry: Entry) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(list[mid] as Entry)) high = mid;
    else low = mid + 1;
  }
  return low;
}
