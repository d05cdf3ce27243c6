// The example site built into a folder and served on loopback, for the review
// scripts that open it in a browser (screenshots, Lighthouse).
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

/** The repository root, where the example site lives. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/**
 * Builds the example site (or the site in `from`) into `site` at a fixed
 * clock, without the cache; exits the process when the build fails.
 */
export function buildExampleSite(site, from = root) {
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
    { cwd: from, stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/**
 * Serves `site` on a free loopback port; resolves to the server and its
 * origin. With `like: 'host'` it answers as a static host would (compressed
 * text, long-lived caching, the site's 404 page), so Lighthouse measures the
 * pages rather than the server.
 */
export async function serveSite(site, { like = 'plain' } = {}) {
  const server = createServer((request, response) => {
    let file = path.join(site, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(site)) file = site;
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const found = existsSync(file);
    const type = TYPES[path.extname(found ? file : '.html')] ?? 'application/octet-stream';
    const headers = {
      'content-type': type,
      ...(like === 'host' ? { 'cache-control': 'public, max-age=31536000' } : {}),
    };
    if (!found) {
      if (like === 'host') response.writeHead(404, headers).end(readFileSync(path.join(site, '404.html')));
      else response.writeHead(404).end();
    } else if (like === 'host' && /^text|svg/.test(type)) {
      response.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipSync(readFileSync(file)));
    } else {
      response.writeHead(200, headers);
      createReadStream(file).pipe(response);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/**
 * The system's Chromium (CHROME_PATH, else Debian's /usr/bin/chromium) under
 * playwright-core, with the flags every review script runs it with; never
 * downloads a browser.
 */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
