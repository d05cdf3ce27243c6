import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { RelatedWeights } from '../../src/config/resolved-config.js';
import { compareText } from '../../src/site/compare.js';
import {
  createRelatedFinder,
  findRelatedByWalk,
  NEIGHBOURS,
  type RankedArticle,
  type RelatedItem,
  scoreRelated,
  toRelatedItem,
} from '../../src/site/related.js';

const WEIGHTS: RelatedWeights = { tag: 10, section: 3, author: 2, recency: 2, halfLifeDays: 30 };
const DAY = 86_400_000;
const T = Date.parse('2016-09-09T03:46:00Z');

function item(id: string, fields: Partial<RelatedItem> = {}): RelatedItem {
  return { id, time: T, section: 'olahraga', tags: [], authors: [], ...fields };
}

const article = item('article', { section: 'ekonomi', tags: ['pangan', 'pasar'], authors: ['rina'] });
const twoTags = item('two-tags', { time: T - 10 * DAY, tags: ['pasar', 'pangan'], authors: ['budi'] });
const oneTagSameDesk = item('one-tag-same-desk', { section: 'ekonomi', tags: ['pangan'], authors: ['rina'] });
const sameDesk = item('same-desk', { section: 'ekonomi', authors: ['rina'] });
const unrelated = item('unrelated', { tags: ['sepak-bola'], authors: ['sari'] });
const set = [unrelated, sameDesk, article, oneTagSameDesk, twoTags];

describe('scoreRelated', () => {
  test('adds the tag weight per shared tag, section, authors and closeness in time', () => {
    expect(scoreRelated(article, oneTagSameDesk, WEIGHTS)).toBeCloseTo(10 + 3 + 2 + 2);
    expect(scoreRelated(article, twoTags, WEIGHTS)).toBeCloseTo(20 + 2 * 2 ** (-10 / 30));
  });

  test('halves the recency bonus every half-life', () => {
    const monthLater = item('later', { time: T + 30 * DAY });
    expect(scoreRelated(item('x'), monthLater, WEIGHTS)).toBeCloseTo(3 + 1);
  });
});

describe('createRelatedFinder', () => {
  test('ranks shared tags strongest, then section and author, and never returns unrelated articles', () => {
    const find = createRelatedFinder(set, WEIGHTS);
    expect(find(article, 10).map((found) => found.id)).toEqual(['two-tags', 'one-tag-same-desk', 'same-desk']);
  });

  test('never returns the article itself', () => {
    const find = createRelatedFinder(set, WEIGHTS);
    for (const each of set) expect(find(each, 10)).not.toContain(each);
  });

  test('respects the count', () => {
    const find = createRelatedFinder(set, WEIGHTS);
    expect(find(article, 2).map((found) => found.id)).toEqual(['two-tags', 'one-tag-same-desk']);
    expect(find(article, 0)).toEqual([]);
  });

  test('breaks score ties by newer first, then by id', () => {
    const base = item('base', { tags: ['banjir'] });
    const dayBefore = item('day-before', { time: T - DAY, tags: ['banjir'], section: 'nasional' });
    const twoDaysBefore = item('two-days-before', { time: T - 2 * DAY, tags: ['banjir'], section: 'nasional' });
    const twinB = item('twin-b', { time: T - 3 * DAY, tags: ['banjir'], section: 'nasional' });
    const twinA = item('twin-a', { time: T - 3 * DAY, tags: ['banjir'], section: 'nasional' });
    const find = createRelatedFinder([dayBefore, twinB, base, twoDaysBefore, twinA], WEIGHTS);
    expect(find(base, 10).map((found) => found.id)).toEqual(['day-before', 'two-days-before', 'twin-a', 'twin-b']);
  });

  test('only ever returns articles published before the article (regression: issue 19)', () => {
    const base = item('base', { tags: ['banjir'] });
    const newer = item('newer', { time: T + DAY, tags: ['banjir'] });
    // As old as the base: before it in the total order only with a later id.
    const sameTimeEarlierId = item('aaa', { tags: ['banjir'] });
    const sameTimeLaterId = item('zzz', { tags: ['banjir'] });
    const older = item('older', { time: T - DAY, tags: ['banjir'] });
    const find = createRelatedFinder([newer, sameTimeEarlierId, base, sameTimeLaterId, older], WEIGHTS);
    expect(find(base, 10).map((found) => found.id)).toEqual(['zzz', 'older']);
    expect(find(newer, 10).map((found) => found.id)).toEqual(['aaa', 'base', 'zzz', 'older']);
  });

  test('gives the same answer whatever the input order', () => {
    const forward = createRelatedFinder(set, WEIGHTS)(article, 10);
    const backward = createRelatedFinder([...set].reverse(), WEIGHTS)(article, 10);
    expect(backward).toEqual(forward);
  });

  test('ranks an article it was not built with by the keys it knows, an unknown one matching nothing', () => {
    const find = createRelatedFinder(set, WEIGHTS);
    const outside = item('outside', { section: 'ekonomi', tags: ['pangan', 'belum-ada'], authors: ['tamu'] });
    // As old as it, only those after it by id count: `one-tag-same-desk` and `article` come before `outside`.
    expect(find(outside, 10).map((found) => found.id)).toEqual(['two-tags', 'same-desk']);
    // Nothing it shares is known: no candidate.
    expect(find(item('stranger', { section: 'x', tags: ['y'], authors: ['z'] }), 10)).toEqual([]);
  });

  test('counts a tag written twice on a candidate twice, as scoreRelated does', () => {
    const base = item('base', { time: T, section: 'a', tags: ['banjir', 'pemilu'] });
    const twice = item('twice', { time: T - DAY, section: 'b', tags: ['banjir', 'banjir'] });
    const both = item('both', { time: T - DAY, section: 'c', tags: ['banjir', 'pemilu'] });
    const find = createRelatedFinder([base, twice, both], WEIGHTS);
    expect(scoreRelated(base, twice, WEIGHTS)).toBe(scoreRelated(base, both, WEIGHTS));
    // Equal scores and times: by id.
    expect(find(base, 10).map((found) => found.id)).toEqual(['both', 'twice']);
  });

  test('finds the nearest in time on a long posting list', () => {
    const many = Array.from({ length: 300 }, (_, index) =>
      item(`old-${String(index).padStart(3, '0')}`, { time: T - (index + 1) * DAY, tags: ['pemilu'] }),
    );
    const base = item('base', { tags: ['pemilu'] });
    const found = createRelatedFinder([...many, base], WEIGHTS)(base, 3);
    expect(found.map((each) => each.id)).toEqual(['old-000', 'old-001', 'old-002']);
  });
});

