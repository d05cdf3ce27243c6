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
const NEIGHBOURS = 60;
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
    const candidates = new Set<RelatedItem>();
    const keys = [...item.tags.map((tag) => `t:${tag}`), ...item.authors.map((author) => `a:${author}`), `s:${item.section}`];
    for (const key of keys) collectNeighbours(index.get(key) ?? [], item.time, candidates);
    candidates.delete(item);
    const scored = [...candidates].map((candidate) => ({ candidate, score: scoreRelated(item, candidate, weights) }));
    scored.sort((a, b) => b.score - a.score || b.candidate.time - a.candidate.time || compareText(a.candidate.id, b.candidate.id));
    return scored.slice(0, count).map((entry) => entry.candidate);
  };
}

/** The relatedness score of `candidate` for `item`. */
export function scoreRelated(item: RelatedItem, candidate: RelatedItem, weights: RelatedWeights): number {
  const sharedTags = candidate.tags.filter((tag) => item.tags.includes(tag)).length;
  const sharedAuthors = candidate.authors.filter((author) => item.authors.includes(author)).length;
  const days = Math.abs(item.time - candidate.time) / DAY;
  return (
    weights.tag * sharedTags +
    (candidate.section === item.section ? weights.section : 0) +
    weights.author * sharedAuthors +
    weights.recency * Math.pow(2, -days / Math.max(weights.halfLifeDays, 1e-9))
  );
}

function collectNeighbours(list: readonly RelatedItem[], time: number, into: Set<RelatedItem>): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((list[mid]?.time ?? 0) < time) low = mid + 1;
    else high = mid;
  }
  for (let i = Math.max(0, low - NEIGHBOURS); i < Math.min(list.length, low + NEIGHBOURS); i++) {
    const candidate = list[i];
    if (candidate) into.add(candidate);
  }
}
