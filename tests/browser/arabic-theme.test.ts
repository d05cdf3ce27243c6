import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.js';
import { createFixtureSite, ROOT, runCli } from '../helpers/fixture-site.js';
import { type FolderServer, serveFolder } from '../helpers/serve-folder.js';

/** An Arabic site (right to left) with a Latin headline and a story with a table wider than a phone. */
const SITE = {
  'newsgen.config.json': JSON.stringify({
    title: 'الأخبار اليومية',
    locale: 'ar',
    timeZone: 'Africa/Cairo',
    baseUrl: 'https://akhbar.example/',
    sections: [{ slug: 'iqtisad', name: 'اقتصاد' }],
  }),
  'content/iqtisad/apple.md':
    '---\ntitle: Apple Unveils the iPhone 18 Pro Max in Cairo at a Packed Launch Event\ndate: 2026-11-21 09:00\n---\nنص الخبر.\n',
  'content/iqtisad/launch.md': '---\ntitle: iPhone 17 launched!\ndate: 2026-11-19 09:00\n---\nنص الخبر.\n',
  'content/iqtisad/dhahab.md': `---\ntitle: ارتفاع أسعار الذهب في الأسواق المحلية للأسبوع الثالث على التوالي وسط ترقب المستثمرين\ndate: 2026-11-20 09:00\n---\nنص الخبر.\n\n| ${'العمود | '.repeat(9)}\n|${'---|'.repeat(9)}\n| ${'12 مليار جنيه | '.repeat(9)}\n`,
};

let server: FolderServer | undefined;
let browser: Browser | undefined;

// Timeout: builds the site in a new process, as a user would, and starts Chromium.
beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'lib', 'bundle', 'main.js')))
    throw new Error('lib/ is missing: run `npm run build` before the browser tests');
  const site = createFixtureSite(SITE);
  const build = runCli(site, ['build', '--now', '2026-11-27T12:00:00+02:00', '--no-cache']);
  if (build.code !== 0) throw new Error(`Build failed (${build.code}):\n${build.stderr}`);
  server = await serveFolder(path.join(site, 'dist'));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPhone(urlPath: string): Promise<Page> {
  if (!browser || !server) throw new Error('The browser test setup did not finish');
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${server.origin}${urlPath}`, { waitUntil: 'load' });
  return page;
}

/** Whether the first and the last letter of the current breadcrumb show, inside its link's box. */
function readBreadcrumbCut(page: Page) {
  return page.evaluate(() => {
    const link = document.querySelector('.breadcrumbs [aria-current]') as HTMLElement;
    const text = link.firstChild as Text;
    const box = link.getBoundingClientRect();
    const shows = (offset: number) => {
      const range = document.createRange();
      range.setStart(text, offset);
      range.setEnd(text, offset + 1);
      const letter = range.getBoundingClientRect();
      return letter.left >= box.left - 0.5 && letter.right <= box.right + 0.5;
    };
    return { cut: link.scrollWidth > link.clientWidth, first: shows(0), last: shows(text.length - 1) };
  });
}

/** Whether the last letter of the text in `selector` shows right of the one before it, as a Latin text ends. */
function readEndsOnTheRight(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    const text = document.createTreeWalker(element as Node, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const letter = (offset: number) => {
      const range = document.createRange();
      range.setStart(text, offset);
      range.setEnd(text, offset + 1);
      return range.getBoundingClientRect();
    };
    return letter(text.length - 1).left >= letter(text.length - 2).right - 0.5;
  }, selector);
}

// Timeout: each test opens pages in Chromium.
describe('the theme on a right-to-left site', { timeout: 30_000 }, () => {
  it('cuts a long headline in the breadcrumb at its own end, a Latin one as an Arabic one (issue: cut at the wrong end)', async () => {
    for (const urlPath of ['/iqtisad/apple/', '/iqtisad/dhahab/']) {
      const page = await openPhone(urlPath);
      expect(await readBreadcrumbCut(page), urlPath).toEqual({ cut: true, first: true, last: false });
      await page.context().close();
    }
  });

  it('shows a Latin headline\'s "!" at its end, in the headline and on its card (issue: "!iPhone 17 launched")', async () => {
    const article = await openPhone('/iqtisad/launch/');
    expect(await readEndsOnTheRight(article, 'h1.article-title')).toBe(true);
    await article.context().close();
    const home = await openPhone('/');
    expect(await readEndsOnTheRight(home, '.card-title a[href$="/launch/"]')).toBe(true);
    await home.context().close();
  });

  it('lets a keyboard reach a table wider than the phone, as a region named in Arabic, and scroll it', async () => {
    const page = await openPhone('/iqtisad/dhahab/');
    const region = page.getByRole('region', { name: 'جدول 1' });
    expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    for (let step = 0; step < 20; step++) {
      await page.keyboard.press('Tab');
      if (await region.evaluate((element) => element === document.activeElement)) break;
    }
    expect(await region.evaluate((element) => element === document.activeElement)).toBe(true);
    // Right to left, the table starts at the right and scrolls towards the left.
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => (document.querySelector('.table-scroll') as HTMLElement).scrollLeft < 0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await page.context().close();
  });
});
