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

/** How far in time each posting list is searched, on each side of the article. */
const NEIGHBOURS = 30;
const DAY = 86_400_000;

/**
 * Builds a related-articles finder from inverted indexes (tag → articles,
 * author → articles, section → articles), each sorted by time. For an
 * article, candidates are the `NEIGHBOURS` nearest in time on each of its
 * posting lists, so the cost per article is bounded whatever the site's size.
 * Score: `tag` per shared tag, `section` for the same section, `author` per
 * shared author, plus `recency` × 2^(−Δt / halfLife). Ties: newer first, then
 * id. Never the article itself.
 */
export function createRelatedFinder(items: readonly RelatedItem[], weights: RelatedWeights): (item: RelatedItem, count: number) => RelatedItem[] {
  const index = new Map<string, RelatedItem[]>();
  const add = (key: string, item: RelatedItem) => {
    const list = index.get(key);
    if (list) list.push(item);
    else index.set(key, [item]);
  };
  for (const item of items) {
    for (const tag of item.tags) add(`t:${tag}`, item);
    for (const author of item.authors) add(`a:${author}`, item);
    add(`s:${item.section}`, item);
  }
  for (const list of index.values()) list.sort((a, b) => a.time - b.time || compareText(a.id, b.id));

  return (item, count) => {
    if (count <= 0) return [];
    const seen = new Set<RelatedItem>([item]);
    const best: { candidate: RelatedItem; score: number }[] = [];
    const consider = (candidate: RelatedItem) => {
      if (seen.has(candidate)) return;
      seen.add(candidate);
      insertRanked(best, { candidate, score: scoreRelated(item, candidate, weights) }, count);
    };
    for (const tag of item.tags) visitNeighbours(index.get(`t:${tag}`), item.time, consider);
    for (const author of item.authors) visitNeighbours(index.get(`a:${author}`), item.time, consider);
    visitNeighbours(index.get(`s:${item.section}`), item.time, consider);
    return best.map((entry) => entry.candidate);
  };
}

/** Keeps `best` as the top `count` entries: higher score, then newer, then id. */
function insertRanked(best: { candidate: RelatedItem; score: number }[], entry: { candidate: RelatedItem; score: number }, count: number): void {
  const before = (a: typeof entry, b: typeof entry) => a.score > b.score || (a.score === b.score && (a.candidate.time > b.candidate.time || (a.candidate.time === b.candidate.time && compareText(a.candidate.id, b.candidate.id) < 0)));
  let index = best.length;
  while (index > 0 && before(entry, best[index - 1] as typeof entry)) index--;
  if (index >= count) return;
  best.splice(index, 0, entry);
  if (best.length > count) best.pop();
}

/** The relatedness score of `candidate` for `item`. */
export function scoreRelated(item: RelatedItem, candidate: RelatedItem, weights: RelatedWeights): number {
  let score = candidate.section === item.section ? weights.section : 0;
  for (const tag of candidate.tags) if (item.tags.includes(tag)) score += weights.tag;
  for (const author of candidate.authors) if (item.authors.includes(author)) score += weights.author;
  const days = Math.abs(item.time - candidate.time) / DAY;
  return score + weights.recency * Math.pow(2, -days / Math.max(weights.halfLifeDays, 1e-9));
}

/** Calls `visit` for the `NEIGHBOURS` items on each side of `time` in a time-sorted posting list. */
function visitNeighbours(list: readonly RelatedItem[] | undefined, time: number, visit: (item: RelatedItem) => void): void {
  if (!list) return;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((list[mid]?.time ?? 0) < time) low = mid + 1;
    else high = mid;
  }
  for (let i = Math.max(0, low - NEIGHBOURS); i < Math.min(list.length, low + NEIGHBOURS); i++) {
    const candidate = list[i];
    if (candidate) visit(candidate);
  }
}
