import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHostRedirects } from '../../src/server/parse-host-redirects.js';
import { rawRequest } from './start-serve.js';
import { useDevServer } from './use-dev-server.js';

const REDIRECTS = [
  '# Written by newsgen from aliases and the redirects setting.',
  '/lama/banjir/ /nasional/banjir/ 301',
  '/News/Cafe/ /news/cafe/ 301',
  '/kabar%20lama/ /nasional/banjir/ 301',
  '/ p=123 /nasional/banjir/ 301!',
  '/keluar/ https://arsip.example/ 302',
  '/berita/:tahun/x /arsip/:tahun/ 301',
  '/app/* /index.html 200',
  '/negara/* /id/:splat 302 Country=id',
  '/kosong/* /:splat 301',
  '/berita/* /nasional/:splat 301',
  '',
].join('\n');

const preview = useDevServer({
  'dist/index.html': '<!doctype html><title>Beranda</title><body>Beranda</body>',
  'dist/news/cafe/index.html': '<!doctype html><title>Kafe</title><body>Kafe</body>',
  'dist/lama/banjir/index.html': '<!doctype html><meta http-equiv="refresh" content="0; url=/nasional/banjir/">',
  'dist/_redirects': REDIRECTS,
  'dist/404.html': '<!doctype html><title>Tidak ada</title><body>Tidak ada</body>',
  'rahasia/_redirects': '/* https://evil.example/ 301\n',
});

const url = (): string => preview.url();

async function location(target: string): Promise<[number, string | undefined]> {
  const response = await rawRequest(url(), target);
  return [response.status, response.headers['location'] as string | undefined];
}

describe('the dev server answers the output folder’s _redirects as a host would', () => {
  it('redirects an exact old address, with or without its slash, before the redirect page there', async () => {
    expect(await location('/lama/banjir/')).toEqual([301, '/nasional/banjir/']);
    expect(await location('/lama/banjir')).toEqual([301, '/nasional/banjir/']);
    expect(await location('/kabar%20lama/')).toEqual([301, '/nasional/banjir/']);
  });

  it('redirects everything below a redirected folder, keeping the rest of the path and the query', async () => {
    expect(await location('/berita/2016/banjir/?utm=x')).toEqual([301, '/nasional/2016/banjir/?utm=x']);
    expect(await location('/berita/kabar%20baru.html')).toEqual([301, '/nasional/kabar%20baru.html']);
    expect(await location('/berita/1999/x')).toEqual([301, '/arsip/1999/']);
  });

  it('matches paths case-sensitively, so an old address with capitals never redirects the page to itself', async () => {
    expect(await location('/News/Cafe/')).toEqual([301, '/news/cafe/']);
    const page = await rawRequest(url(), '/news/cafe/');
    expect([page.status, page.body]).toEqual([200, expect.stringContaining('Kafe')]);
  });

  it("matches a Netlify query rule (WordPress's /?p=123) and serves the home page without the query", async () => {
    expect(await location('/?p=123')).toEqual([301, '/nasional/banjir/']);
    expect(await location('/?p=124')).toEqual([200, undefined]);
    expect(await location('/')).toEqual([200, undefined]);
  });

  it('sends a redirect to another site as its Location, and leaves out rewrites and conditional rules', async () => {
    expect(await location('/keluar/')).toEqual([302, 'https://arsip.example/']);
    expect(await location('/app/x')).toEqual([404, undefined]);
    expect(await location('/negara/x')).toEqual([404, undefined]);
  });

  it('never turns a path into another host, and leaves paths the guard refuses to it', async () => {
    expect(await location('/kosong//evil.example/')).toEqual([301, '/evil.example/']);
    expect(await location('/kosong/')).toEqual([301, '/']);
    expect((await rawRequest(url(), '/berita/../../rahasia/_redirects')).status).toBe(403);
    expect((await rawRequest(url(), '/berita/%2e%2e/x')).status).toBe(403);
  });

  it('reads a _redirects symlinked outside the folder as no rules', async () => {
    const dist = path.join(preview.folder(), 'dist');
    rmSync(path.join(dist, '_redirects'));
    symlinkSync(path.join(preview.folder(), 'rahasia', '_redirects'), path.join(dist, '_redirects'));
    try {
      expect(await location('/lama/banjir/')).toEqual([200, undefined]);
    } finally {
      rmSync(path.join(dist, '_redirects'));
      writeFileSync(path.join(dist, '_redirects'), REDIRECTS);
    }
    expect(await location('/lama/banjir/')).toEqual([301, '/nasional/banjir/']);
  });
});

describe('parseHostRedirects', () => {
  it('reads status, force and query parameters, and drops what a preview cannot answer', () => {
    expect(parseHostRedirects(REDIRECTS).map((rule) => `${rule.from.join('/')} ${rule.status}`)).toEqual([
      'lama/banjir 301',
      'News/Cafe 301',
      'kabar lama 301',
      ' 301',
      'keluar 302',
      'berita/:tahun/x 301',
      'kosong/* 301',
      'berita/* 301',
    ]);
    expect(parseHostRedirects('/ p=123 lang=:l /x/ 301!')[0]?.query).toEqual([
      ['p', '123'],
      ['lang', ':l'],
    ]);
    expect(parseHostRedirects('/a /b\n/c%ZZ /d\nhttps://old.example/* https://new.example/:splat 301')).toEqual([
      { from: ['a'], query: [], to: '/b', status: 301 },
    ]);
  });
});
