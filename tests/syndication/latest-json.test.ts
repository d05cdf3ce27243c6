import { describe, expect, it } from 'vitest';
import type { LatestArticle } from '../../src/syndication/latest-json.js';
import { articleSource, buildInMemory } from './build-in-memory.js';
import { NOW, SITE_CONFIG, SITE_CONTENT, TRICKY_TITLE } from './site-fixture.js';

function latestOf(text: string): LatestArticle[] {
  return (JSON.parse(text) as { articles: LatestArticle[] }).articles;
}

/** Twelve public articles an hour apart, the newest at 23:00 on 26 November; two share one instant. */
function hourlyArticles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let hour = 12; hour <= 23; hour += 1)
    files[`ekonomi/jam-${hour}.md`] = articleSource({ title: `Berita pukul ${hour}`, date: `2026-11-26 ${hour}:00` });
  files['ekonomi/jam-kembar.md'] = articleSource({ title: 'Berita kembar', date: '2026-11-26 23:00' });
  return files;
}

describe('/latest.json', () => {
  it('lists the newest public articles with URL, title, section name and date, nothing else', async () => {
    const site = await buildInMemory(SITE_CONFIG, SITE_CONTENT, { inline: { now: NOW, drafts: true, future: true } });
    expect(latestOf(site.file('latest.json'))).toEqual([
      {
        url: 'https://uji.example/ekonomi/harga/',
        title: TRICKY_TITLE,
        section: 'Ekonomi',
        date: '2026-11-26T10:00:00+07:00',
      },
      {
        url: 'https://uji.example/ekonomi/lama/',
        title: 'Ekspor kopi naik',
        section: 'Ekonomi',
        date: '2026-11-20T08:00:00+07:00',
      },
    ]);
  });

  it('holds ten headlines in the order date then id, in the same bytes every time', async () => {
    const first = await buildInMemory(SITE_CONFIG, hourlyArticles(), { inline: { now: NOW } });
    const articles = latestOf(first.file('latest.json'));
    expect(articles.map((article) => article.title)).toEqual([
      'Berita kembar',
      'Berita pukul 23',
      ...[22, 21, 20, 19, 18, 17, 16, 15].map((hour) => `Berita pukul ${hour}`),
    ]);
    const again = await buildInMemory(SITE_CONFIG, hourlyArticles(), { inline: { now: NOW } });
    expect(again.file('latest.json')).toBe(first.file('latest.json'));
    expect(Buffer.byteLength(first.file('latest.json'))).toBeLessThan(10_000);
  });

  it('holds one more headline than the other-news list when that list is longer than nine', async () => {
    const site = await buildInMemory({ ...SITE_CONFIG, otherNews: 11 }, hourlyArticles(), { inline: { now: NOW } });
    expect(latestOf(site.file('latest.json'))).toHaveLength(12);
  });
});
