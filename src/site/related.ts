import type { RelatedWeights } from '../config/resolved-config.js';
import { compareText } from './compare.js';
import { indexRelatedItems, lowerBound, type RelatedItem } from './related-columns.js';

export type { RelatedItem } from './related-columns.js';

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

/** The fields scoring reads. */
type Scored = Pick<RelatedItem, 'time' | 'section' | 'tags' | 'authors'>;

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
 * so inside, every section, tag and author is a number and the items are
 * columns of typed arrays (a search reads them in order instead of following
 * an object per candidate); each search stamps the keys of the article it
 * ranks and the candidates it has seen, and a candidate that cannot reach a
 * full top list even with the largest recency bonus is not scored further.
 */
export function createRelatedFinder(
  items: readonly RelatedItem[],
  weights: RelatedWeights,
): (item: RelatedItem, count: number) => RelatedItem[] {
  const columns = indexRelatedItems(items);
  const { keys, times, sections, starts, authorStarts, terms, postingStarts, postings, postingTimes } = columns;
  const byItem = new Map(items.map((item, index) => [item, index]));
  // seen[i] === search: item i was already considered in this search; marked[key] === search: the ranked article has the key.
  const seen = new Uint32Array(items.length);
  const marked = new Uint32Array(keys.size);
  let search = 0;

  const idOf = (index: number) => (items[index] as RelatedItem).id;
  return (item, count) => {
    if (count <= 0) return [];
    // Its tags, then its authors, as key numbers. An item from outside the list: its keys are looked up,
    // never added (an unknown one, -1, matches nothing).
    const own = byItem.get(item);
    const ownKeys: ArrayLike<number> =
      own === undefined
        ? [...item.tags.map((tag) => `t:${tag}`), ...item.authors.map((author) => `a:${author}`)].map(
            (key) => keys.get(key) ?? -1,
          )
        : terms.subarray(starts[own], starts[own + 1]);
    const section = own === undefined ? (keys.get(`s:${item.section}`) ?? -1) : (sections[own] as number);
    search += 1;
    if (own !== undefined) seen[own] = search;
    for (let at = 0; at < ownKeys.length; at++) {
      const key = ownKeys[at] as number;
      if (key >= 0) marked[key] = search;
    }
    const time = item.time;
    const best: number[] = [];
    const scores: number[] = [];
    // Its tags, its authors, then its section: each posting list's nearest older items.
    for (let at = 0; at <= ownKeys.length; at++) {
      const key = at < ownKeys.length ? (ownKeys[at] as number) : section;
      if (key < 0) continue;
      const end = postingStarts[key + 1] as number;
      const first = lowerBound(postingTimes, postingStarts[key] as number, end, time, false);
      const after = lowerBound(postingTimes, first, end, time, true);
      for (let place = Math.max(postingStarts[key] as number, first - NEIGHBOURS); place < after; place++) {
        const candidate = postings[place] as number;
        if (seen[candidate] === search) continue;
        seen[candidate] = search;
        const candidateTime = times[candidate] as number;
        if (candidateTime > time || (candidateTime === time && compareText(idOf(candidate), item.id) <= 0)) continue;
        let shared = sections[candidate] === section ? weights.section : 0;
        const authorsAt = authorStarts[candidate] as number;
        for (let term = starts[candidate] as number; term < authorsAt; term++)
          if (marked[terms[term] as number] === search) shared += weights.tag;
        for (let term = authorsAt; term < (starts[candidate + 1] as number); term++)
          if (marked[terms[term] as number] === search) shared += weights.author;
        // Even the largest recency bonus would leave it below the last of a full list: skip the power.
        if (best.length >= count && shared + weights.recency < (scores[scores.length - 1] as number)) continue;
        const score = shared + recencyBonus(time, candidateTime, weights);
        insertRanked({ best, scores, count, times, idOf }, candidate, score);
      }
    }
    return best.map((index) => items[index] as RelatedItem);
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
  const found = [...candidates];
  const items = found.map(toRelatedItem);
  const ranked: Ranking = {
    best: [],
    scores: [],
    count,
    times: items.map((item) => item.time),
    idOf: (index: number) => (items[index] as RelatedItem).id,
  };
  for (const [index, item] of items.entries()) insertRanked(ranked, index, scoreRelated(self, item, weights));
  return ranked.best.map((index) => found[index] as A);
}

/** A top list being ranked: item indexes, best first, with their scores beside them. */
interface Ranking {
  readonly best: number[];
  readonly scores: number[];
  readonly count: number;
  readonly times: ArrayLike<number>;
  idOf(index: number): string;
}

/** Keeps `ranking` the top `count` items: higher score, then newer, then id. */
function insertRanked(ranking: Ranking, candidate: number, score: number): void {
  const { best, scores, count, times, idOf } = ranking;
  let index = best.length;
  while (index > 0) {
    const other = scores[index - 1] as number;
    if (score < other) break;
    if (score === other) {
      const before = best[index - 1] as number;
      const time = times[candidate] as number;
      const otherTime = times[before] as number;
      if (time < otherTime || (time === otherTime && compareText(idOf(candidate), idOf(before)) >= 0)) break;
    }
    index--;
  }
  if (index >= count) return;
  // Shifted by hand: a list of a few items, one insert per candidate that makes it.
  for (let place = Math.min(best.length, count - 1); place > index; place--) {
    best[place] = best[place - 1] as number;
    scores[place] = scores[place - 1] as number;
  }
  best[index] = candidate;
  scores[index] = score;
}

/** The relatedness score of `candidate` for `item`. */
export function scoreRelated(item: Scored, candidate: Scored, weights: RelatedWeights): number {
  return scoreShared(item, candidate, weights) + recencyBonus(item.time, candidate.time, weights);
}

/** The part of the score from a shared section, tags and authors. */
function scoreShared(item: Scored, candidate: Scored, weights: RelatedWeights): number {
  let score = candidate.section === item.section ? weights.section : 0;
  for (const tag of candidate.tags) if (item.tags.includes(tag)) score += weights.tag;
  for (const author of candidate.authors) if (item.authors.includes(author)) score += weights.author;
  return score;
}

/** The part of the score from closeness in time: at most `weights.recency` (weights are never negative). */
function recencyBonus(time: number, other: number, weights: RelatedWeights): number {
  const days = Math.abs(time - other) / DAY;
  return weights.recency * 2 ** (-days / Math.max(weights.halfLifeDays, 1e-9));
}
