import { rmSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite } from '../helpers/fixture-site.js';
import { type FolderServer, resolveRequestPath, serveFolder } from '../helpers/serve-folder.js';

let server: FolderServer | undefined;
let folder = '';

beforeAll(async () => {
  folder = createFixtureSite({
    'site/index.html': '<!doctype html><title>Beranda</title>',
    'site/ekonomi/index.html': '<!doctype html><title>Ekonomi</title>',
    'site/assets/gaya.css': 'body{}',
    'site/data.json': '{}',
    'rahasia.txt': 'di luar folder',
  });
  server = await serveFolder(path.join(folder, 'site'));
});

afterAll(async () => {
  await server?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** A raw GET, so paths like `/../x` reach the server unnormalised. */
function get(rawPath: string): Promise<{ status: number; type: string | undefined; body: string }> {
  const url = new URL(server?.origin ?? '');
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: rawPath, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the static test server', () => {
  it('serves index.html for folder URLs, like a static host with pretty URLs', async () => {
    const page = await get('/ekonomi/');
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.body).toContain('Ekonomi');
    expect((await get('/')).body).toContain('Beranda');
  });

  it('sends a content type by extension', async () => {
    expect((await get('/assets/gaya.css')).type).toMatch(/^text\/css/);
    expect((await get('/data.json')).type).toMatch(/^application\/json/);
  });

  it('answers 404 for missing files and refuses paths that leave the folder', async () => {
    expect((await get('/tidak-ada/')).status).toBe(404);
    expect((await get('/../rahasia.txt')).status).toBe(403);
    expect((await get('/%2e%2e/rahasia.txt')).status).toBe(403);
    expect(resolveRequestPath('/srv/site', '/a/%00b')).toBeUndefined();
  });
});
