import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.js';
import { article, createFixtureSite } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';
import { type FolderServer, serveFolder } from '../helpers/serve-folder.js';

let server: FolderServer | undefined;
let browser: Browser | undefined;

// Timeout: builds a site and starts Chromium.
beforeAll(async () => {
  const site = createFixtureSite({
    'newsgen.config.json': JSON.stringify({
      title: 'Warta Uji',
      baseUrl: 'https://warta.example/',
      locale: 'id-ID',
      search: true,
    }),
    'content/kota/durian.md': article(
      { title: 'Pedagang durian memadati pasar induk', date: '2026-11-20 09:00' },
      'Musim durian montong tiba lebih awal tahun ini.\n',
    ),
    'content/kota/jalan.md': article({ title: 'Jalan baru diaspal', date: '2026-11-21 09:00' }, 'Aspal baru.\n'),
  });
  const built = await runMain(site, ['build', '--now', '2026-11-23T12:00:00+07:00']);
  if (built.code !== 0) throw new Error(`The build failed:\n${built.stderr}`);
  server = await serveFolder(path.join(site, 'dist'));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the search page', () => {
  it('finds an article by a word of its body, and hides the plain form once the search box runs', async () => {
    if (!browser || !server) throw new Error('The browser test setup did not finish');
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    try {
      await page.goto(`${server.origin}/`);
      await page.getByRole('link', { name: 'Cari', exact: true }).click();
      await page.waitForURL(/\/search\/$/);
      const box = page.locator('pagefind-input input');
      await box.fill('montong');
      const result = page.locator('pagefind-results a', { hasText: 'Pedagang durian memadati pasar induk' });
      await result.first().waitFor({ timeout: 10_000 });
      expect(await result.first().getAttribute('href')).toBe('/kota/durian/');
      // Under the title, the section and date as the article prints them; the excerpt starts with the story.
      const card = page.locator('pagefind-results li.pf-result', { hasText: 'Pedagang durian memadati pasar induk' });
      expect(await card.locator('.search-result-meta').textContent()).toBe('kota · Jumat, 20 Nov 2026 09:00 UTC');
      expect(await card.locator('.pf-result-excerpt').textContent()).toMatch(/^Pedagang durian/);
      expect(await page.locator('pagefind-results a', { hasText: 'Jalan baru diaspal' }).count()).toBe(0);
      expect(await page.locator('.search-fallback').isVisible()).toBe(false);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('runs the search a link names in ?q= on load, and keeps the address in step as the reader types', async () => {
    if (!browser || !server) throw new Error('The browser test setup did not finish');
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    try {
      await page.goto(`${server.origin}/`);
      await page.goto(`${server.origin}/search/?q=montong`);
      const result = page.locator('pagefind-results a', { hasText: 'Pedagang durian memadati pasar induk' });
      await result.first().waitFor({ timeout: 10_000 });
      expect(await page.locator('pagefind-input input').inputValue()).toBe('montong');
      await page.locator('pagefind-input input').fill('aspal');
      await page.locator('pagefind-results a', { hasText: 'Jalan baru diaspal' }).first().waitFor({ timeout: 10_000 });
      expect(new URL(page.url()).searchParams.get('q')).toBe('aspal');
      await page.goBack();
      expect(new URL(page.url()).pathname).toBe('/');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('takes the words of ?q= as text, never as markup', async () => {
    if (!browser || !server) throw new Error('The browser test setup did not finish');
    const page = await browser.newPage();
    const words = '<img src=x onerror="window.ran=1">';
    try {
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent(words)}`);
      await page.locator('pagefind-summary').getByText('img', { exact: false }).first().waitFor({ timeout: 10_000 });
      expect(await page.locator('pagefind-input input').inputValue()).toBe(words);
      expect(await page.locator('main img').count()).toBe(0);
      expect(await page.evaluate(() => (window as { ran?: number }).ran)).toBeUndefined();
    } finally {
      await page.close();
    }
  });

  it('draws the search box and its results in the colours of the site, dark scheme included', async () => {
    if (!browser || !server) throw new Error('The browser test setup did not finish');
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/search/?q=montong`);
      const result = page.locator('pagefind-results a', { hasText: 'Pedagang durian memadati pasar induk' });
      await result.first().waitFor({ timeout: 10_000 });
      const colours = await page.evaluate(() => {
        const background = (selector: string) => {
          const element = document.querySelector(selector);
          return element ? getComputedStyle(element).backgroundColor : 'missing';
        };
        const text = (selector: string) => {
          const element = document.querySelector(selector);
          return element ? getComputedStyle(element).color : 'missing';
        };
        return {
          page: background('body'),
          box: background('pagefind-input input'),
          result: background('pagefind-results li'),
          pageText: text('body'),
          boxText: text('pagefind-input input'),
        };
      });
      // Pagefind's own light box (#fff on a dark page) without the theme's tokens.
      expect(colours.page).not.toBe('rgb(255, 255, 255)');
      expect(colours.box).toBe(colours.page);
      expect(colours.boxText).toBe(colours.pageText);
      expect(colours.result).not.toBe('rgb(255, 255, 255)');
    } finally {
      await context.close();
    }
  });

  it('without JavaScript, offers a form that asks a web search for the words on this site', async () => {
    if (!browser || !server) throw new Error('The browser test setup did not finish');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/search/`);
      const form = page.locator('form.search-fallback');
      expect(await form.isVisible()).toBe(true);
      expect(await form.getAttribute('action')).toMatch(/^https:\/\//);
      expect(await page.locator('input[name="sites"]').getAttribute('value')).toBe('warta.example');
    } finally {
      await context.close();
    }
  });
});
