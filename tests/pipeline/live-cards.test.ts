import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { buildAt, coldSnapshotAt } from '../helpers/build-at.js';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';

const CONFIG = JSON.stringify({
  title: 'Warta',
  baseUrl: 'https://warta.example/',
  locale: 'id-ID',
  timeZone: 'Asia/Jakarta',
});

const UPDATE = ':::update{time="2026-12-07 10:46"}\nAir mulai surut.\n:::\n';

/** A live blog (coverage until 18:00 WIB on 7 December 2026) and two later stories: one shares its section, tag and author. */
function createSite(): string {
  return createFixtureSite({
    'newsgen.config.json': CONFIG,
    'content/nasional/banjir.md': article(
      {
        title: 'Banjir Kaligawe',
        date: '2026-12-07 06:00',
        live: 'true',
        liveUntil: '2026-12-07 18:00',
        tags: '[banjir]',
      },
      UPDATE,
    ),
    'content/nasional/tanggul.md': article({ title: 'Tanggul jebol', date: '2026-12-07 09:00', tags: '[banjir]' }),
    'content/ekonomi/harga.md': article({ title: 'Harga beras naik', date: '2026-12-07 08:00', tags: '[pangan]' }),
  });
}

/** The pages showing the live blog's card, and where on them. */
const CARD_PAGES = ['index.html', 'nasional/index.html', 'tag/banjir/index.html', 'author/riandanu/index.html'];

function readPage(site: string, file: string) {
  return parseHTML(readFileSync(path.join(site, 'dist', file), 'utf8')).document;
}

/** The text of each live marker on a listing, with the headline of its card. */
function liveCards(site: string, file: string): string[] {
  return [...readPage(site, file).querySelectorAll('.card .live-badge')].map(
    (badge) => `${badge.textContent} ${badge.closest('.card')?.querySelector('.card-title')?.textContent}`,
  );
}

/** The headlines of an article page's related and other news lists, as readers read them. */
function sideLinks(site: string, file: string): string[] {
  return [...readPage(site, file).querySelectorAll('aside li a')].map((link) => link.textContent ?? '');
}

function latestLabels(site: string): (string | undefined)[] {
  const latest = JSON.parse(readFileSync(path.join(site, 'dist/latest.json'), 'utf8')) as {
    articles: { title: string; label?: string }[];
  };
  return latest.articles.map((entry) => entry.label && `${entry.label}: ${entry.title}`);
}

describe("a live blog's card", () => {
  test('shows the live marker on the home page, listings, related and other news while coverage runs', async () => {
    const site = createSite();
    await buildAt(site, '2026-12-07T12:00:00+07:00');
    for (const file of CARD_PAGES) expect(liveCards(site, file), file).toEqual(['Langsung Banjir Kaligawe']);
    expect(liveCards(site, 'ekonomi/index.html')).toEqual([]);
    expect(sideLinks(site, 'nasional/tanggul/index.html')).toContain('Langsung: Banjir Kaligawe');
    expect(sideLinks(site, 'ekonomi/harga/index.html')).toContain('Langsung: Banjir Kaligawe');
    expect(latestLabels(site)).toEqual([undefined, undefined, 'Langsung: Banjir Kaligawe']);
    // Listings load the marker's style with theirs; an ordinary article page loads no live blog stylesheet.
    expect(readFileSync(path.join(site, 'dist/assets/listing.css'), 'utf8')).toContain('.live-badge');
    expect(readPage(site, 'nasional/tanggul/index.html').querySelector('link[href$="live.css"]')).toBeNull();
  });

  test('loses the marker everywhere at liveUntil by the next build, with no file changed, as a cold build does', async () => {
    const site = createSite();
    await buildAt(site, '2026-12-07T12:00:00+07:00');
    await buildAt(site, '2026-12-07T18:30:00+07:00');
    for (const file of CARD_PAGES) expect(liveCards(site, file), file).toEqual([]);
    expect(sideLinks(site, 'nasional/tanggul/index.html')).toContain('Banjir Kaligawe');
    expect(sideLinks(site, 'ekonomi/harga/index.html')).toContain('Banjir Kaligawe');
    expect(latestLabels(site)).toEqual([undefined, undefined, undefined]);
    expect(snapshotTree(path.join(site, 'dist'))).toEqual(await coldSnapshotAt(site, '2026-12-07T18:30:00+07:00'));
  });

  test.each([
    ['a new article is published', 'content/ekonomi/baru.md', article({ title: 'Baru', date: '2026-12-07 18:10' })],
    [
      'an article body is edited',
      'content/ekonomi/harga.md',
      article({ title: 'Harga beras naik', date: '2026-12-07 08:00', tags: '[pangan]' }, 'Isi baru.\n'),
    ],
  ])('loses the marker everywhere when liveUntil passes as %s, warm as cold', async (_change, file, text) => {
    const site = createSite();
    await buildAt(site, '2026-12-07T12:00:00+07:00');
    writeFileSync(path.join(site, file), text);
    await buildAt(site, '2026-12-07T18:30:00+07:00');
    for (const page of CARD_PAGES) expect(liveCards(site, page), page).toEqual([]);
    expect(snapshotTree(path.join(site, 'dist'))).toEqual(await coldSnapshotAt(site, '2026-12-07T18:30:00+07:00'));
  });
});
