import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildSite } from '../../src/site/build-site.js';
import { createNewestArticlePage } from '../../src/site/newest-article-page.js';
import type { ArticlePage } from '../../src/site/site.js';
import { at, displayPathOf, makeArticle, makeOptions } from './fixtures.js';

const TAGS = ['pasar', 'pangan', 'banjir'];
const AUTHORS = ['Rina Wulandari', 'Budi Santoso'];

// Archives past the neighbour window, with times on a coarse grid: many articles as
// old as each other, some of them at the window's edge.
const archive = fc.uniqueArray(
  fc.record({
    slug: fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'e'), minLength: 1, maxLength: 5 }),
    hour: fc.integer({ min: 0, max: 30 }),
    tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 2 }),
    author: fc.constantFrom(...AUTHORS),
  }),
  { minLength: 1, maxLength: 200, selector: (entry) => entry.slug, size: 'max' },
);

describe('createNewestArticlePage', () => {
  test('gives the newest article the page a whole-site build gives it (regression: issue 19)', () => {
    fc.assert(
      fc.property(
        archive,
        fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 2 }),
        fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 50, max: 150 })),
        (entries, newestTags, count) => {
          const articles = entries.map((entry) =>
            makeArticle(entry.slug, {
              date: at(`2016-09-01T${String(entry.hour % 24).padStart(2, '0')}:00:00Z`),
              tags: entry.tags,
              authors: [entry.author],
            }),
          );
          // Strictly the newest by date, as a publish patch requires.
          articles.push(makeArticle('terbaru', { date: at('2016-09-05T00:00:00Z'), tags: newestTags }));
          const options = makeOptions({ related: { ...makeOptions().related, count } });
          const { site } = buildSite(articles, new Map(), options, displayPathOf);
          const newest = site.articles[0];
          expect(newest?.slug).toBe('terbaru');
          if (!newest) return;
          const page = createNewestArticlePage(site, options);
          const built = site.pages.find(
            (each): each is ArticlePage => each.kind === 'article' && each.article === newest,
          );
          expect(page?.related.map((article) => article.slug)).toEqual(built?.related.map((article) => article.slug));
          expect(page?.otherNews).toEqual(built?.otherNews);
        },
      ),
      { seed: 20261203, numRuns: 150, endOnFailure: true },
    );
  });
});
