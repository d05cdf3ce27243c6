import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger/create-logger.js';
import { createDevServer, type DevServer } from '../../src/server/dev-server.js';
import { createFixtureSite } from '../helpers/fixture-site.js';
import { rawRequest } from './start-serve.js';

let server: DevServer | undefined;
let folder = '';
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function start(headersTimeoutMs?: number): Promise<DevServer> {
  folder = createFixtureSite({
    'dist/index.html': '<!doctype html><title>Lama</title><body>lama</body>',
    'dist/404.html': '<!doctype html><title>404</title><body>tidak ada</body>',
    'next/index.html': '<!doctype html><title>Baru</title><body>baru</body>',
    'next/404.html': '<!doctype html><title>404</title><body>tidak ada</body>',
  });
  server = await createDevServer({
    root: path.join(folder, 'dist'),
    host: '127.0.0.1',
    port: 0,
    logger: createLogger({ level: 'silent' }),
    ...(headersTimeoutMs === undefined ? {} : { headersTimeoutMs }),
  });
  return server;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the dev server during a full rebuild (issue 25)', () => {
  it('answers a request made while the output folder is swapped once the build is done, not with 404', async () => {
    const dev = await start();
    let finish = (): void => undefined;
    const build = new Promise<void>((resolve) => (finish = resolve));
    dev.trackBuild(build);
    renameSync(path.join(folder, 'dist'), path.join(folder, 'old'));
    const pending = rawRequest(dev.url, '/');
    // Longer than the server looks for a missing folder on its own.
    await pause(500);
    renameSync(path.join(folder, 'next'), path.join(folder, 'dist'));
    finish();
    const response = await pending;
    expect(response.status).toBe(200);
    expect(response.body).toContain('baru');
  });

  it('answers a page deleted mid-build from the finished output, and a real miss with 404 after the build', async () => {
    const dev = await start();
    let finish = (): void => undefined;
    dev.trackBuild(new Promise<void>((resolve) => (finish = resolve)));
    rmSync(path.join(folder, 'dist', 'index.html'));
    const page = rawRequest(dev.url, '/');
    const miss = rawRequest(dev.url, '/tidak-ada/');
    await pause(100);
    writeFileSync(path.join(folder, 'dist', 'index.html'), '<!doctype html><title>Baru</title><body>baru</body>');
    finish();
    expect(await page).toMatchObject({ status: 200, body: expect.stringContaining('baru') });
    expect(await miss).toMatchObject({ status: 404, body: expect.stringContaining('tidak ada') });
    expect((await rawRequest(dev.url, '/lain/')).status).toBe(404);
  });
});

describe('the dev server and slow clients (issue 25)', () => {
  it('closes the socket of a client that never finishes its request headers', async () => {
    const dev = await start(300);
    const socket = connect(Number(new URL(dev.url).port), '127.0.0.1');
    const closed = new Promise<string>((resolve) => {
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('close', () => resolve(received));
    });
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const trickle = setInterval(() => socket.writable && socket.write('X-Lambat: 1\r\n'), 50);
    try {
      expect(await closed).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
  });
});
