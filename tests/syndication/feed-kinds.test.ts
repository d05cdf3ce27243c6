import { DOMParser } from 'linkedom';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { articleSource, buildInMemory } from './build-in-memory.js';
import { NOW, SITE_CONFIG } from './site-fixture.js';
import { findXmlError } from './well-formed.js';

const CONTENT: Record<string, string> = {
  'ekonomi/berita.md': articleSource({ title: 'Harga cabai turun', date: '2026-11-26 08:00', tags: '[Pasar]' }),
  'ekonomi/kolom.md': articleSource({
    title: 'Cabai butuh gudang dingin',
    date: '2026-11-26 09:00',
    kind: 'opinion',
    tags: '[Opini, Pasar]',
  }),
  'ekonomi/iklan.md': articleSource({
    title: 'Tabungan untuk petani',
    date: '2026-11-26 10:00',
    kind: 'sponsored',
    sponsor: 'Bank Sejahtera',
  }),
};

const build = (config: Record<string, unknown> = {}) =>
  buildInMemory({ ...SITE_CONFIG, ...config }, CONTENT, { inline: { now: NOW } });

describe('feed items of articles that are not news', () => {
  it('carry the kind as the first RSS category, and an advertorial says so in its title', async () => {
    const site = await build();
    expect(await findXmlError('feed.xml', site.file('feed.xml'))).toBeUndefined();
    const feed = await new Parser().parseString(site.file('feed.xml'));
    expect(feed.items.map((item) => [item.title, item.categories])).toEqual([
      ['Advertorial: Tabungan untuk petani', ['Advertorial', 'Ekonomi']],
      // The tag named like the kind is not said twice.
      ['Cabai butuh gudang dingin', ['Opini', 'Ekonomi', 'Pasar']],
      ['Harga cabai turun', ['Ekonomi', 'Pasar']],
    ]);
  });

  it('carry it as an Atom category with the kind as term and the label for readers', async () => {
    const site = await build();
    const xml = site.file('atom.xml');
    expect(await findXmlError('atom.xml', xml)).toBeUndefined();
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const entries = [...doc.querySelectorAll('entry')].map((entry) => ({
      title: entry.querySelector('title')?.textContent,
      categories: [...entry.querySelectorAll('category')].map(
        (category) => `${category.getAttribute('term')}=${category.getAttribute('label')}`,
      ),
    }));
    expect(entries).toEqual([
      { title: 'Advertorial: Tabungan untuk petani', categories: ['sponsored=Advertorial', 'ekonomi=Ekonomi'] },
      { title: 'Cabai butuh gudang dingin', categories: ['opinion=Opini', 'ekonomi=Ekonomi', 'pasar=Pasar'] },
      { title: 'Harga cabai turun', categories: ['ekonomi=Ekonomi', 'pasar=Pasar'] },
    ]);
  });

  it('carry it as the first JSON Feed tag, in the language of the site', async () => {
    const site = await build({ locale: 'en-GB' });
    const json = JSON.parse(site.file('feed.json')) as { items: { title: string; tags: string[] }[] };
    expect(json.items.map((item) => [item.title, item.tags])).toEqual([
      ['Sponsored: Tabungan untuk petani', ['Sponsored', 'Ekonomi']],
      ['Cabai butuh gudang dingin', ['Opinion', 'Ekonomi', 'Opini', 'Pasar']],
      ['Harga cabai turun', ['Ekonomi', 'Pasar']],
    ]);
  });

  it('leave a news item as it was: no kind category, its title as written', async () => {
    const site = await build();
    const item = site.file('feed.xml').match(/<item>(?:(?!<\/item>)[\s\S])*Harga cabai turun[\s\S]*?<\/item>/)?.[0];
    expect(item).toContain('<title>Harga cabai turun</title>');
    expect(item?.match(/<category>[^<]*<\/category>/g)).toEqual([
      '<category>Ekonomi</category>',
      '<category>Pasar</category>',
    ]);
  });
});
