import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { article, createFixtureSite } from '../helpers/fixture-site.js';
import { rawRequest, type ServeProcess, startServe } from './start-serve.js';

let site = '';
let serve: ServeProcess | undefined;

// Timeout: waits for the serve process to exit.
afterEach(async () => {
  if (serve) expect(await serve.stop()).toBe(0);
  serve = undefined;
  if (site) rmSync(site, { recursive: true, force: true });
}, 30_000);

// Timeout: the test starts `newsgen serve` in a new process and waits for its build.
describe('newsgen serve', { timeout: 60_000 }, () => {
  it("answers the site's redirects as the deployed site does: old addresses and folders, with a 301", async () => {
    site = createFixtureSite({
      'newsgen.config.json': JSON.stringify({
        title: 'Warta Uji',
        baseUrl: 'https://example.org/warta/',
        redirects: [
          { from: '/berita/*', to: '/ekonomi/*' },
          { from: '/arsip-lama/', to: 'https://arsip.example.org/' },
        ],
      }),
      'content/ekonomi/harga-beras.md': article(
        { title: 'Harga Beras Turun', date: '2016-09-09 10:00', aliases: '[/2016/09/harga-beras/]' },
        'Harga beras di pasar turun.\n',
      ),
    });
    serve = await startServe(site);
    const get = async (target: string) => {
      const response = await rawRequest(serve?.url ?? '', target);
      return [response.status, response.headers['location']];
    };
    expect(await get('/2016/09/harga-beras/')).toEqual([301, '/ekonomi/harga-beras/']);
    expect(await get('/berita/harga-beras/')).toEqual([301, '/ekonomi/harga-beras/']);
    expect(await get('/berita/')).toEqual([301, '/ekonomi/']);
    expect(await get('/arsip-lama/')).toEqual([301, 'https://arsip.example.org/']);
    expect(await get('/ekonomi/harga-beras/')).toEqual([200, undefined]);
    expect(await get('/berita-lain/')).toEqual([404, undefined]);
  });
});
