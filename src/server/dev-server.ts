import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import type { Logger } from '../logger/create-logger.js';
import { checkHost, checkOrigin, isWildcardHost } from './check-host.js';
import { createRedirectFinder } from './find-host-redirect.js';
import type { LiveEvent } from './live-event.js';
import { LIVE_CLIENT_PATH, LIVE_EVENTS_PATH, LIVE_RELOAD_CLIENT } from './live-reload-client.js';
import { readRequestTarget } from './request-target.js';
import { type Answered, answerFile, answerOnceBuilt, sendBody, sendText } from './send-response.js';

/** What {@link createDevServer} needs. */
export interface DevServerOptions {
  /** The folder served (the output folder); it may not exist yet. */
  readonly root: string;
  readonly host: string;
  /** 0 for any free port; a busy port moves on to the next free one. */
  readonly port: number;
  readonly logger: Logger;
  /** Longest a client may take to send its request headers. @default 10000 */
  readonly headersTimeoutMs?: number;
}

/** A running dev server. */
export interface DevServer {
  /** Where to open the site, e.g. `http://127.0.0.1:4000/`. */
  readonly url: string;
  readonly port: number;
  /** Tells every open page about a build; the last error is replayed to pages opened later. */
  notify(event: LiveEvent): void;
  /**
   * Says a build is writing the output folder until `done` settles: a request
   * that finds nothing (or fails) meanwhile waits for it and is answered again,
   * instead of getting a 404 or 500 from a folder half swapped.
   */
  trackBuild(done: Promise<unknown>): void;
  close(): Promise<void>;
}

/** How many ports after a busy one are tried. */
const PORT_ATTEMPTS = 20;

/**
 * A small HTTP server for previewing the output folder (node:http, GET and
 * HEAD only): the redirects of the folder's `_redirects`, pretty URLs,
 * `404.html` for misses, one path guard for every
 * request, a Host check against DNS rebinding, and live reload over
 * server-sent events, with the client script injected into HTML responses.
 */
export async function createDevServer(options: DevServerOptions): Promise<DevServer> {
  const clients = new Set<ServerResponse>();
  const id = randomUUID();
  let lastError: LiveEvent | undefined;
  let port = options.port;
  let building: Promise<unknown> | undefined;
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const findRedirect = createRedirectFinder();
  const server = createServer(
    {
      // A client that never finishes its headers must not hold a socket forever.
      headersTimeout,
      requestTimeout: headersTimeout * 3,
      connectionsCheckingInterval: Math.min(1000, headersTimeout / 2),
    },
    (request, response) => {
      answerOnceBuilt(building, response, (holdMisses) => answer(request, response, holdMisses)).catch(
        (error: unknown) => {
          options.logger.debug(`dev server: ${error instanceof Error ? error.message : String(error)}`);
          if (response.headersSent) response.destroy();
          else sendText(response, 500, 'Internal error');
        },
      );
    },
  );
  server.on('clientError', refuseClient);

  /** With `holdMisses`, a miss is not answered but reported as `missed`, for answering again later. */
  async function answer(request: IncomingMessage, response: ServerResponse, holdMisses: boolean): Promise<Answered> {
    const target = readRequestTarget(request.url, request.headers.host);
    if (target === undefined) return sendText(response, 400, 'Bad request');
    if (!checkHost(target.host, options.host, port))
      return sendText(response, 403, 'Forbidden: unexpected Host header');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return sendText(response, 405, 'Method not allowed');
    }
    const pathname = target.path.split(/[?#]/, 1)[0];
    if (pathname === LIVE_EVENTS_PATH) return openEvents(request, response, target.host);
    if (pathname === LIVE_CLIENT_PATH)
      return sendBody(request, response, 200, 'text/javascript; charset=utf-8', Buffer.from(LIVE_RELOAD_CLIENT));
    return answerFile(request, response, target.path, options.root, holdMisses, findRedirect);
  }

  function openEvents(request: IncomingMessage, response: ServerResponse, host: string | undefined): void {
    if (!checkOrigin(request.headers.origin, host)) {
      sendText(response, 403, 'Forbidden: foreign origin');
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    if (request.method === 'HEAD') return void response.end();
    response.write(`retry: 1000\n${formatEvent('hello', { id })}`);
    if (lastError) response.write(formatLiveEvent(lastError));
    clients.add(response);
    request.on('close', () => clients.delete(response));
  }

  // Comments keep idle streams open through proxies and let closed tabs be noticed.
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': ping\n\n');
  }, 25_000);
  heartbeat.unref();

  port = await listen(server, options.host, options.port);
  return {
    url: `http://${formatUrlHost(options.host)}:${port}/`,
    port,
    trackBuild(done) {
      const tracked = done.finally(() => {
        if (building === tracked) building = undefined;
      });
      // Settled elsewhere; this copy only marks the build's end.
      tracked.catch(() => undefined);
      building = tracked;
    },
    notify(event) {
      lastError = event.type === 'build-error' ? event : undefined;
      const text = formatLiveEvent(event);
      for (const client of clients) client.write(text);
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const client of clients) client.end();
        clients.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A malformed request, or headers that did not arrive in time: answered and closed. */
function refuseClient(error: NodeJS.ErrnoException, socket: Socket): void {
  const status =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? '408 Request Timeout'
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : '400 Bad Request';
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  else socket.destroy();
}

function formatLiveEvent(event: LiveEvent): string {
  return event.type === 'build-error'
    ? formatEvent('build-error', { errors: event.errors })
    : formatEvent('reload', {});
}

function formatEvent(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Listens on `port`, or on the next free one when it is busy; returns the port. */
async function listen(server: Server, host: string, port: number): Promise<number> {
  for (let attempt = 0; ; attempt += 1) {
    const candidate = port === 0 ? 0 : port + attempt;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(candidate, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && port !== 0 && attempt + 1 < PORT_ATTEMPTS && candidate < 65535) continue;
      throw new NewsgenError(`Cannot listen on ${host}:${candidate}: ${(error as Error).message}`, {
        code: 'serve-listen',
        cause: error,
        exitCode: 2,
        hint:
          code === 'EADDRINUSE'
            ? 'Choose another port with --port, or --port 0 for any free one.'
            : 'Check --host and --port.',
      });
    }
  }
}

function formatUrlHost(host: string): string {
  if (isWildcardHost(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
