import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { buildAt, coldSnapshotAt } from '../helpers/build-at.js';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const CONFIG = JSON.stringify({
  title: 'Warta',
  baseUrl: 'https://warta.example/',
  locale: 'id-ID',
  timeZone: 'Asia/Jakarta',
});

const BODY = [
  'Pantauan banjir diperbarui sepanjang hari.',
  '',
  ':::update{time="2026-12-07 07:15"}',
  'Air setinggi lutut di Jalan Kaligawe.',
  ':::',
  '',
  ':::update{time="2026-12-07 10:46"}',
  '## Air mulai surut di Kaligawe',
  '',
  'Petugas membuka pintu air.',
  ':::',
  '',
  ':::update{time="2026-12-07 09:00"}',
  'Pengungsi bertambah menjadi 120 orang.',
  ':::',
  '',
].join('\n');

/** A site with a live blog whose coverage ends at 18:00 WIB on 7 December 2026, and an ordinary story. */
function createLiveSite(): string {
  return createFixtureSite({
    'newsgen.config.json': CONFIG,
    'content/nasional/banjir.md': article(
      { title: 'Banjir Kaligawe', date: '2026-12-07 06:00', live: 'true', liveUntil: '2026-12-07 18:00' },
      BODY,
    ),
    'content/nasional/lain.md': article({ title: 'Kereta baru', date: '2026-12-06 10:00' }),
  });
}

function readPage(site: string, file: string) {
  return parseHTML(readFileSync(path.join(site, 'dist', file), 'utf8')).document;
}

function structuredData(document: Document): Record<string, unknown>[] {
  return [...document.querySelectorAll('script[type="application/ld+json"]')].map(
    (script) => JSON.parse(script.textContent ?? '') as Record<string, unknown>,
  );
}

