import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Site, SiteArticle } from '../../src/site/site.js';
import { groupArticlesByMonth, listMonthArticles } from '../../src/syndication/list-sitemap-entries.js';
import { isPublic } from '../../src/syndication/public-articles.js';
import type { SitemapConfig } from '../../src/syndication/sitemap-model.js';
import { at, makeArticle } from '../site/fixtures.js';

const NOW = new Date('2026-12-01T00:00:00Z');

/** The grouping as specified: every public article, by the month its date is written in, oldest first. */
function naiveGroups(articles: readonly SiteArticle[]): [string, string[]][] {
  const months = new Map<string, string[]>();
  for (const article of [...articles].reverse()) {
    if (!isPublic(article, NOW.getTime())) continue;
    const month = article.date.iso.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), article.id]);
  }
  return [...months].sort(([a], [b]) => (a < b ? -1 : 1));
}

// Dates near month ends with offsets from -12:00 to +14:00: a month's articles need not follow each other.
const date = fc
  .tuple(
    fc.constantFrom('2026-09-30T23', '2026-10-01T00', '2026-10-31T22', '2026-11-01T01', '2026-11-15T12'),
    fc.constantFrom('-12:00', '+00:00', '+07:00', '+14:00'),
  )
  .map(([hour, offset]) => at(`${hour}:30:00${offset}`));
const article = fc.record({ date, draft: fc.boolean(), future: fc.boolean() });

describe('groupArticlesByMonth', () => {
  test('groups by the month the date is written in, whatever order and offsets the articles come in', () => {
    fc.assert(
      fc.property(fc.array(article, { maxLength: 30 }), (drawn) => {
        const articles = drawn.map(
          ({ date, draft, future }, index) =>
            ({
              ...makeArticle(`a${index}`, { date: future ? at('2027-01-01T00:00:00+07:00') : date, draft }),
              url: `/ekonomi/a${index}/`,
            }) as unknown as SiteArticle,
        );
        const grouped = groupArticlesByMonth({ articles } as unknown as Site, { now: NOW } as SitemapConfig);
        expect([...grouped].map(([month, list]) => [month, list.map((item) => item.id)])).toEqual(
          naiveGroups(articles),
        );
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });
});

describe('listMonthArticles', () => {
  test("gives one month's articles as groupArticlesByMonth does, from a site's articles newest first", () => {
    fc.assert(
      fc.property(fc.array(article, { maxLength: 30 }), (drawn) => {
        const articles = drawn
          .map(
            ({ date, draft, future }, index) =>
              ({
                ...makeArticle(`a${index}`, { date: future ? at('2027-01-01T00:00:00+07:00') : date, draft }),
                url: `/ekonomi/a${index}/`,
              }) as unknown as SiteArticle,
          )
          .sort((a, b) => b.date.time - a.date.time || (a.id < b.id ? -1 : 1));
        const site = { articles } as unknown as Site;
        const config = { now: NOW } as SitemapConfig;
        const groups = new Map(naiveGroups(articles));
        for (const month of [...groups.keys(), '2026-08', '2026-12'])
          expect(
            listMonthArticles(site, config, month).map((item) => item.id),
            month,
          ).toEqual(groups.get(month) ?? []);
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });
});
