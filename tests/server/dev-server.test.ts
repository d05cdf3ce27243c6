import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger/create-logger.js';
import { createDevServer } from '../../src/server/dev-server.js';
import { rawRequest } from './start-serve.js';
import { useDevServer } from './use-dev-server.js';

const PAGE = '<!doctype html><html><head><title>Beranda</title></head><body><h1>Beranda</h1></body></html>';

const preview = useDevServer(
  {
    'dist/index.html': PAGE,
    'dist/ekonomi/index.html': '<!doctype html><title>Ekonomi</title><body>Ekonomi</body>',
    'dist/404.html': '<!doctype html><title>Tidak ditemukan</title><body>Halaman tidak ada</body>',
    'dist/assets/gaya.css': 'body{}',
    'dist/feed.json': '{}',
    'dist/%2e%2e%2frahasia.txt': 'a file whose name merely looks encoded',
    'rahasia.txt': 'outside the output folder',
  },
  (folder) => {
    symlinkSync(path.join(folder, 'rahasia.txt'), path.join(folder, 'dist', 'link-out.txt'));
    mkdirSync(path.join(folder, 'outside-dir'));
    writeFileSync(path.join(folder, 'outside-dir', 'index.html'), 'outside');
    symlinkSync(path.join(folder, 'outside-dir'), path.join(folder, 'dist', 'dir-out'));
  },
);

const url = (): string => preview.url();

