import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.js';
import { createFixtureSite, ROOT, runCli } from '../helpers/fixture-site.js';
import { type FolderServer, serveFolder } from '../helpers/serve-folder.js';
import { createTempFolder } from '../helpers/temp-folders.js';
import { COMPONENTS_SITE, LONG_WORDS_STORY } from '../theme/components-site.js';

const NOW = '2026-11-27T12:00:00+07:00';
/** The example site's video story: its body opens with a YouTube facade. */
const VIDEO_STORY = '/video/video-uji-coba-bus-listrik/';
const COMPONENTS_STORY = '/nasional/banjir-rob/';

let example: FolderServer | undefined;
let components: FolderServer | undefined;
let browser: Browser | undefined;

// Timeout: builds two sites in new processes, as a user would, and starts Chromium.
beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'lib', 'bundle', 'main.js')))
    throw new Error('lib/ is missing: run `npm run build` before the browser tests');
  const exampleOut = createTempFolder('theme-example');
  const site = createFixtureSite(COMPONENTS_SITE);
  for (const [cwd, out] of [
    [ROOT, exampleOut],
    [site, path.join(site, 'dist')],
  ] as const) {
    const build = runCli(cwd, ['build', '--out', out, '--now', NOW, '--no-cache']);
    if (build.code !== 0) throw new Error(`Build failed (${build.code}):\n${build.stderr}`);
  }
  example = await serveFolder(exampleOut);
  components = await serveFolder(path.join(site, 'dist'));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await example?.close();
  await components?.close();
});

interface Opened {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors and uncaught exceptions so far. */
  readonly problems: string[];
  /** Every URL the page requested outside the test server. */
  readonly outside: string[];
}

/**
 * Opens a page at a viewport width in a fresh context. Requests that leave the
 * test server are recorded and answered with an empty page, so no test needs
 * the network and none can leak a request unnoticed.
 */
