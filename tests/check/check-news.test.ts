import { describe, expect, it } from 'vitest';
import { checkNews, type NewsCheckOptions } from '../../src/check/check-news.js';
import type { ArticleData } from '../../src/content/article.js';

const NOW = new Date('2026-11-20T05:00:00Z');
const HOUR = 60 * 60 * 1000;
const OPTIONS: NewsCheckOptions = { now: NOW, drafts: false, future: false, imageWidth: () => undefined };

function instant(offsetHours: number) {
  const time = NOW.getTime() + offsetHours * HOUR;
  return { time, iso: new Date(time).toISOString() };
}

function article(fields: Partial<ArticleData> & { sourcePath: string }): ArticleData {
  return {
    id: fields.sourcePath,
    title: 'Harga Cabai Turun',
    date: instant(-1),
    updated: undefined,
    expires: undefined,
    authors: [],
    section: 'ekonomi',
    tags: [],
    image: undefined,
    summary: 'Ringkasan.',
    slug: fields.sourcePath.replace(/\W+/g, '-'),
    dateline: undefined,
    editor: undefined,
    draft: false,
    corrections: [],
    aliases: [],
    featured: false,
    featuredUntil: undefined,
    kind: 'news',
    sponsor: undefined,
    live: false,
    liveUntil: undefined,
    params: {},
    bodyLine: 8,
    slugPlace: undefined,
    idPlace: undefined,
    namePlaces: { section: undefined, tags: [], authors: [] },
    ...fields,
  };
}

const rules = (articles: ArticleData[], options: Partial<NewsCheckOptions> = {}) =>
  checkNews(articles, { ...OPTIONS, ...options }).map((finding) => `${finding.sourcePath} ${finding.ruleId}`);

describe('checkNews', () => {
  it('finds nothing in a clean article', () => {
    expect(rules([article({ sourcePath: 'a.md' })])).toEqual([]);
  });

  it('flags a headline longer than 110 characters, counting what readers see as one character', () => {
    const flag = '🇮🇩'.repeat(60);
    expect(rules([article({ sourcePath: 'a.md', title: flag })])).toEqual([]);
    const long = checkNews([article({ sourcePath: 'a.md', title: 'x'.repeat(111) })], OPTIONS);
    expect(long).toEqual([expect.objectContaining({ field: 'title', ruleId: 'news-headline-length' })]);
    expect(long[0]?.reason).toContain('111 characters');
    expect(rules([article({ sourcePath: 'a.md', title: 'x'.repeat(110) })])).toEqual([]);
  });

  it('flags a missing or blank summary', () => {
    expect(
      rules([
        article({ sourcePath: 'a.md', summary: undefined }),
        article({ sourcePath: 'b.md', title: 'Lain', summary: ' ' }),
      ]),
    ).toEqual(['a.md news-summary-missing', 'b.md news-summary-missing']);
  });

  it('reads a date up to 30 days ahead as a schedule, and flags one further out unless --future', () => {
    const days = (count: number) => count * 24;
    expect(rules([article({ sourcePath: 'a.md', date: instant(3) })])).toEqual([]);
    expect(rules([article({ sourcePath: 'a.md', date: instant(days(30)) })])).toEqual([]);
    const farOff = article({ sourcePath: 'b.md', date: instant(days(30) + 1) });
    expect(rules([farOff])).toEqual(['b.md news-future-date']);
    expect(checkNews([farOff], OPTIONS)[0]?.reason).toContain('30 days in the future');
    expect(rules([farOff], { future: true })).toEqual([]);
    // A year typed wrong: 2062 for 2026.
    expect(rules([article({ sourcePath: 'c.md', date: instant(days(365 * 36)) })])).toEqual(['c.md news-future-date']);
  });

  it('leaves drafts alone unless drafts are built', () => {
    const draft = article({ sourcePath: 'b.md', date: instant(24 * 60), draft: true, summary: undefined });
    expect(rules([draft])).toEqual([]);
    expect(rules([draft], { drafts: true })).toEqual(['b.md news-future-date', 'b.md news-summary-missing']);
  });

  it('flags a title used again within 48 hours, pointing at the first, but not older repeats', () => {
    const findings = checkNews(
      [
        article({ sourcePath: 'baru.md', title: 'Banjir  di Jakarta', date: instant(-2) }),
        article({ sourcePath: 'lama.md', title: 'banjir di jakarta', date: instant(-10) }),
        article({ sourcePath: 'arsip.md', title: 'Banjir di Jakarta', date: instant(-100) }),
      ],
      OPTIONS,
    );
    expect(findings).toEqual([
      expect.objectContaining({
        sourcePath: 'baru.md',
        ruleId: 'news-duplicate-title',
        cause: { sourcePath: 'lama.md', field: 'title' },
      }),
    ]);
  });

  it('flags a lead image narrower than 1200 px when its width is known', () => {
    const image = { src: '/images/a.jpg', alt: 'A', caption: undefined, credit: undefined };
    const withImage = article({ sourcePath: 'a.md', image });
    expect(rules([withImage], { imageWidth: () => 800 })).toEqual(['a.md news-image-width']);
    expect(rules([withImage], { imageWidth: () => 1200 })).toEqual([]);
    expect(rules([withImage])).toEqual([]);
  });

  it('ignores expired articles', () => {
    expect(rules([article({ sourcePath: 'a.md', summary: undefined, expires: instant(-0.5) })])).toEqual([]);
  });
});
