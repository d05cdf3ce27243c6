#!/usr/bin/env node
// Image bytes an example-site article page costs a phone reader (390 px wide,
// device pixel ratio 2), with the image pipeline and with `images: false`:
// the target of issue 21 is at most 25 %. Each page is loaded, then scrolled
// to its end so lazy images load as they would for a reader of the whole
// article. Chromium from CHROME_PATH (default Debian's /usr/bin/chromium);
// never downloads a browser.
//
//   npm run page-weight [-- --width 1280 --dpr 1] [-- --verbose] [-- /path/ …]
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildExampleSite, launchChromium, root, serveSite } from './example-server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const width = Number(option('--width', 390));
const dpr = Number(option('--dpr', 2));
const verbose = args.includes('--verbose');
const given = args.filter((arg) => arg.startsWith('/'));

/** The example site without its image pipeline: a copy whose config says `images: false`. */
function buildWithoutPipeline(work, site) {
  const copy = path.join(work, 'plain');
  for (const entry of ['content', 'static', 'data', 'newsgen.config.json'])
    if (existsSync(path.join(root, entry))) cpSync(path.join(root, entry), path.join(copy, entry), { recursive: true });
  const configFile = path.join(copy, 'newsgen.config.json');
  writeFileSync(configFile, JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), images: false }));
  buildExampleSite(site, copy);
}

/** URL paths of the built article pages (the pages with an `article.article`). */
function articlePages(site) {
  return readdirSync(site, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('index.html'))
    .filter((file) => readFileSync(path.join(site, file), 'utf8').includes('<article class="article">'))
    .map((file) => `/${path.dirname(file).split(path.sep).join('/')}/`)
    .sort();
}

/** Image responses of one page load, scrolled to the end: URL → bytes. */
async function imageBytes(browser, url) {
  const context = await browser.newContext({
    viewport: { width, height: Math.round(width * 2.16) },
    deviceScaleFactor: dpr,
    isMobile: width < 600,
  });
  const page = await context.newPage();
  const images = new Map();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'image') return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    images.set(new URL(response.url()).pathname, body.length);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  await page.waitForLoadState('networkidle');
  await context.close();
  return images;
}

const work = mkdtempSync(path.join(tmpdir(), 'newsgen-page-weight-'));
const servers = [];
const browser = await launchChromium();
try {
  const piped = path.join(work, 'piped');
  const plain = path.join(work, 'plain-site');
  buildExampleSite(piped);
  buildWithoutPipeline(work, plain);
  const [withPipeline, without] = await Promise.all([serveSite(piped), serveSite(plain)]);
  servers.push(withPipeline.server, without.server);
  const pages = given.length > 0 ? given : articlePages(piped);
  const sum = (images) => [...images.values()].reduce((total, bytes) => total + bytes, 0);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`image bytes per page at ${width} px, DPR ${dpr} (loaded, then scrolled to the end)`);
  let total = 0;
  let totalPlain = 0;
  let worst = 0;
  for (const urlPath of pages) {
    const after = await imageBytes(browser, withPipeline.origin + urlPath);
    const before = await imageBytes(browser, without.origin + urlPath);
    if (sum(before) === 0) continue;
    const ratio = sum(after) / sum(before);
    worst = Math.max(worst, ratio);
    total += sum(after);
    totalPlain += sum(before);
    console.log(
      `${urlPath}: ${kb(sum(after))} vs ${kb(sum(before))} with images: false = ${(ratio * 100).toFixed(0)} %`,
    );
    if (verbose) {
      for (const [file, bytes] of after) console.log(`    ${kb(bytes).padStart(9)}  ${file}`);
      for (const [file, bytes] of before) console.log(`  - ${kb(bytes).padStart(9)}  ${file}`);
    }
  }
  console.log(
    `all pages with images: ${kb(total)} vs ${kb(totalPlain)} = ${((total / totalPlain) * 100).toFixed(0)} %; worst page ${(worst * 100).toFixed(0)} %`,
  );
} finally {
  await browser.close();
  for (const server of servers) server.close();
  rmSync(work, { recursive: true, force: true });
}
