import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.js';
import { article, createFixtureSite } from '../helpers/fixture-site.js';
import { type ServeProcess, startServe } from '../server/start-serve.js';

let browser: Browser | undefined;
let serve: ServeProcess | undefined;
let site = '';

// Timeout: starts Chromium.
beforeAll(async () => {
  browser = await launchChromium();
}, 30_000);

afterAll(async () => {
  await browser?.close();
});

// Timeout: waits for the serve process to exit.
afterEach(async () => {
  if (serve) expect(await serve.stop()).toBe(0);
  serve = undefined;
  if (site) rmSync(site, { recursive: true, force: true });
}, 30_000);

const ARTICLE = path.join('content', 'nasional', 'jembatan-baru.md');

async function openArticle(): Promise<Page> {
  site = createFixtureSite({
    'newsgen.config.json': JSON.stringify({ title: 'Warta Uji', baseUrl: 'https://example.org/' }),
    [ARTICLE]: article(
      { title: 'Jembatan Baru Diresmikan', date: '2016-09-09 10:00' },
      'Jembatan sepanjang dua kilometer dibuka pagi ini.\n',
    ),
  });
  serve = await startServe(site);
  const page = await (browser as Browser).newPage();
  // The event stream must be open before the edit, or its reload would be missed.
  const streamOpen = page.waitForResponse((response) => response.url().endsWith('/__newsgen/events'));
  await page.goto(`${serve.url}nasional/jembatan-baru/`);
  await streamOpen;
  return page;
}

// Timeout: each test starts `newsgen serve` in a new process, drives Chromium and waits for rebuilds.
describe('live preview in the browser', { timeout: 60_000 }, () => {
  it('updates the open tab when its article file is saved', async () => {
    const page = await openArticle();
    await expect.poll(() => page.textContent('body')).toContain('dua kilometer');
    writeFileSync(
      path.join(site, ARTICLE),
      article(
        { title: 'Jembatan Baru Diresmikan', date: '2016-09-09 10:00' },
        'Jembatan sepanjang tiga kilometer dibuka sore ini.\n',
      ),
    );
    await expect.poll(() => page.textContent('body'), { timeout: 15_000 }).toContain('tiga kilometer');
    await page.close();
  });

  it('shows an overlay naming the broken file, and recovers by itself once it is fixed', async () => {
    const page = await openArticle();
    writeFileSync(
      path.join(site, ARTICLE),
      '---\ntitle: [<img src=x onerror=alert(1)>\ndate: 2016-09-09 10:00\n---\n\nRusak.\n',
    );
    const overlay = page.locator('#newsgen-error-overlay');
    await overlay.waitFor({ timeout: 15_000 });
    const location = await overlay.locator('.newsgen-error-location').first().textContent();
    expect(location).toMatch(/^content\/nasional\/jembatan-baru\.md:\d+:\d+$/);
    expect(await overlay.locator('.newsgen-error-message').first().textContent()).toMatch(/front-matter/);
    expect(await overlay.locator('img').count()).toBe(0);
    expect(await page.textContent('h1')).toContain('Jembatan Baru Diresmikan');

    writeFileSync(
      path.join(site, ARTICLE),
      article({ title: 'Jembatan Baru Dibuka', date: '2016-09-09 10:00' }, 'Sudah diperbaiki.\n'),
    );
    await expect.poll(() => page.textContent('body'), { timeout: 15_000 }).toContain('Sudah diperbaiki');
    expect(await overlay.count()).toBe(0);
    await page.close();
  });
});
