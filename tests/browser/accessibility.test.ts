import { existsSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.js';
import { createFixtureSite, ROOT, runCli } from '../helpers/fixture-site.js';
import { type FolderServer, serveFolder } from '../helpers/serve-folder.js';
import { createTempFolder } from '../helpers/temp-folders.js';
import { COMPONENTS_SITE } from '../theme/components-site.js';

/**
 * The axe-core rules the theme must pass: WCAG 2.1 A and AA, and axe's best
 * practices (landmarks, one h1, heading order, unique landmarks…). None is
 * disabled: every page below passes all of them. WCAG 2.2's target-size,
 * AAA's enhanced contrast and the experimental rules are left out.
 */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** The example site's video story: its body opens with a YouTube facade. */
const VIDEO_STORY = '/video/video-uji-coba-bus-listrik/';

/** The example site's pages a reader meets, one of each kind. */
const EXAMPLE_PAGES = [
  '/',
  '/nasional/',
  '/page/1/',
  '/tag/kopi/',
  '/author/rani-kusumawardani/',
  // A lead photo with a caption and credit.
  '/ekonomi/ekspor-kopi-sulawesi/',
  // A YouTube facade opens the body.
  VIDEO_STORY,
  // A Datawrapper chart and a table.
  '/ekonomi/harga-cabai-turun/',
  // A live blog: the live marker and its updates, newest first.
  '/nasional/banjir-citarum-dayeuhkolot/',
  '/tentang/',
  // Pagefind's component UI, with results shown (checked before the audit).
  '/search/?q=kopi',
  // The test server answers a missing page with a bare 404, so the theme's page is asked for by name.
  '/404.html',
] as const;

/** The components site's story with every embed. */
const COMPONENTS_STORY = '/nasional/banjir-rob/';

/** An Arabic site (right to left), for `dir="rtl"` and Arabic `lang` on the home page and an article. */
const ARABIC_SITE = {
  'newsgen.config.json': JSON.stringify({
    title: 'الأخبار اليومية',
    locale: 'ar',
    timeZone: 'Africa/Cairo',
    baseUrl: 'https://akhbar.example/',
    search: true,
    sections: [{ slug: 'iqtisad', name: 'اقتصاد' }],
  }),
  'content/iqtisad/apple.md':
    '---\ntitle: Apple Unveils the iPhone 18 Pro Max in Cairo\ndate: 2026-11-21 09:00\ntags:\n  - تقنية\n---\nنص الخبر.\n',
  'content/iqtisad/dhahab.md':
    '---\ntitle: ارتفاع أسعار الذهب في الأسواق المحلية\ndate: 2026-11-20 09:00\n---\nنص الخبر.\n\n| العمود | القيمة |\n|---|---:|\n| الذهب | 12 مليار جنيه |\n',
};

/** A phone and a laptop; each page is audited in the light scheme, then in the dark one. */
const WIDTHS = [390, 1280] as const;

const servers: Record<'example' | 'arabic' | 'components', FolderServer | undefined> = {
  example: undefined,
  arabic: undefined,
  components: undefined,
};
let browser: Browser | undefined;

// Timeout: builds three sites in new processes, as a user would, and starts Chromium.
beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'lib', 'bundle', 'main.js')))
    throw new Error('lib/ is missing: run `npm run build` before the browser tests');
  const builds = {
    example: [ROOT, createTempFolder('a11y-example')],
    arabic: [createFixtureSite(ARABIC_SITE), ''],
    components: [createFixtureSite(COMPONENTS_SITE), ''],
  } as const;
  for (const [name, [cwd, named]] of Object.entries(builds)) {
    const out = named || path.join(cwd, 'dist');
    const build = runCli(cwd, ['build', '--out', out, '--now', '2026-11-27T12:00:00+07:00', '--no-cache']);
    if (build.code !== 0) throw new Error(`Build of ${name} failed (${build.code}):\n${build.stderr}`);
    servers[name as keyof typeof servers] = await serveFolder(out);
  }
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) await server?.close();
});

/**
 * Opens each page in turn in one tab `width` pixels wide, runs axe on it in the
 * light scheme and again in the dark one (switching the scheme restyles the page
 * without reloading it), and returns one line per failing element:
 * `rule scheme page target: summary`. Embeds outside the test server are
 * answered with an empty titled page, so no test needs the network.
 */
async function audit(server: FolderServer | undefined, urlPaths: readonly string[], width: number): Promise<string[]> {
  if (!browser || !server) throw new Error('The browser test setup did not finish');
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  await context.route(
    (url) => url.origin !== server.origin,
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>embed</title>' }),
  );
  const page = await context.newPage();
  const found: string[] = [];
  try {
    for (const urlPath of urlPaths) {
      const response = await page.goto(`${server.origin}${urlPath}`, { waitUntil: 'load' });
      expect(response?.status(), urlPath).toBe(200);
      if (urlPath.startsWith('/search/?'))
        await page.locator('pagefind-results a').first().waitFor({ timeout: 10_000 });
      await page.addScriptTag({ content: axe.source });
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        found.push(...(await runAxe(page)).map((line) => line.replace('\t', ` ${colorScheme} ${urlPath} `)));
      }
    }
  } finally {
    await context.close();
  }
  return found;
}