describe('the dev server', () => {
  it('serves pretty URLs with content types and redirects folders to their slash form', async () => {
    const home = await rawRequest(url(), '/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await rawRequest(url(), '/ekonomi/')).body).toContain('Ekonomi');
    const redirect = await rawRequest(url(), '/ekonomi?x=1');
    expect(redirect.status).toBe(301);
    expect(redirect.headers['location']).toBe('/ekonomi/?x=1');
    expect((await rawRequest(url(), '/assets/gaya.css')).headers['content-type']).toMatch(/^text\/css/);
    expect((await rawRequest(url(), '/feed.json')).headers['content-type']).toMatch(/^application\/json/);
  });

  it('answers a byte range of a file with 206, one it cannot give with 416, and says it takes ranges', async () => {
    const whole = await rawRequest(url(), '/assets/gaya.css');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    const part = await rawRequest(url(), '/assets/gaya.css', { headers: { range: 'bytes=1-3' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 1-3/6');
    expect(part.body).toBe('ody');
    const beyond = await rawRequest(url(), '/assets/gaya.css', { headers: { range: 'bytes=50-60' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe('bytes */6');
  });

  it('answers a request line too long to read with 431', async () => {
    expect((await rawRequest(url(), `/${'a'.repeat(20_000)}`)).status).toBe(431);
  });

  it('injects the live-reload script into served HTML but never into the file on disk', async () => {
    const home = await rawRequest(url(), '/index.html');
    expect(home.body).toMatch(/<script src="\/__newsgen\/client\.js" defer><\/script><\/body>/);
    expect(Number(home.headers['content-length'])).toBe(Buffer.byteLength(home.body));
    expect(readFileSync(path.join(preview.folder(), 'dist', 'index.html'), 'utf8')).toBe(PAGE);
    expect((await rawRequest(url(), '/assets/gaya.css')).body).toBe('body{}');
  });

  it('answers misses with 404.html and status 404', async () => {
    const miss = await rawRequest(url(), '/tidak-ada/');
    expect(miss.status).toBe(404);
    expect(miss.body).toContain('Halaman tidak ada');
  });

  it.each([
    ['/../rahasia.txt'],
    ['/../../../../etc/passwd'],
    ['/%2e%2e/rahasia.txt'],
    ['/%2e%2e%2frahasia.txt'],
    ['/..%2frahasia.txt'],
    ['/assets/..%2f..%2frahasia.txt'],
    ['/..%5crahasia.txt'],
    ['/..\\rahasia.txt'],
    ['/link-out.txt'],
    ['/dir-out/'],
  ])('never serves anything outside the output folder for %s', async (rawPath) => {
    const response = await rawRequest(url(), rawPath);
    expect([400, 403, 404]).toContain(response.status);
    expect(response.body).not.toContain('outside');
  });

  it('decodes once: double-encoded traversal is a literal file name inside the folder', async () => {
    const response = await rawRequest(url(), '/%252e%252e%252frahasia.txt');
    expect(response.status).toBe(200);
    expect(response.body).toBe('a file whose name merely looks encoded');
  });

  it('answers malformed percent-encoding and NUL bytes with 400 and keeps serving', async () => {
    expect((await rawRequest(url(), '/%zz')).status).toBe(400);
    expect((await rawRequest(url(), '/%E0%A4%A')).status).toBe(400);
    expect((await rawRequest(url(), '/index.html%00.css')).status).toBe(400);
    expect((await rawRequest(url(), '/')).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding) and accepts loopback names', async () => {
    expect((await rawRequest(url(), '/', { headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await rawRequest(url(), '/', { headers: { host: `evil.example:${preview.port()}` } })).status).toBe(403);
    expect((await rawRequest(url(), '/', { headers: { host: `localhost:${preview.port()}` } })).status).toBe(200);
    expect((await rawRequest(url(), '/', { headers: { host: `127.0.0.1:${preview.port()}` } })).status).toBe(200);
  });

  it('serves an absolute-form target (http://host:port/path) as its path, for its own host only', async () => {
    const own = (rest: string) => `http://127.0.0.1:${preview.port()}${rest}`;
    expect((await rawRequest(url(), own('/'))).body).toContain('Beranda');
    expect((await rawRequest(url(), `http://localhost:${preview.port()}/ekonomi/`)).body).toContain('Ekonomi');
    const redirect = await rawRequest(url(), own('/ekonomi?x=1'));
    expect([redirect.status, redirect.headers['location']]).toEqual([301, '/ekonomi/?x=1']);
    // The authority is the host checked (RFC 9112: it replaces the Host header), and the path meets the same guard.
    expect((await rawRequest(url(), 'http://evil.example/')).status).toBe(403);
    expect((await rawRequest(url(), `http://evil.example:${preview.port()}/`)).status).toBe(403);
    expect((await rawRequest(url(), own('/../rahasia.txt'))).status).toBe(403);
    expect((await rawRequest(url(), own('/%2e%2e/rahasia.txt'))).status).toBe(403);
    expect((await rawRequest(url(), own('/link-out.txt'))).status).toBe(403);
    expect((await rawRequest(url(), `https://127.0.0.1:${preview.port()}/`)).status).toBe(400);
    expect((await rawRequest(url(), `http://tamu@127.0.0.1:${preview.port()}/`)).status).toBe(400);
  });

  it('refuses live-reload subscriptions from another origin', async () => {
    const foreign = await rawRequest(url(), '/__newsgen/events', {
      method: 'HEAD',
      headers: { origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const own = await rawRequest(url(), '/__newsgen/events', {
      method: 'HEAD',
      headers: { origin: url().replace(/\/$/, '') },
    });
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toMatch(/^text\/event-stream/);
  });

  it('answers only GET and HEAD', async () => {
    const post = await rawRequest(url(), '/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers['allow']).toBe('GET, HEAD');
    const head = await rawRequest(url(), '/');
    expect(head.status).toBe(200);
  });

  it('survives a request line that is not HTTP', async () => {
    const port = preview.port() ?? 0;
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('NONSENSE \u0000\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await rawRequest(url(), '/')).status).toBe(200);
  });
});

describe('binding', () => {
  it('listens on loopback only by default, so another loopback address is refused', async () => {
    const local = await createDevServer({
      root: preview.folder(),
      host: '127.0.0.1',
      port: 0,
      logger: createLogger({ level: 'silent' }),
    });
    try {
      expect(local.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect(local.port, '127.0.0.2');
        socket.on('connect', () => {
          socket.destroy();
          resolve(false);
        });
        socket.on('error', () => resolve(true));
      });
      expect(refused).toBe(true);
    } finally {
      await local.close();
    }
  });

  it('moves to the next free port when the asked one is busy', async () => {
    const first = await createDevServer({
      root: preview.folder(),
      host: '127.0.0.1',
      port: 0,
      logger: createLogger({ level: 'silent' }),
    });
    const second = await createDevServer({
      root: preview.folder(),
      host: '127.0.0.1',
      port: first.port,
      logger: createLogger({ level: 'silent' }),
    });
    try {
      expect(second.port).not.toBe(first.port);
      expect(second.url).toBe(`http://127.0.0.1:${second.port}/`);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
