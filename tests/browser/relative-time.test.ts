import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.js';
import { ROOT, runCli } from '../helpers/fixture-site.js';
import { type FolderServer, serveFolder } from '../helpers/serve-folder.js';

/** The example site is built as of this instant, and the browser's clock is a day later. */
const BUILD_NOW = '2026-11-27T12:00:00+07:00';
const BROWSER_NOW = new Date('2026-11-28T12:00:00+07:00');

let out = '';
let server: FolderServer | undefined;
let browser: Browser | undefined;
let articlePath = '';

// Timeout: builds the example site in a new process and starts Chromium.
beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'lib', 'cli', 'main.js')))
    throw new Error('lib/ is missing: run `npx tsc -p .` before the browser tests');
  out = mkdtempSync(path.join(tmpdir(), 'newsgen-browser-'));
  const build = runCli(ROOT, ['build', '--out', out, '--now', BUILD_NOW]);
  if (build.code !== 0) throw new Error(`Example site build failed (${build.code}):\n${build.stderr}`);
  articlePath = findFirstArticlePath(out);
  server = await serveFolder(out);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** The first article linked from the built home page, as a URL path. */
function findFirstArticlePath(folder: string): string {
  const home = new DOMParser().parseFromString(
    readFileSync(path.join(folder, 'index.html'), 'utf8'),
    'text/html',
  ) as unknown as Document;
  const href = home.querySelector('.card-lead .card-title a')?.getAttribute('href');
  if (!href) throw new Error('The example home page has no headline article link');
  return href;
}

/**
 * Opens `urlPath` in a fresh context and records every console error and
 * uncaught page error; with `policy`, every response carries it as its
 * `Content-Security-Policy`, and each violation is recorded as well.
 */
async function openPage(
  urlPath: string,
  viewport = { width: 1280, height: 900 },
  policy?: string,
): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  if (!browser || !server) throw new Error('The browser test setup did not finish');
  const context = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  await context.clock.setFixedTime(BROWSER_NOW);
  if (policy !== undefined) {
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
    });
    // Run by the browser's debugging protocol, which the page's policy does not govern.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`policy violation: ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
  }
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // Chromium asks for /favicon.ico on its own, not because of the page; the example has none.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico'))
      problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const response = await page.goto(`${server.origin}${urlPath}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  // Requests still in flight (the other-news refresh, the favicon) are answered before the context goes.
  const close = async () => {
    if (policy !== undefined) await context.unrouteAll({ behavior: 'wait' });
    await context.close();
  };
  return { page, problems, close };
}

// Timeout: each test drives Chromium.
describe('the example site in Chromium', { timeout: 30_000 }, () => {
  it('upgrades the dates of listed articles on an article page to "… yang lalu" without console errors', async () => {
    const { page, problems, close } = await openPage(articlePath);
    try {
      expect(await page.getAttribute('html', 'lang')).toBe('id-ID');
      const times = page.locator('time[data-relative]');
      expect(await times.count()).toBeGreaterThan(0);
      const texts = await times.allTextContents();
      expect(texts.some((text) => /yang lalu/.test(text))).toBe(true);
      // The absolute date stays available as a tooltip.
      expect(await times.first().getAttribute('title')).toMatch(/\d{2} \w{3} 2026/);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each([
    ['the home page', () => '/'],
    ['an article page', () => articlePath],
  ])("works on %s under a Content-Security-Policy of script-src 'self', with no violation", async (_, urlPath) => {
    const { page, problems, close } = await openPage(urlPath(), undefined, "script-src 'self'; object-src 'none'");
    try {
      const texts = await page.locator('time[data-relative]').allTextContents();
      expect(texts.length).toBeGreaterThan(0);
      expect(texts.some((text) => /yang lalu/.test(text))).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('keeps the absolute dates in the HTML for readers without scripts', () => {
    const html = readFileSync(path.join(out, ...articlePath.split('/').filter(Boolean), 'index.html'), 'utf8');
    expect(html).toMatch(/<time data-relative datetime="2026-\d\d-\d\dT[^"]+">\d{2} [A-Z][a-z]{2} 2026<\/time>/);
    expect(html).not.toContain('yang lalu');
  });

  it('shows the article page without horizontal scrolling on a 360 px wide screen', async () => {
    const { page, problems, close } = await openPage(articlePath, { width: 360, height: 740 });
    try {
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(360);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
