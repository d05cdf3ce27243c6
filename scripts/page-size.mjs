#!/usr/bin/env node
// What an article page of the example site weighs in text: its HTML plus
// every stylesheet and script it loads, uncompressed. Issue 23's budget is
// 30,000 bytes per article page; the largest pages come first.
//
//   npm run page-size [-- --json] [-- <built site folder>]
// Without a folder it builds the example site into a temporary one.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildExampleSite } from './example-server.mjs';

const BUDGET = 30_000;
/** Stylesheets and scripts a page loads from its own site (a root-relative URL). */
const ASSET = /<(?:link\b[^>]*\brel="stylesheet"[^>]*\bhref|script\b[^>]*\bsrc)="(\/[^"]*)"/g;

/** Bytes of each article page of a built site (pages holding `<article class="article"`, with or without search marks), largest first. */
function measureArticlePages(site) {
  return readdirSync(site, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('index.html'))
    .map((file) => ({ file, html: readFileSync(path.join(site, file), 'utf8') }))
    .filter(({ html }) => html.includes('<article class="article"'))
    .map(({ file, html }) => {
      const assets = [...html.matchAll(ASSET)].map(([, url]) => ({
        url,
        bytes: statSync(path.join(site, decodeURIComponent(url.replace(/[?#].*$/, '')))).size,
      }));
      const htmlBytes = Buffer.byteLength(html);
      const total = assets.reduce((sum, asset) => sum + asset.bytes, htmlBytes);
      return { page: `/${path.dirname(file).split(path.sep).join('/')}/`, total, html: htmlBytes, assets };
    })
    .sort((a, b) => b.total - a.total || a.page.localeCompare(b.page));
}

const args = process.argv.slice(2);
const given = args.find((arg) => !arg.startsWith('--'));
const work = given ? undefined : mkdtempSync(path.join(tmpdir(), 'newsgen-page-size-'));
try {
  const site = given ? path.resolve(given) : path.join(work, 'dist');
  if (!given) buildExampleSite(site);
  const pages = measureArticlePages(site);
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify({ budget: BUDGET, pages })}\n`);
  else {
    for (const { page, total, html, assets } of pages) {
      const parts = assets.map((asset) => `${path.basename(asset.url)} ${asset.bytes}`).join(', ');
      console.log(
        `${String(total).padStart(6)} ${total > BUDGET ? 'OVER' : '  ok'}  ${page}  (HTML ${html}; ${parts})`,
      );
    }
    const over = pages.filter((entry) => entry.total > BUDGET).length;
    console.log(`${pages.length} article pages, ${over} over ${BUDGET} bytes of HTML + CSS + JS.`);
  }
} finally {
  if (work) rmSync(work, { recursive: true, force: true });
}
