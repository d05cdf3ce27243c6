import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Site, SiteArticle } from '../../src/site/site.js';
import { groupArticlesByMonth } from '../../src/syndication/list-sitemap-entries.js';
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

describe('groupArticlesByMonth', () => {
  test('groups by the month the date is written in, whatever order and offsets the articles come in', () => {
    // Dates near month ends with offsets from -12:00 to +14:00: a month's articles need not follow each other.
    const date = fc
      .tuple(
        fc.constantFrom('2026-09-30T23', '2026-10-01T00', '2026-10-31T22', '2026-11-01T01', '2026-11-15T12'),
        fc.constantFrom('-12:00', '+00:00', '+07:00', '+14:00'),
      )
      .map(([hour, offset]) => at(`${hour}:30:00${offset}`));
    const article = fc.record({ date, draft: fc.boolean(), future: fc.boolean() });
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
