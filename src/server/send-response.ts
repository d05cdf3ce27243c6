import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { lookup } from 'mrmime';
import parseRange from 'range-parser';
import type { RedirectFinder } from './find-host-redirect.js';
import { injectLiveReload } from './live-reload-client.js';
import { resolveRequestPath } from './resolve-request-path.js';

/** What answering a request did: `missed` when a miss was held back for answering again later. */
// biome-ignore lint/suspicious/noConfusingVoidType: every answer helper returns void; only a held miss has a value.
export type Answered = 'missed' | void;

/**
 * Answers a request with `answer`. While a build writes the output folder
 * (`building` pending), a miss or a failure is held back and answered again
 * once the build settles, instead of a 404 or 500 from a folder half swapped.
 */
export async function answerOnceBuilt(
  building: Promise<unknown> | undefined,
  response: ServerResponse,
  answer: (holdMisses: boolean) => Promise<Answered>,
): Promise<void> {
  if (building === undefined) return void (await answer(false));
  const first = await answer(true).catch((error: unknown) => {
    if (response.headersSent) throw error;
    return 'missed' as const;
  });
  if (first !== 'missed') return;
  await building.catch(() => undefined);
  await answer(false);
}

/**
 * Answers a request for a file of the served folder `rootPath`: a redirect
 * of the folder's `_redirects` (found by `findRedirect`), the file, a
 * folder's redirect, or `404.html`. `target` is the request's path and query
 * in origin form (see `readRequestTarget`). With `holdMisses`, a miss is not
 * answered but reported as `missed`.
 */
export async function answerFile(
  request: IncomingMessage,
  response: ServerResponse,
  target: string,
  rootPath: string,
  holdMisses: boolean,
  findRedirect: RedirectFinder,
): Promise<Answered> {
  const root = await resolveRoot(rootPath);
  if (root === undefined) {
    if (holdMisses) return 'missed';
    return sendText(response, 404, 'Not found (the site has not been built yet)');
  }
  const redirect = await findRedirect(root, target);
  if (redirect) {
    response.writeHead(redirect.status, { location: redirect.location, 'cache-control': 'no-store' });
    return void response.end();
  }
  const resolved = await resolveRequestPath(root, target);
  if (resolved.kind === 'refused')
    return sendText(response, resolved.status, resolved.status === 400 ? 'Bad request' : 'Forbidden');
  if (resolved.kind === 'folder') {
    // The query goes along (`/ekonomi?halaman=2` → `/ekonomi/?halaman=2`), as a static host's redirect keeps it.
    const query = target.includes('?') ? target.slice(target.indexOf('?')) : '';
    response.writeHead(301, { location: `${resolved.location}${query}`, 'cache-control': 'no-store' });
    return void response.end();
  }
  if (resolved.kind === 'file') return sendFile(request, response, 200, resolved.file);
  if (holdMisses) return 'missed';
  const notFound = await resolveRequestPath(root, '/404.html');
  if (notFound.kind === 'file') return sendFile(request, response, 404, notFound.file);
  return sendText(response, 404, 'Not found');
}

/**
 * The real path of the served folder. A full rebuild swaps the whole output
 * folder by renames, so a missing folder is looked for again a few times
 * before the request is answered with 404.
 */
async function resolveRoot(root: string): Promise<string | undefined> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const real = await realpath(root).catch(() => undefined);
    if (real !== undefined) return real;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  file: string,
): Promise<void> {
  const type = contentType(file);
  if (type.startsWith('text/html')) {
    return sendBody(request, response, status, type, Buffer.from(injectLiveReload(await readFile(file, 'utf8'))));
  }
  const info = await stat(file);
  const headers = { 'content-type': type, 'accept-ranges': 'bytes', 'cache-control': 'no-store' };
  // One byte range of a file (Safari asks for them before it plays audio or video); several are sent whole.
  const ranges = status === 200 && request.headers.range ? parseRange(info.size, request.headers.range) : -2;
  if (ranges === -1) {
    response.writeHead(416, { ...headers, 'content-range': `bytes */${info.size}` });
    return void response.end();
  }
  const range = Array.isArray(ranges) && ranges.length === 1 && ranges.type === 'bytes' ? ranges[0] : undefined;
  if (range)
    response.writeHead(206, {
      ...headers,
      'content-length': range.end - range.start + 1,
      'content-range': `bytes ${range.start}-${range.end}/${info.size}`,
    });
  else response.writeHead(status, { ...headers, 'content-length': info.size });
  if (request.method === 'HEAD') return void response.end();
  const stream = createReadStream(file, range && { start: range.start, end: range.end });
  // A file replaced or deleted mid-response ends that response, not the server.
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}

/** Sends `body` (nothing for HEAD), never cached. */
export function sendBody(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  type: string,
  body: Buffer,
): void {
  response.writeHead(status, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Sends a short plain-text answer, never cached. */
export function sendText(response: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(`${text}\n`);
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  response.end(body);
}

/** The content type by extension; text types say UTF-8, since newsgen writes nothing else. */
function contentType(file: string): string {
  const type = lookup(path.extname(file)) ?? 'application/octet-stream';
  return /^text\/|^application\/(json|xml|javascript|.*\+xml|.*\+json)$|^image\/svg\+xml$/.test(type)
    ? `${type}; charset=utf-8`
    : type;
}