describe('createRelatedFinder against an exhaustive ranking', () => {
  // Small posting lists (under the neighbour window), so every candidate is in reach.
  const SECTIONS = ['ekonomi', 'olahraga', 'teknologi'];
  const TAGS = ['pasar', 'pangan', 'banjir', 'pemilu', 'liga', 'gawai'];
  const AUTHORS = ['rina', 'budi', 'sari'];
  const randomSet = (seed: number) => {
    let state = seed;
    const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
    return Array.from({ length: 25 }, (_, index) =>
      item(`a-${index}`, {
        time: T - Math.floor(next() * 90) * DAY,
        section: pick(SECTIONS),
        tags: [...new Set([pick(TAGS), pick(TAGS)])],
        authors: [pick(AUTHORS)],
      }),
    );
  };
  // Candidates are the articles before the base in the total order (older, or as old with a later id).
  const exhaustive = (items: readonly RelatedItem[], base: RelatedItem, count: number) =>
    items
      .filter((other) => other.time < base.time || (other.time === base.time && compareText(other.id, base.id) > 0))
      .map((other) => ({ other, score: scoreRelated(base, other, WEIGHTS) }))
      .filter(
        ({ other }) =>
          other.section === base.section ||
          other.tags.some((tag) => base.tags.includes(tag)) ||
          other.authors.some((author) => base.authors.includes(author)),
      )
      .sort((a, b) => b.score - a.score || b.other.time - a.other.time || compareText(a.other.id, b.other.id))
      .slice(0, count)
      .map(({ other }) => other.id);

  test('returns exactly the best-scored articles, whatever the count', () => {
    for (const seed of [1, 7, 42, 2024]) {
      const items = randomSet(seed);
      const find = createRelatedFinder(items, WEIGHTS);
      for (const base of items) {
        for (const count of [1, 3, 8])
          expect(find(base, count).map((found) => found.id)).toEqual(exhaustive(items, base, count));
      }
    }
  });
});

describe('findRelatedByWalk', () => {
  // Long posting lists (past the neighbour window) and times on a coarse grid, so that
  // articles as old as each other straddle the window's edge and the article itself.
  const slugs = (names: readonly string[]) => names.map((slug) => ({ slug }));
  const ranked = fc.record({
    id: fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 4 }),
    time: fc.integer({ min: 0, max: 40 }).map((step) => T - step * DAY),
    section: fc.constantFrom('ekonomi', 'olahraga'),
    tags: fc.uniqueArray(fc.constantFrom('pasar', 'pangan', 'banjir', 'langka'), { maxLength: 2 }),
    authors: fc.uniqueArray(fc.constantFrom('rina', 'budi'), { maxLength: 2 }),
  });
  const site = fc
    .uniqueArray(ranked, { minLength: 1, maxLength: 3 * NEIGHBOURS, selector: (entry) => entry.id, size: 'max' })
    .map((entries) =>
      entries
        .map(
          (entry): RankedArticle => ({
            id: entry.id,
            date: { time: entry.time },
            sectionTerm: { slug: entry.section },
            tagTerms: slugs(entry.tags),
            authorTerms: slugs(entry.authors),
          }),
        )
        // The site's total order: newest first, then by id.
        .sort((a, b) => b.date.time - a.date.time || compareText(a.id, b.id)),
    );

  test('gives every article the list the finder gives it (regression: issue 19)', () => {
    fc.assert(
      // Counts past the window too: then the window's edge, not the scores, decides who is in.
      fc.property(
        site,
        fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 40, max: 200 })),
        (articles, count) => {
          const items = articles.map(toRelatedItem);
          const find = createRelatedFinder(items, WEIGHTS);
          articles.forEach((article, position) => {
            const walked = findRelatedByWalk(articles, position, WEIGHTS, count).map((found) => found.id);
            expect(walked, article.id).toEqual(find(items[position] as RelatedItem, count).map((found) => found.id));
          });
        },
      ),
      { seed: 20261203, numRuns: 150, endOnFailure: true },
    );
  });
});
