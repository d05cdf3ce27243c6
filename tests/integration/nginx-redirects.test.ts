import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { article, createFixtureSite } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';
import { createTempFolder } from '../helpers/temp-folders.js';

/** Debian's nginx (`.ci/run` installs it), or the one `NGINX_PATH` names. */
function findNginx(): string {
  const file = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
  try {
    accessSync(file, constants.X_OK);
    return file;
  } catch {
    throw new Error(`No nginx at ${file}: install Debian's nginx (apt-get install nginx) or set NGINX_PATH`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** An nginx configuration as the README gives it: the map included, and the redirect returned before the file. */
function nginxConfig(dir: string, dist: string, port: number): string {
  const temp = (name: string) => path.join(dir, name);
  return `daemon off;
master_process off;
worker_processes 1;
error_log stderr;
pid ${temp('nginx.pid')};
events { worker_connections 64; }
http {
  access_log off;
  absolute_redirect off;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  map $uri $newsgen_redirect { include ${path.join(dist, 'redirects.nginx.conf')}; }
  server {
    listen 127.0.0.1:${port};
    root ${dist};
    if ($newsgen_redirect) { return 301 $newsgen_redirect; }
  }
}
`;
}

async function waitForServer(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`nginx did not answer at ${url}`);
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGTERM');
});

describe('the nginx redirect map, in a real nginx', { timeout: 60_000 }, () => {
  it('is accepted by nginx -t and answers old addresses, exact and under a redirected folder, with the new ones', async () => {
    const nginx = findNginx();
    const site = createFixtureSite({
      'newsgen.config.json': JSON.stringify({
        title: 'Warta Uji',
        baseUrl: 'https://warta.example/',
        locale: 'id-ID',
        timeZone: 'Asia/Jakarta',
        nginxRedirects: true,
        redirects: [
          { from: '/berita-lama/*', to: '/nasional/*' },
          { from: '/arsip%20lama/*', to: '/nasional/*' },
        ],
      }),
      // nginx matches strings ignoring case: /Nasional/Banjir/ as one would redirect the page to itself.
      'content/nasional/banjir.md': article({
        aliases:
          '[/lama/banjir/, /berita/123.html, /kabar/banjir-ü/, "/kabar%20lama/", /Nasional/Banjir/, /Lama/Banjir.html, /lama/banjir.html, /harga$naik/]',
      }),
    });
    const built = await runMain(site, ['build', '--now', '2026-11-20T12:00:00+07:00']);
    expect(built.code, built.stderr).toBe(0);
    const dir = createTempFolder('nginx');
    for (const name of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, name));
    const port = await freePort();
    const config = path.join(dir, 'nginx.conf');
    writeFileSync(config, nginxConfig(dir, path.join(site, 'dist'), port));

    const test = spawnSync(nginx, ['-t', '-p', dir, '-c', config], { encoding: 'utf8' });
    expect(test.status, test.stderr).toBe(0);

    const child = spawn(nginx, ['-p', dir, '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    running.push(child);
    const origin = `http://127.0.0.1:${port}`;
    await waitForServer(origin);
    const location = async (url: string) => {
      const response = await fetch(origin + url, { redirect: 'manual' });
      return `${response.status} ${response.headers.get('location') ?? ''}`;
    };
    expect(await location('/lama/banjir/')).toBe('301 /nasional/banjir/');
    expect(await location('/lama/banjir')).toBe('301 /nasional/banjir/');
    expect(await location('/berita/123.html')).toBe('301 /nasional/banjir/');
    expect(await location('/kabar/banjir-%C3%BC/')).toBe('301 /nasional/banjir/');
    expect(await location('/kabar%20lama/')).toBe('301 /nasional/banjir/');
    expect(await location('/berita-lama/2019/pemilu/')).toBe('301 /nasional/2019/pemilu/');
    expect(await location('/Nasional/Banjir/')).toBe('301 /nasional/banjir/');
    expect(await location('/Nasional/Banjir')).toBe('301 /nasional/banjir/');
    expect(await location('/Lama/Banjir.html')).toBe('301 /nasional/banjir/');
    expect(await location('/lama/banjir.html')).toBe('301 /nasional/banjir/');
    expect(await location('/harga$naik/')).toBe('301 /nasional/banjir/');
    expect(await location('/arsip%20lama/2019/pemilu/')).toBe('301 /nasional/2019/pemilu/');
    expect(await location('/nasional/banjir/')).toBe('200 ');
  });
});