describe('a live blog', () => {
  test('shows its updates newest first, each with its anchor and time, and the live marker while coverage runs', async () => {
    const site = createLiveSite();
    await buildAt(site, '2026-12-07T12:00:00+07:00');
    const page = readPage(site, 'nasional/banjir/index.html');
    expect(page.querySelector('.article-section .live-badge')?.textContent).toBe('Langsung');
    expect(page.querySelector('link[href$="/live.css"]')).not.toBeNull();
    const updates = [...page.querySelectorAll('.article-body .live-update')];
    expect(updates.map((update) => update.id)).toEqual([
      'update-20261207-1046',
      'update-20261207-0900',
      'update-20261207-0715',
    ]);
    const time = updates[0]?.querySelector('.live-update-time a[href="#update-20261207-1046"] time');
    expect(time?.getAttribute('datetime')).toBe('2026-12-07T10:46:00+07:00');
    expect(time?.textContent).toBe('Senin, 07 Des 2026 10:46 WIB');
    expect(updates[0]?.querySelector('h2')?.textContent).toBe('Air mulai surut di Kaligawe');
    // The newest update is the last change: the page says so, and the sitemap and the feeds too.
    expect(page.querySelector('.updated time')?.getAttribute('datetime')).toBe('2026-12-07T10:46:00+07:00');
    const sitemap = readFileSync(path.join(site, 'dist', 'sitemap-2026-12.xml'), 'utf8');
    expect(sitemap).toMatch(/banjir\/<\/loc>\s*<lastmod>2026-12-07T10:46:00\+07:00<\/lastmod>/);
    expect(readFileSync(path.join(site, 'dist', 'atom.xml'), 'utf8')).toContain(
      '<updated>2026-12-07T10:46:00+07:00</updated>',
    );
    // Feeds show each update's time too, as the site's wall clock reads it, linked to its anchor.
    const feed = JSON.parse(readFileSync(path.join(site, 'dist', 'feed.json'), 'utf8')) as {
      items: { url: string; content_html: string }[];
    };
    const item = feed.items.find((entry) => entry.url.endsWith('/banjir/'));
    expect(item?.content_html).toContain(
      '<a href="https://warta.example/nasional/banjir/#update-20261207-1046"><time datetime="2026-12-07T10:46:00+07:00">2026-12-07 10:46</time></a>',
    );
    // An ordinary story has none of it.
    const other = readPage(site, 'nasional/lain/index.html');
    expect(other.querySelector('.live-badge, link[href$="/live.css"]')).toBeNull();
    expect(structuredData(other)[0]?.['@type']).toBe('NewsArticle');
  });

  test("is described as a LiveBlogPosting with its coverage and each update, as Google's live blog guide asks", async () => {
    const site = createLiveSite();
    await buildAt(site, '2026-12-07T12:00:00+07:00');
    const [posting] = structuredData(readPage(site, 'nasional/banjir/index.html'));
    expect(posting).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'LiveBlogPosting',
      headline: 'Banjir Kaligawe',
      datePublished: '2026-12-07T06:00:00+07:00',
      dateModified: '2026-12-07T10:46:00+07:00',
      coverageStartTime: '2026-12-07T06:00:00+07:00',
      coverageEndTime: '2026-12-07T18:00:00+07:00',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://warta.example/nasional/banjir/' },
    });
    expect(posting?.['liveBlogUpdate']).toEqual([
      {
        '@type': 'BlogPosting',
        headline: 'Air mulai surut di Kaligawe',
        datePublished: '2026-12-07T10:46:00+07:00',
        url: 'https://warta.example/nasional/banjir/#update-20261207-1046',
        articleBody: 'Petugas membuka pintu air.',
      },
      {
        '@type': 'BlogPosting',
        headline: 'Pengungsi bertambah menjadi 120 orang.',
        datePublished: '2026-12-07T09:00:00+07:00',
        url: 'https://warta.example/nasional/banjir/#update-20261207-0900',
        articleBody: 'Pengungsi bertambah menjadi 120 orang.',
      },
      expect.objectContaining({ url: 'https://warta.example/nasional/banjir/#update-20261207-0715' }),
    ]);
  });

  test('loses its live marker at liveUntil by the next build, with no file changed, as a cold build does', async () => {
    const site = createLiveSite();
    await buildAt(site, '2026-12-07T12:00:00+07:00');
    await buildAt(site, '2026-12-07T18:30:00+07:00');
    const page = readPage(site, 'nasional/banjir/index.html');
    expect(page.querySelector('.live-badge')).toBeNull();
    expect(page.querySelectorAll('.live-update')).toHaveLength(3);
    const warm = snapshotTree(path.join(site, 'dist'));
    expect(warm).toEqual(await coldSnapshotAt(site, '2026-12-07T18:30:00+07:00'));
  });

  test('shows a new update after an edit, warm as cold', async () => {
    const site = createLiveSite();
    await buildAt(site, '2026-12-07T12:00:00+07:00');
    const file = path.join(site, 'content/nasional/banjir.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n:::update{time="2026-12-07 11:30"}\nHujan reda.\n:::\n`);
    await buildAt(site, '2026-12-07T12:00:00+07:00');
    const page = readPage(site, 'nasional/banjir/index.html');
    expect(page.querySelector('.live-update')?.id).toBe('update-20261207-1130');
    expect(page.querySelector('.updated time')?.getAttribute('datetime')).toBe('2026-12-07T11:30:00+07:00');
    expect(snapshotTree(path.join(site, 'dist'))).toEqual(await coldSnapshotAt(site, '2026-12-07T12:00:00+07:00'));
  });

  test('warns of an update before the date or after the build clock, and stops at an update outside a live blog', async () => {
    const site = createFixtureSite({
      'newsgen.config.json': CONFIG,
      'content/nasional/banjir.md': article(
        { title: 'Banjir Kaligawe', date: '2026-12-07 06:00', live: 'true' },
        ':::update{time="2026-12-06 23:00"}\nSemalam.\n:::\n\n:::update{time="2026-12-07 20:00"}\nNanti malam.\n:::\n',
      ),
    });
    const warned = await runMain(site, ['build', '--now', '2026-12-07T12:00:00+07:00']);
    expect(warned.code, warned.stderr).toBe(0);
    expect(warned.stderr).toMatch(
      /content\/nasional\/banjir\.md:9:1 +warning .*before the article's `date`.*live-update-early/,
    );
    expect(warned.stderr).toMatch(
      /content\/nasional\/banjir\.md:13:1 +warning .*after the build's clock.*live-update-future/,
    );
    writeFileSync(
      path.join(site, 'content/nasional/biasa.md'),
      article({ title: 'Biasa' }, 'Teks.\n\n:::update{time="2016-09-09 11:00"}\nAir naik.\n:::\n'),
    );
    const failed = await runMain(site, ['build', '--now', '2026-12-07T12:00:00+07:00']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /content\/nasional\/biasa\.md:10:1 +error +Unexpected :::update in an article that is not a live blog +live-update/,
    );
    expect(failed.stderr).toContain('Add `live: true` to the front matter');
  });

  test('warns of an update time and a liveUntil the clocks skip, read as the instant after the gap', async () => {
    const site = createFixtureSite({
      'newsgen.config.json': JSON.stringify({
        title: 'Wahl',
        baseUrl: 'https://wahl.example/',
        timeZone: 'Europe/Berlin',
      }),
      'content/politik/wahlnacht.md': article(
        { title: 'Wahlnacht', date: '2027-03-28 00:30', live: 'true', liveUntil: '2027-03-28 02:15' },
        ':::update{time="2027-03-28 01:45"}\nErste Zahlen.\n:::\n\n:::update{time="2027-03-28 02:30"}\nHochrechnung.\n:::\n',
      ),
    });
    const built = await runMain(site, ['build', '--now', '2027-03-28T06:00:00+02:00']);
    expect(built.code, built.stderr).toBe(0);
    const skipped = built.stderr.split('\n').filter((line) => line.includes('date-skipped-time'));
    expect(skipped).toEqual([
      expect.stringMatching(
        /wahlnacht\.md:\d+:\d+ +warning +Unexpected `liveUntil` 2027-03-28 02:15 at a time the clocks skip in Europe\/Berlin.*read as 2027-03-28T03:15:00\+02:00/,
      ),
      expect.stringMatching(
        /wahlnacht\.md:14:1 +warning +Unexpected :::update time 2027-03-28 02:30 at a time the clocks skip in Europe\/Berlin.*read as 2027-03-28T03:30:00\+02:00/,
      ),
    ]);
    const page = readPage(site, 'politik/wahlnacht/index.html');
    expect([...page.querySelectorAll('.live-update')].map((update) => update.id)).toEqual([
      'update-20270328-0330',
      'update-20270328-0145',
    ]);
  });

  test('warns at `live` of a live blog with no update, and names a standalone page holding one', async () => {
    const site = createFixtureSite({
      'newsgen.config.json': CONFIG,
      'content/nasional/banjir.md': article({ title: 'Banjir', date: '2026-12-07 06:00', live: 'true' }, 'Segera.\n'),
    });
    const warned = await runMain(site, ['build', '--now', '2026-12-07T12:00:00+07:00']);
    expect(warned.code, warned.stderr).toBe(0);
    expect(warned.stderr).toMatch(
      /content\/nasional\/banjir\.md:6:1 +warning +Unexpected `live: true` without any :::update.*front-matter-live/,
    );
    expect(warned.stderr).toContain('Write each update as :::update{time=');
    mkdirSync(path.join(site, 'content/pages'));
    writeFileSync(
      path.join(site, 'content/pages/posko.md'),
      '---\ntitle: Posko\n---\n\n:::update{time="2026-12-07 08:00"}\nBuka.\n:::\n',
    );
    const failed = await runMain(site, ['build', '--now', '2026-12-07T12:00:00+07:00']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/content\/pages\/posko\.md:5:1 +error +Unexpected :::update in a standalone page,/);
    expect(failed.stderr).not.toContain('in an article that is not a live blog');
    expect(failed.stderr).toContain('Write the updates in an article');
  });
});