/**
 * Runs axe-core (already injected) on the page as it is now; one line per
 * failing element, the rule and the rest split by a tab. A contrast axe could
 * not measure counts as failing too, since a dark-scheme regression would
 * otherwise pass unseen, with two exceptions: a video facade's text, over
 * the editor's poster (measured from pixels below), and a table's cells
 * clipped by its scroll region on a phone (the same cells are measured at
 * 1280 px, where the table fits). axe's other "needs review" results (a
 * cross-origin frame it cannot enter) are left out.
 */
function runAxe(page: Page): Promise<string[]> {
  return page.evaluate(async (tags) => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
    });
    const measurable = (node: (typeof results.incomplete)[number]['nodes'][number]) => {
      const element = document.querySelector(String(node.target[0]));
      const reason = (node.any[0]?.data as { messageKey?: string } | undefined)?.messageKey;
      return (
        !element?.closest('.embed-facade') && !(reason === 'elmPartiallyObscured' && element?.closest('.table-scroll'))
      );
    };
    const unmeasured = results.incomplete
      .filter((rule) => rule.id === 'color-contrast')
      .map((rule) => ({ ...rule, nodes: rule.nodes.filter(measurable) }));
    return [...results.violations, ...unmeasured].flatMap((rule) =>
      rule.nodes.map((node) => `${rule.id}\t${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`),
    );
  }, AXE_TAGS);
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}

// Timeout: twelve pages in one tab, each audited by axe (about a second a page with the search).
describe('the built-in theme under axe-core (WCAG 2.1 A and AA, best practices)', { timeout: 30_000 }, () => {
  for (const width of WIDTHS) {
    it(`has no violation on the example site's pages at ${width} px, in the light and the dark scheme`, async () => {
      expect(await audit(servers.example, EXAMPLE_PAGES, width)).toEqual([]);
    });
  }

  it('has no violation on an Arabic site, right to left, at 390 and 1280 px in both schemes', async () => {
    for (const width of WIDTHS) expect(await audit(servers.arabic, ['/', '/iqtisad/dhahab/'], width)).toEqual([]);
  });

  it('has no violation on a story with every embed component, a gallery and an aligned table', async () => {
    for (const width of WIDTHS) expect(await audit(servers.components, [COMPONENTS_STORY], width)).toEqual([]);
  });
});

/** The lightest a background may be (relative luminance) under white text for 4.5:1, WCAG's minimum for normal text. */
const MAX_LUMINANCE_UNDER_WHITE = 1.05 / 4.5 - 0.05;

/** The relative luminance of the lightest pixel of a PNG (WCAG's formula). */
async function readLightest(png: Buffer): Promise<number> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const linear = (byte: number) => (byte <= 10 ? byte / 255 / 12.92 : ((byte / 255 + 0.055) / 1.055) ** 2.4);
  let lightest = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const [r = 0, g = 0, b = 0] = [data[i], data[i + 1], data[i + 2]];
    lightest = Math.max(lightest, 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b));
  }
  return lightest;
}

// axe cannot measure text over a picture (the shade is a pseudo element), so the
// facade's contrast is measured here from pixels, over the worst poster: a white one.
describe('a video facade', { timeout: 30_000 }, () => {
  it("keeps its title, three lines long, and 'YouTube' at 4.5:1 or more over a white poster", async () => {
    if (!browser || !servers.example) throw new Error('The browser test setup did not finish');
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${servers.example.origin}${VIDEO_STORY}`, { waitUntil: 'load' });
      // The poster turns white; the text turns transparent, so its box shows what lies under it; the play
      // button, which a long title's lines reach across at 390 px, is hidden (its white arrow is not text).
      await page.addStyleTag({
        content: `.embed-box { background: #fff !important } .embed-facade :is(img, picture, .embed-play) { visibility: hidden }
          .embed-title, .embed-brand { color: transparent !important }`,
      });
      await page
        .locator('.embed-title')
        .first()
        .evaluate((title) => {
          title.textContent = 'Menjajal bus listrik rute bandara dari pusat kota pada jam sibuk pagi dan sore hari';
        });
      for (const part of ['.embed-title', '.embed-brand']) {
        const lightest = await readLightest(await page.locator(part).first().screenshot());
        expect(lightest, `${part} at ${width} px`).toBeLessThanOrEqual(MAX_LUMINANCE_UNDER_WHITE);
      }
      await page.close();
    }
  });
});