async function open(
  server: FolderServer | undefined,
  urlPath: string,
  options: { width?: number; colorScheme?: 'light' | 'dark'; touch?: boolean } = {},
): Promise<Opened> {
  if (!browser || !server) throw new Error('The browser test setup did not finish');
  const context = await browser.newContext({
    viewport: { width: options.width ?? 390, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    // A phone's coarse pointer (the default is a desktop's mouse).
    ...(options.touch ? { hasTouch: true, isMobile: true } : {}),
  });
  const outside: string[] = [];
  await context.route(
    (url) => url.origin !== server.origin,
    (route) => {
      outside.push(route.request().url());
      return route.request().resourceType() === 'script'
        ? route.fulfill({ status: 200, contentType: 'text/javascript', body: '' })
        : route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>embed</title>' });
    },
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const response = await page.goto(`${server.origin}${urlPath}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return { page, context, problems, outside };
}

// Timeout: every test opens pages in Chromium, some at three widths.
describe('the theme on a phone', { timeout: 30_000 }, () => {
  it('shows the main menu as one row that scrolls sideways, submenus included, with no separators, and reaches the last link', async () => {
    const { page, context, problems } = await open(example, '/', { touch: true });
    const nav = await page.evaluate(() => {
      const list = document.querySelector('.site-nav ul') as HTMLElement;
      const items = [...list.querySelectorAll('li')];
      return {
        rows: new Set(items.map((item) => item.getBoundingClientRect().top)).size,
        scrolls: list.scrollWidth > list.clientWidth && getComputedStyle(list).overflowX === 'auto',
        separators: items.map((item) => getComputedStyle(item, '::before').content).filter((c) => c !== 'none'),
        pageWidth: document.documentElement.scrollWidth,
      };
    });
    expect(nav).toEqual({ rows: 1, scrolls: true, separators: [], pageWidth: 390 });
    // The example's menu ends with "Tentang" and its submenu (Redaksi, Kontak), in the same row.
    const last = page.locator('.site-nav a').last();
    await last.scrollIntoViewIfNeeded();
    await last.click();
    await page.waitForURL('**/kontak/');
    expect(await page.locator('h1').textContent()).toBe('Kontak');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('wraps the main menu for a mouse, which cannot swipe it, so every link shows at any width', async () => {
    for (const width of [390, 800, 1280]) {
      const { page, context } = await open(example, '/', { width });
      const hidden = await page.evaluate(() =>
        [...document.querySelectorAll('.site-nav a')]
          .filter((link) => {
            const box = link.getBoundingClientRect();
            return box.left < 0 || box.right > document.documentElement.clientWidth;
          })
          .map((link) => link.textContent),
      );
      expect(hidden, `at ${width} px`).toEqual([]);
      await context.close();
    }
  });

  it('never scrolls sideways at 320, 360 or 390 px, on the home, section and article pages', async () => {
    for (const [server, urlPath] of [
      [example, '/'],
      [example, '/ekonomi/'],
      [example, VIDEO_STORY],
      [example, '/ekonomi/harga-cabai-turun/'],
      // A story whose headline and tag hold a hashtag wider than the screen; the other story lists it.
      [components, COMPONENTS_STORY],
      [components, LONG_WORDS_STORY],
    ] as const) {
      const { page, context, problems } = await open(server, urlPath, { width: 320 });
      for (const width of [320, 360, 390]) {
        await page.setViewportSize({ width, height: 800 });
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, `${urlPath} at ${width} px`).toBe(width);
      }
      expect(problems, urlPath).toEqual([]);
      await context.close();
    }
  });

  it('draws the whole focus ring of a main menu or breadcrumb link, inside the boxes that clip them', async () => {
    for (const width of [390, 1280]) {
      const { page, context } = await open(example, '/ekonomi/ekspor-kopi-sulawesi/', { width });
      const cut: string[] = [];
      for (let step = 0; step < 16; step++) {
        await page.keyboard.press('Tab');
        const found = await page.evaluate(() => {
          const link = document.activeElement as HTMLElement;
          if (!link.closest('.site-nav, .breadcrumbs')) return null;
          const style = getComputedStyle(link);
          const reach = Number.parseFloat(style.outlineWidth) + Number.parseFloat(style.outlineOffset);
          const box = link.getBoundingClientRect();
          const sides: string[] = [];
          // A link the menu row has scrolled partly out of view is cut at that side by design: only its
          // top and bottom count there.
          const seen = (clip: DOMRect) => box.left >= clip.left && box.right <= clip.right;
          for (let parent = link.parentElement; parent; parent = parent.parentElement) {
            const clip = parent.getBoundingClientRect();
            const clips = getComputedStyle(parent).overflowX !== 'visible';
            if (!clips) continue;
            if (box.top - reach < clip.top - 0.5) sides.push('top');
            if (box.bottom + reach > clip.bottom + 0.5) sides.push('bottom');
            if (seen(clip) && box.left - reach < clip.left - 0.5) sides.push('left');
            if (seen(clip) && box.right + reach > clip.right + 0.5) sides.push('right');
          }
          return sides.length > 0 ? `${link.textContent}: ${sides.join(', ')}` : '';
        });
        if (found) cut.push(found);
      }
      expect(cut, `at ${width} px`).toEqual([]);
      await context.close();
    }
  });

  it("makes a card's section label a tap target at least 24 px tall, above the card's own link", async () => {
    const { page, context } = await open(example, '/');
    const labels = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.card-section a')].map((link) => {
        const box = link.getBoundingClientRect();
        window.scrollTo(0, box.top + window.scrollY - 100);
        const near = link.getBoundingClientRect();
        // A tap near its top or bottom edge, where the headline's link covers the rest of the card.
        const hit = [near.top + 2, near.bottom - 2].map((y) =>
          link.contains(document.elementFromPoint(near.left + near.width / 2, y)),
        );
        return { height: Math.round(box.height), hit };
      }),
    );
    expect(labels.length).toBeGreaterThan(5);
    for (const label of labels) {
      expect(label.height).toBeGreaterThanOrEqual(24);
      expect(label.hit).toEqual([true, true]);
    }
    await context.close();
  });

  it('keeps video facades, raw embeds and the player that replaces a facade in a 16:9 box at 390 px', async () => {
    const { page, context } = await open(components, COMPONENTS_STORY);
    const ratio = (selector: string) =>
      page.locator(selector).evaluate((element) => {
        const box = element.getBoundingClientRect();
        return Math.round((box.width / box.height) * 100) / 100;
      });
    expect(await ratio('.embed-video .embed-box >> nth=0')).toBe(1.78);
    expect(await ratio('.article-body > iframe')).toBe(1.78);
    expect(await page.locator('.article-body > iframe').evaluate((frame) => frame.clientWidth)).toBe(358);
    await page.locator('a.embed-facade[data-embed="youtube"]').click();
    expect(await ratio('.embed-video iframe >> nth=0')).toBe(1.78);
    await context.close();
  });
});

describe('embeds', { timeout: 30_000 }, () => {
  it('load the video player only when the reader clicks the facade', async () => {
    const { page, context, problems, outside } = await open(example, VIDEO_STORY, { width: 1280 });
    const facade = page.locator('a.embed-facade');
    expect(await facade.getAttribute('href')).toBe('https://www.youtube.com/watch?v=pH7sNw4cJ0e');
    // The poster picture is a separate line of markup; whitespace counts as one space in the link's name.
    expect(await facade.evaluate((link) => link.textContent?.replace(/\s+/g, ' '))).toBe(
      'Putar video: Menjajal bus listrik rute bandara YouTube',
    );
    expect(await facade.locator('.visually-hidden').textContent()).toBe('Putar video: ');
    expect(await page.locator('.embed-video iframe').count()).toBe(0);
    await facade.hover();
    expect(outside).toEqual([]);
    await facade.click();
    const player = page.locator('.embed-video iframe');
    expect(await player.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/pH7sNw4cJ0e?autoplay=1');
    expect(await player.getAttribute('title')).toBe('Menjajal bus listrik rute bandara');
    expect(await player.evaluate((frame) => frame === document.activeElement)).toBe(true);
    await expect.poll(() => outside).toContain('https://www.youtube-nocookie.com/embed/pH7sNw4cJ0e?autoplay=1');
    expect(await page.locator('a.embed-facade').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('load a Vimeo player, and a social platform script only when asked for', async () => {
    const { page, context, problems, outside } = await open(components, COMPONENTS_STORY, { width: 1280 });
    const social = () => outside.filter((url) => /vimeo|twitter|instagram/.test(url));
    expect(social()).toEqual([]);
    await page.locator('a.embed-facade[data-embed="vimeo"]').click();
    expect(await page.locator('iframe[src^="https://player.vimeo.com/video/76979871"]').count()).toBe(1);
    const button = page.locator('.embed-social .embed-load').first();
    expect(await button.textContent()).toBe('Tampilkan unggahan dari X (memuat skripnya)');
    // The frame is in the page before its request reaches the route that records it: wait for the request.
    await expect.poll(social).toEqual(['https://player.vimeo.com/video/76979871?autoplay=1&dnt=1']);
    await button.click();
    await expect.poll(() => outside).toContain('https://platform.twitter.com/widgets.js');
    expect(await page.locator('.embed-social blockquote.twitter-tweet').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the article page', { timeout: 30_000 }, () => {
  it('opens the first paragraph with the dateline when the body starts with an embed', async () => {
    // The example's video stories show their facade in the lead's place; this story has no lead image.
    const { page, context } = await open(components, COMPONENTS_STORY);
    const body = await page.evaluate(() => {
      const article = document.querySelector('.article-body') as HTMLElement;
      const dateline = article.querySelector('.dateline') as HTMLElement;
      const paragraph = dateline.parentElement as HTMLElement;
      return {
        first: (article.firstElementChild as HTMLElement).className,
        paragraph: paragraph.textContent?.slice(0, 60),
        opens: paragraph.firstChild === dateline,
        // On the paragraph's first line, not a line of its own.
        sameLine: dateline.getBoundingClientRect().bottom - paragraph.getBoundingClientRect().top < 40,
        count: article.querySelectorAll('.dateline').length,
      };
    });
    expect(body).toEqual({
      first: 'embed embed-video',
      paragraph: 'Semarang: Air laut masuk ke permukiman sejak subuh dan baru ',
      opens: true,
      sameLine: true,
      count: 1,
    });
    await context.close();
  });

  it('uses dark colours when the reader prefers them, and light ones otherwise', async () => {
    const colours = async (colorScheme: 'light' | 'dark') => {
      const { page, context } = await open(example, VIDEO_STORY, { colorScheme });
      const result = await page.evaluate(() => {
        const style = (selector: string) => getComputedStyle(document.querySelector(selector) as Element);
        return {
          background: style('body').backgroundColor,
          text: style('body').color,
          footer: style('.site-footer').backgroundColor,
          section: style('.article-section a').color,
        };
      });
      await context.close();
      return result;
    };
    expect(await colours('light')).toEqual({
      background: 'rgb(255, 255, 255)',
      text: 'rgb(22, 22, 22)',
      footer: 'rgb(244, 243, 239)',
      section: 'rgb(179, 0, 27)',
    });
    expect(await colours('dark')).toEqual({
      background: 'rgb(19, 19, 18)',
      text: 'rgb(236, 234, 229)',
      footer: 'rgb(30, 30, 28)',
      section: 'rgb(255, 90, 110)',
    });
  });

  it('prints the story alone, with the address after each outside link', async () => {
    const { page, context } = await open(example, '/ekonomi/ekspor-kopi-sulawesi/', { width: 1280 });
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      hidden: ['.site-nav', '.other-news', '.related', '.breadcrumbs'].map(
        (selector) => getComputedStyle(document.querySelector(selector) as Element).display,
      ),
      after: [...document.querySelectorAll('.article-body a[href^="http"]')].map(
        (link) => getComputedStyle(link, '::after').content,
      ),
    }));
    expect(printed.hidden).toEqual(['none', 'none', 'none', 'none']);
    expect(printed.after.length).toBeGreaterThan(0);
    expect(printed.after.every((content) => content.startsWith('" (https://'))).toBe(true);
    await context.close();
  });
});
