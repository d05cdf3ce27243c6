#!/usr/bin/env node
// Builds the example site and writes screenshots of its home page, a section
// front, four article pages (a story with a lead photo, a video story with a
// facade and a gallery, a story with a chart, the oldest story), a paginated listing and an archive
// page, and the About page (a page bundle with a photo) at 390 and 1280 px into screenshots/, for a reviewer to look at
// the theme as a reader would. Full-page shots, taken after scrolling through
// the page so lazy images are loaded. Uses Debian's Chromium (CHROME_PATH to
// use another); never downloads a browser.
//
//   npm run screenshots [-- --dark]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExampleSite, launchChromium, serveSite } from './example-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'screenshots');
const dark = process.argv.includes('--dark');
const PAGES = {
  home: '/',
  section: '/ekonomi/',
  article: '/ekonomi/ekspor-kopi-sulawesi/',
  video: '/video/video-perajin-tenun-sumba/',
  // A story with a Datawrapper chart in its body.
  chart: '/ekonomi/harga-cabai-turun/',
  // The oldest story: no older news, so its other-news box waits for latest-news.js.
  oldest: '/nasional/banjir-rob-pesisir-semarang/',
  // A listing long enough to paginate, and an archive page of the home page.
  listing: '/2026/11/',
  archive: '/page/1/',
  // A standalone page from a page bundle, with its own lead photo.
  about: '/tentang/',
};
const WIDTHS = [390, 1280];
const site = mkdtempSync(path.join(tmpdir(), 'newsgen-screenshots-'));
try {
  buildExampleSite(site);
  const { server, origin } = await serveSite(site);
  const browser = await launchChromium();
  mkdirSync(outDir, { recursive: true });
  for (const width of WIDTHS) {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      colorScheme: dark ? 'dark' : 'light',
      // The narrow width as a phone (touch, a coarse pointer), the wide one as a desktop with a mouse.
      ...(width < 600 ? { hasTouch: true, isMobile: true } : {}),
    });
    // The browser's clock a day after the build, as a reader the next morning; nothing leaves the machine.
    await context.clock.setFixedTime(new Date('2026-11-28T08:00:00+07:00'));
    await context.route(
      (url) => url.origin !== origin,
      (route) => route.abort(),
    );
    const page = await context.newPage();
    for (const [name, urlPath] of Object.entries(PAGES)) {
      await page.goto(origin + urlPath, { waitUntil: 'load' });
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 400) {
          window.scrollTo(0, y);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        window.scrollTo(0, 0);
      });
      await page.waitForLoadState('networkidle');
      await page.waitForFunction(() => [...document.images].every((image) => image.complete));
      const file = path.join(outDir, `${name}-${width}${dark ? '-dark' : ''}.png`);
      // The whole page through a viewport as tall as it: Playwright's fullPage capture drops the phone's
      // touch emulation while it shoots, and the menu then wraps as it does for a mouse.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: file });
      await page.setViewportSize({ width, height: 900 });
      console.log(`${path.relative(root, file)}  ${width} × ${height} px`);
    }
    await context.close();
  }
  await browser.close();
  server.close();
} finally {
  rmSync(site, { recursive: true, force: true });
}
