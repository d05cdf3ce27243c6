import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.js';
import { article, createFixtureSite } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';
import { type FolderServer, serveFolder } from '../helpers/serve-folder.js';

/** The reader's clock: a day after the newest article. */
const BROWSER_NOW = new Date('2026-11-27T12:00:00+07:00');

const story = (title: string, date: string, body = `${title}.\n`) => article({ title, date, tags: '[kota]' }, body);

let site = '';
let server: FolderServer | undefined;
let browser: Browser | undefined;

// Timeout: builds a site twice and starts Chromium.
beforeAll(async () => {
  site = createFixtureSite({
    'newsgen.config.json': JSON.stringify({
      title: 'Warta Uji',
      baseUrl: 'https://warta.example/',
      locale: 'id-ID',
      timeZone: 'Asia/Jakarta',
      otherNews: 3,
      related: { count: 0 },
    }),
    'content/kota/pertama.md': story('Pasar pagi dibuka', '2026-11-20 09:00'),
    'content/kota/kedua.md': story('Jalan baru diaspal', '2026-11-21 09:00'),
    'content/kota/ketiga.md': story('Taman kota dipugar', '2026-11-22 09:00'),
    'content/kota/keempat.md': story(
      'Halte bus ditambah',
      '2026-11-23 09:00',
      'Halte ditambah setelah [jalan baru diaspal](/kota/kedua/).\n',
    ),
  });
  const first = await runMain(site, ['build', '--now', '2026-11-23T12:00:00+07:00']);
  if (first.code !== 0) throw new Error(`First build failed:\n${first.stderr}`);
  // Publishing: a newer article arrives and the site is built again, with its cache.
  writeFileSync(path.join(site, 'content/kota/terbaru.md'), story('Banjir surut di hilir', '2026-11-26 10:00'));
  const second = await runMain(site, ['build', '--now', '2026-11-27T00:00:00+07:00']);
  if (second.code !== 0) throw new Error(`Second build failed:\n${second.stderr}`);
  server = await serveFolder(path.join(site, 'dist'));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens an article page at the reader's clock, with `latest.json` answered by `answer` when given. */
async function openArticle(
  urlPath: string,
  answer?: (real: string) => { status: number; body: string },
): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  if (!browser || !server) throw new Error('The browser test setup did not finish');
  const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  await context.clock.setFixedTime(BROWSER_NOW);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  if (answer) {
    const real = readFileSync(path.join(site, 'dist', 'latest.json'), 'utf8');
    await page.route('**/latest.json', (route) => route.fulfill({ contentType: 'application/json', ...answer(real) }));
  }
  const latest = page.waitForResponse((response) => response.url().endsWith('/latest.json'));
  await page.goto(`${server.origin}${urlPath}`);
  await latest;
  return { page, problems, close: () => context.close() };
}

const headlines = (page: Page) => page.locator('.other-news li a').allTextContents();

/** The other-news list as the build wrote it into an article page: its `data-latest` and its titles. */
function readStaticList(...segments: string[]): { latest: string | null; titles: (string | null)[] } {
  const html = readFileSync(path.join(site, 'dist', ...segments, 'index.html'), 'utf8');
  const written = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const list = written.querySelector('.other-news ul');
  return {
    latest: list?.getAttribute('data-latest') ?? null,
    titles: [...(list?.querySelectorAll('li a') ?? [])].map((link) => link.textContent),
  };
}

// Timeout: each test drives Chromium.
describe('fresh other news on article pages', { timeout: 30_000 }, () => {
  it('replaces the list with the newest headlines from latest.json, leaving out what the page shows already', async () => {
    const { page, problems, close } = await openArticle('/kota/keempat/');
    try {
      await expect
        .poll(() => headlines(page))
        .toEqual(['Banjir surut di hilir', 'Taman kota dipugar', 'Pasar pagi dibuka']);
      expect(readStaticList('kota', 'keempat').titles).not.toEqual(await headlines(page));
      const times = await page.locator('.other-news time[data-relative]').allTextContents();
      expect(times).toEqual(['kemarin', '5 hari yang lalu', 'minggu lalu']);
      expect(await page.locator('.other-news time').first().getAttribute('datetime')).toBe('2026-11-26T10:00:00+07:00');
      // Links stay on the host serving the page, whatever base URL the site was built for.
      const href = await page.locator('.other-news li a').first().getAttribute('href');
      expect(href).toBe('/kota/terbaru/');
      // Each title in its own direction, as the build writes them (a Latin "!" title on an Arabic page).
      const dirs = await page
        .locator('.other-news li a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('dir')));
      expect(dirs).toEqual(['auto', 'auto', 'auto']);
      await page.locator('.other-news li a').first().click();
      await expect.poll(() => page.textContent('h1')).toBe('Banjir surut di hilir');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows headlines newer than the page was built with', async () => {
    const newer = (real: string) => {
      const data = JSON.parse(real) as { articles: unknown[] };
      const fresh = {
        url: 'https://warta.example/kota/kabar-sore/',
        title: 'Kabar sore ini',
        section: 'Kota',
        date: '2026-11-27T10:00:00+07:00',
      };
      const broken = { url: 'https://warta.example/kota/rusak/', title: 'Tanpa tanggal', date: 'kapan-kapan' };
      return { status: 200, body: JSON.stringify({ articles: [fresh, broken, ...data.articles] }) };
    };
    const { page, problems, close } = await openArticle('/kota/terbaru/', newer);
    try {
      await expect.poll(() => headlines(page)).toEqual(['Kabar sore ini', 'Halte bus ditambah', 'Taman kota dipugar']);
      expect(await page.locator('.other-news time').first().textContent()).toBe('2 jam yang lalu');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('fills the box of the oldest article, which has no older news, and links the latest news without JavaScript', async () => {
    const written = readStaticList('kota', 'pertama');
    expect(written.titles).toEqual(['Lihat berita terbaru']);
    const { page, problems, close } = await openArticle('/kota/pertama/');
    try {
      await expect
        .poll(() => headlines(page))
        .toEqual(['Banjir surut di hilir', 'Halte bus ditambah', 'Taman kota dipugar']);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('keeps the static list, and the focus on its link, when the reader tabbed into it before latest.json came', async () => {
    if (!browser || !server) throw new Error('The browser test setup did not finish');
    const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    await context.clock.setFixedTime(BROWSER_NOW);
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      let answer = () => {};
      const held = new Promise<void>((resolve) => {
        answer = resolve;
      });
      await page.route('**/latest.json', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${server.origin}/kota/keempat/`);
      const written = readStaticList('kota', 'keempat');
      await page.locator('.other-news li a').nth(1).focus();
      const answered = page.waitForResponse((response) => response.url().endsWith('/latest.json'));
      answer();
      await answered;
      await page.waitForLoadState('networkidle');
      expect(await headlines(page)).toEqual(written.titles);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(written.titles[1]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the static list when latest.json cannot be read', async () => {
    const written = readStaticList('kota', 'keempat');
    expect(written.latest).toBe('/latest.json');
    expect(written.titles).toHaveLength(3);
    const { page, problems, close } = await openArticle('/kota/keempat/', () => ({ status: 404, body: '' }));
    try {
      await page.waitForLoadState('networkidle');
      expect(await headlines(page)).toEqual(written.titles);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
