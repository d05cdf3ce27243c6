import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { article, copySiteSources, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const CONFIG = JSON.stringify({
  title: 'Warta Uji',
  baseUrl: 'https://uji.example/',
  locale: 'id-ID',
  timeZone: 'Asia/Jakarta',
  menus: { footer: [{ page: 'kontak' }] },
});

function site(): string {
  return createFixtureSite({
    'newsgen.config.json': CONFIG,
    'content/ekonomi/harga.md': article({ aliases: '[/berita/harga-lama/]' }),
    'content/pages/kontak.md': '---\ntitle: Kontak\nlayout: kontak\n---\n\nHubungi kami.\n',
    'templates/kontak.hbs': '<h1>{{entry.title}}</h1><p class="telepon">{{data.redaksi.telepon}}</p>',
    'data/redaksi.yaml': 'telepon: "+62 21 555 0101"\nsurel: redaksi@uji.example\n',
  });
}

// Timeout: each test builds a small site once or twice in this process.
describe('newsgen build with pages, data files and redirects', { timeout: 30_000 }, () => {
  it('renders a page with its own layout and the data files, and writes the redirect files', async () => {
    const dir = site();
    const run = await runMain(dir, ['build']);
    expect(run.code, run.stderr).toBe(0);
    const kontak = readFileSync(path.join(dir, 'dist/kontak/index.html'), 'utf8');
    expect(kontak).toContain('<p class="telepon">+62 21 555 0101</p>');
    expect(readFileSync(path.join(dir, 'dist/_redirects'), 'utf8')).toContain(
      '/berita/harga-lama/ /ekonomi/harga/ 301',
    );
    expect(readFileSync(path.join(dir, 'dist/berita/harga-lama/index.html'), 'utf8')).toContain('noindex');
  });

  it('reports a broken data file at its line and column, exits 1 and keeps the previous output', async () => {
    const dir = site();
    expect((await runMain(dir, ['build'])).code).toBe(0);
    const before = snapshotTree(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'data/redaksi.yaml'), 'telepon: "+62\nsurel: [a\n');
    writeFileSync(path.join(dir, 'data/sosial.json'), '{ "a": 1, }');
    writeFileSync(path.join(dir, 'data/sosial.yml'), 'a: 1\n');
    const run = await runMain(dir, ['build']);
    expect(run.code).toBe(1);
    // At the opening quote that is never closed, in words saying so (not where the parser gave up).
    expect(run.stderr).toMatch(/data\/redaksi\.yaml:1:10 +error +Unexpected `"` that is never closed.*data-syntax/);
    expect(run.stderr).toMatch(/data\/sosial\.json:1:9 +error +Invalid JSON.*data-syntax/);
    expect(run.stderr).toMatch(
      /data\/sosial\.yml +error +Unexpected second data file for data\.sosial.*data-duplicate/,
    );
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
  });

  it('prints an unknown front matter key with a suggestion, and fails on it with --strict', async () => {
    const dir = site();
    writeFileSync(path.join(dir, 'content/ekonomi/salah.md'), article({ title: 'Salah', auther: 'Sari' }));
    const run = await runMain(dir, ['build']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /content\/ekonomi\/salah\.md:6:1 +warning +Unknown key "auther", did you mean "author"\? +front-matter-unknown-key/,
    );
    const strict = await runMain(dir, ['build', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/salah\.md:6:1 +error +Unknown key "auther".*front-matter-unknown-key/);
  });

  it('brings an edited page, a new alias and an edited data file into the next build', async () => {
    const dir = site();
    expect((await runMain(dir, ['build'])).code).toBe(0);
    writeFileSync(
      path.join(dir, 'content/pages/kontak.md'),
      '---\ntitle: Hubungi Kami\nlayout: kontak\naliases: [/kontak-lama/]\n---\n\nHubungi kami.\n',
    );
    writeFileSync(path.join(dir, 'data/redaksi.yaml'), 'telepon: "+62 21 555 0202"\n');
    const run = await runMain(dir, ['build']);
    expect(run.code, run.stderr).toBe(0);
    const kontak = readFileSync(path.join(dir, 'dist/kontak/index.html'), 'utf8');
    expect(kontak).toContain('<h1>Hubungi Kami</h1><p class="telepon">+62 21 555 0202</p>');
    expect(readFileSync(path.join(dir, 'dist/_redirects'), 'utf8')).toContain('/kontak-lama/ /kontak/ 301');
    expect(readFileSync(path.join(dir, 'dist/ekonomi/harga/index.html'), 'utf8')).toContain('>Hubungi Kami</a>');
  });

  it("shows a page's new title in the menus of every page, the data files unchanged", async () => {
    const dir = site();
    expect((await runMain(dir, ['build'])).code).toBe(0);
    writeFileSync(
      path.join(dir, 'content/pages/kontak.md'),
      '---\ntitle: Hubungi Kami\nlayout: kontak\n---\n\nHubungi.\n',
    );
    expect((await runMain(dir, ['build'])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/ekonomi/harga/index.html'), 'utf8')).toContain('>Hubungi Kami</a>');
  });

  it('warns about a body image and a lead image missing from static/ when the image pipeline is off', async () => {
    const dir = site();
    writeFileSync(path.join(dir, 'newsgen.config.json'), JSON.stringify({ ...JSON.parse(CONFIG), images: false }));
    writeFileSync(
      path.join(dir, 'content/ekonomi/foto.md'),
      article({ title: 'Foto', image: '/images/tidak-ada.jpg' }, '![Pasar pagi](/images/pasar.jpg)\n'),
    );
    const run = await runMain(dir, ['build']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /content\/ekonomi\/foto\.md:\d+:\d+ +warning +Image \/images\/tidak-ada\.jpg resolves to nothing +link-broken/,
    );
    expect(run.stderr).toMatch(
      /content\/ekonomi\/foto\.md:9:1 +warning +Image \/images\/pasar\.jpg resolves to nothing +link-broken/,
    );
  });

  it('refuses an alias or redirect over a static file, naming it, and keeps the previous output; takes it once the file goes', async () => {
    const dir = site();
    expect((await runMain(dir, ['build'])).code).toBe(0);
    const before = snapshotTree(path.join(dir, 'dist'));
    mkdirSync(path.join(dir, 'static/images'), { recursive: true });
    writeFileSync(path.join(dir, 'static/images/peta.png'), 'png');
    writeFileSync(path.join(dir, 'static/tentang.html'), '<p>Tentang</p>');
    writeFileSync(
      path.join(dir, 'content/ekonomi/harga.md'),
      article({ aliases: '[/berita/harga-lama/, /images/peta.png, /tentang.html]' }),
    );
    writeFileSync(
      path.join(dir, 'newsgen.config.json'),
      JSON.stringify({ ...JSON.parse(CONFIG), redirects: [{ from: '/images/*', to: '/foto/*' }] }),
    );
    const run = await runMain(dir, ['build']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /content\/ekonomi\/harga\.md:\d+:\d+ +error +Unexpected alias "\/images\/peta\.png" at \/images\/peta\.png, which the static file static\/images\/peta\.png already claims +alias-collision/,
    );
    expect(run.stderr).toMatch(
      /alias "\/tentang\.html" at \/tentang\.html, which the static file static\/tentang\.html/,
    );
    expect(run.stderr).toMatch(/newsgen\.config\.json:.*redirects\.0\.from.*the static file static\/images\/peta\.png/);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
    rmSync(path.join(dir, 'static'), { recursive: true });
    const next = await runMain(dir, ['build']);
    expect(next.code, next.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/_redirects'), 'utf8')).toContain('/images/peta.png /ekonomi/harga/ 301');
  });

  it("makes pictures of a page's photos, a bundle's and a shared one, and publishes every file they name", async () => {
    const photo = (r: number) =>
      sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r, g: 120, b: 90 } } })
        .jpeg()
        .toBuffer();
    const dir = createFixtureSite({
      'newsgen.config.json': CONFIG,
      'content/ekonomi/harga.md': article({}, 'Kantor redaksi.\n\n![Kantor redaksi](/images/kantor.jpg)\n'),
      'content/pages/tim/index.md':
        '---\ntitle: Tim kami\nimage:\n  src: /images/kantor.jpg\n  alt: Kantor redaksi\n---\n\n![Tim redaksi di ruang rapat](foto.jpg)\n',
      'content/pages/tim/foto.jpg': await photo(200),
      'content/pages/kontak.md': '---\ntitle: Kontak\n---\n\nHubungi kami.\n',
      'static/images/kantor.jpg': await photo(30),
    });
    const run = await runMain(dir, ['build']);
    expect(run.code, run.stderr).toBe(0);
    const tim = readFileSync(path.join(dir, 'dist/tim/index.html'), 'utf8');
    // The lead and the body photo are pictures, and the page's share image is a crop made for it.
    expect(tim).toMatch(/<meta property="og:image" content="https:\/\/uji\.example\/_images\/kantor-[^"]+\.jpg">/);
    expect(tim).toMatch(/<img[^>]+src="\/_images\/foto-[^"]+"[^>]+alt="Tim redaksi di ruang rapat"/);
    const named = [...tim.matchAll(/(?:src|srcset|content|href)="([^"]+)"/g)]
      .flatMap(([, value]) => (value ?? '').split(/,\s*/).map((part) => part.split(' ')[0] ?? ''))
      .map((url) => url.replace('https://uji.example', ''))
      .filter((url) => /^\/(?:_images|images|pages)\//.test(url));
    expect(named.length).toBeGreaterThan(4);
    for (const file of named) expect(existsSync(path.join(dir, 'dist', file)), file).toBe(true);

    // A new photo in the bundle: the page shows it, and the output is a cold build's, byte for byte.
    writeFileSync(path.join(dir, 'content/pages/tim/foto.jpg'), await photo(90));
    expect((await runMain(dir, ['build'])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/tim/index.html'), 'utf8')).not.toBe(tim);
    const cold = copySiteSources(dir, 'cold');
    expect((await runMain(cold, ['build', '--no-cache'])).code).toBe(0);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(snapshotTree(path.join(cold, 'dist')));
  });
});
