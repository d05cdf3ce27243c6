import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** A running static server for tests. */
export interface FolderServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:43121`. */
  readonly origin: string;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Serves `folder` over HTTP on 127.0.0.1 with an ephemeral port, the way a
 * static host would: pretty URLs (`/x/` → `/x/index.html`), a content type
 * per extension, 404 for missing files and 403 for paths escaping the folder.
 */
export async function serveFolder(folder: string): Promise<FolderServer> {
  const root = path.resolve(folder);
  const server = createServer((request, response) => {
    void answer(root, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Resolves a request path inside `root`, or undefined when it would leave it. */
export function resolveRequestPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const withIndex = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const file = path.resolve(root, `.${path.posix.normalize(`/${withIndex}`)}`);
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return file;
}

async function answer(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'Method not allowed');
    return;
  }
  const rawPath = (request.url ?? '/').split(/[?#]/)[0] ?? '/';
  // Checked on the raw path too: `new URL` would already have folded `..` away.
  if (rawPath.split('/').some((segment) => segment === '..' || decodeSafely(segment) === '..')) {
    send(response, 403, 'Forbidden');
    return;
  }
  const file = resolveRequestPath(root, rawPath);
  if (file === undefined) {
    send(response, 403, 'Forbidden');
    return;
  }
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    response.writeHead(301, { location: `${rawPath}/` });
    response.end();
    return;
  }
  if (!info?.isFile()) {
    send(response, 404, 'Not found');
    return;
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}

function decodeSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}
