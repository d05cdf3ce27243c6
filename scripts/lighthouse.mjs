#!/usr/bin/env node
// Lighthouse 12 scores of the example site's home page, a story, a video story
// (embeds) and a section page, on mobile and desktop, for the theme's targets
// (100 in every category, no console errors). Not a test: scores move with
// the machine's load, so run it on a quiet machine and read the audits it
// prints for anything below 1. Lighthouse is not a dependency of newsgen (it
// is large): the script runs it with `npx lighthouse@12`, or the CLI that
// LIGHTHOUSE_CLI points at. Chromium from CHROME_PATH (default Debian's
// /usr/bin/chromium); never downloads a browser.
//
//   npm run lighthouse [-- /path/ …]
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const given = process.argv.slice(2).filter((arg) => arg.startsWith('/'));
const PAGES =
  given.length > 0 ? given : ['/', '/ekonomi/ekspor-kopi-sulawesi/', '/video/video-perajin-tenun-sumba/', '/ekonomi/'];
const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
};

const work = mkdtempSync(path.join(tmpdir(), 'newsgen-lighthouse-'));
const site = path.join(work, 'site');
let server;
try {
  const build = spawnSync(
    process.execPath,
    [
      path.join(root, 'bin', 'newsgen.js'),
      'build',
      '--out',
      site,
      '--now',
      '2026-11-27T12:00:00+07:00',
      '--no-cache',
      '--quiet',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  // Like a static host: compressed text and long-lived caching, so the scores measure the pages, not the server.
  server = createServer((request, response) => {
    let file = path.join(site, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(site)) file = site;
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const found = existsSync(file);
    const type = TYPES[path.extname(found ? file : '.html')] ?? 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'public, max-age=31536000' };
    if (!found) {
      response.writeHead(404, headers).end(readFileSync(path.join(site, '404.html')));
    } else if (/^text|svg/.test(type)) {
      response.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipSync(readFileSync(file)));
    } else {
      response.writeHead(200, headers);
      createReadStream(file).pipe(response);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const cli = process.env.LIGHTHOUSE_CLI
    ? [process.execPath, [process.env.LIGHTHOUSE_CLI]]
    : ['npx', ['--yes', 'lighthouse@12']];
  for (const urlPath of PAGES) {
    for (const preset of ['mobile', 'desktop']) {
      const report = path.join(work, 'report.json');
      const run = await new Promise((resolve) => {
        // Asynchronous, so this process keeps serving the pages Lighthouse asks for.
        import('node:child_process').then(({ spawn }) => {
          const child = spawn(
            cli[0],
            [
              ...cli[1],
              origin + urlPath,
              ...(preset === 'desktop' ? ['--preset=desktop'] : []),
              '--quiet',
              '--output=json',
              `--output-path=${report}`,
              `--chrome-flags=${CHROME_FLAGS}`,
              '--only-categories=performance,accessibility,best-practices,seo',
            ],
            { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, stdio: 'inherit' },
          );
          child.on('exit', (code) => resolve(code));
        });
      });
      if (run !== 0) {
        console.error(`lighthouse failed on ${urlPath} (${preset})`);
        process.exitCode = 1;
        continue;
      }
      const result = JSON.parse(readFileSync(report, 'utf8'));
      const scores = Object.values(result.categories).map((c) => `${c.id} ${Math.round(c.score * 100)}`);
      const below = Object.values(result.audits)
        .filter(
          (audit) => audit.score !== null && audit.score < 1 && ['binary', 'numeric'].includes(audit.scoreDisplayMode),
        )
        .map((audit) => `${audit.id} ${audit.displayValue ?? audit.score}`);
      const errors = result.audits['errors-in-console']?.details?.items?.length ?? 0;
      console.log(`${urlPath} ${preset}: ${scores.join(', ')}; console errors ${errors}`);
      if (below.length > 0) console.log(`  below 1: ${below.join('; ')}`);
    }
  }
} finally {
  server?.close();
  rmSync(work, { recursive: true, force: true });
}
