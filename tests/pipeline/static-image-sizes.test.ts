import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { measureStaticImages } from '../../src/pipeline/read-static-info.js';
import { buildAt } from '../helpers/build-at.js';
import { article, copySiteSources, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';

const NOW = '2026-11-20T12:00:00+07:00';
/** The image pipeline off: a static lead image is linked as written, with the size the build measured. */
const CONFIG = JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/', images: false });

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#468' } })
    .png()
    .toBuffer();

/** The article page's lead image tag. */
function leadOf(dir: string): string {
  const html = readFileSync(path.join(dir, 'dist', 'berita', 'judul-berita', 'index.html'), 'utf8');
  return /<img[^>]*src="\/images\/utama\.png"[^>]*>/.exec(html)?.[0] ?? '';
}

/** What a cold build (no cache, new output folder) of the same content, config and static files writes. */
async function coldOf(dir: string): Promise<Map<string, string>> {
  const cold = copySiteSources(dir, 'static-sizes-cold');
  await buildAt(cold, NOW, false);
  return snapshotTree(path.join(cold, 'dist'));
}

describe('static image sizes across builds', () => {
  test('builds with the cache show a replaced static image at its new size, copy it, and write what a cold build writes', async () => {
    const dir = createFixtureSite({
      'newsgen.config.json': CONFIG,
      'content/berita/judul-berita.md': article({ image: '{ src: /images/utama.png, alt: Gedung }' }),
      'static/images/utama.png': await png(640, 360),
      'static/images/lain.png': await png(100, 80),
    });
    await buildAt(dir, NOW);
    expect(leadOf(dir)).toContain('width="640" height="360"');
    // What was measured stays in the cache for the next build.
    expect(existsSync(path.join(dir, 'node_modules/.cache/newsgen/static-images.json'))).toBe(true);
    // Another size under the same name, and a later time: the page shows the new size.
    writeFileSync(path.join(dir, 'static/images/utama.png'), await png(800, 600));
    const later = new Date('2026-11-20T06:00:00Z');
    utimesSync(path.join(dir, 'static/images/utama.png'), later, later);
    await buildAt(dir, NOW);
    expect(leadOf(dir)).toContain('width="800" height="600"');
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(await coldOf(dir));
    // An article edit leaves the images as they were: their sizes come from the cache, and still match.
    writeFileSync(
      path.join(dir, 'content/berita/judul-berita.md'),
      article({ image: '{ src: /images/utama.png, alt: Gedung }' }, 'Isi berita yang diperbarui.\n'),
    );
    await buildAt(dir, NOW);
    expect(leadOf(dir)).toContain('width="800" height="600"');
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(await coldOf(dir));
  });

  test('takes the size of an image known at its stamp without opening it, and measures the rest', async () => {
    const dir = createFixtureSite({
      'static/a.png': await png(40, 30),
      'static/b.png': await png(20, 10),
      'static/c.png': 'not an image',
      'static/robots.txt': 'User-agent: *',
    });
    const files = ['a.png', 'b.png', 'c.png', 'robots.txt'].map((file) => ({
      path: file,
      source: path.join(dir, 'static', file),
    }));
    const stamps = { 'a.png': '1:1', 'b.png': '2:2', 'c.png': '3:3', 'robots.txt': '4:4' };
    const first = await measureStaticImages(files, stamps, undefined);
    expect(first.changed).toBe(true);
    expect([...first.sizes]).toEqual(
      expect.arrayContaining([
        ['/a.png', { width: 40, height: 30 }],
        ['/b.png', { width: 20, height: 10 }],
      ]),
    );
    expect(first.sizes.size).toBe(2);
    // An unmeasurable image is remembered too, so it is not opened again each build.
    expect(first.measured.get('c.png')).toEqual({ stamp: '3:3', size: undefined });
    // Known at the same stamp: the remembered size, even though the file now says otherwise (it was not read).
    const known = new Map(first.measured).set('a.png', { stamp: '1:1', size: { width: 4000, height: 3000 } });
    const second = await measureStaticImages(files, { ...stamps, 'b.png': '2:9' }, known);
    expect(second.sizes.get('/a.png')).toEqual({ width: 4000, height: 3000 });
    expect(second.measured.get('b.png')).toEqual({ stamp: '2:9', size: { width: 20, height: 10 } });
    expect(second.changed).toBe(true);
    const third = await measureStaticImages(files, { ...stamps, 'b.png': '2:9' }, second.measured);
    expect(third.changed).toBe(false);
    expect([...third.sizes].sort()).toEqual([...second.sizes].sort());
    // An image gone from the folder is forgotten.
    const fourth = await measureStaticImages(files.slice(1), stamps, third.measured);
    expect(fourth.changed).toBe(true);
    expect(fourth.measured.has('a.png')).toBe(false);
  });

  test('takes the size of a changed image read whole on a thread, and measures one the thread did not measure', async () => {
    const dir = createFixtureSite({ 'static/a.png': await png(40, 30), 'static/b.png': await png(20, 10) });
    const files = ['a.png', 'b.png'].map((file) => ({ path: file, source: path.join(dir, 'static', file) }));
    const stamps = { 'a.png': '1:5', 'b.png': '2:5' };
    const known = new Map([
      ['a.png', { stamp: '1:1', size: { width: 40, height: 30 } }],
      ['b.png', { stamp: '2:2', size: { width: 20, height: 10 } }],
    ]);
    let waited = 0;
    // What the thread found (a size of its own, to tell it from a measure here); b.png it could not measure.
    const reads = new Map([
      ['a.png', { hash: 'a'.repeat(40), measured: true, size: { width: 41, height: 31 } }],
      ['b.png', { hash: 'b'.repeat(40), measured: false, size: undefined }],
    ]);
    const aside = {
      wait: async () => {
        waited++;
        return reads;
      },
    };
    const result = await measureStaticImages(files, stamps, known, aside);
    expect(waited).toBe(1);
    expect(result.measured.get('a.png')).toEqual({ stamp: '1:5', size: { width: 41, height: 31 } });
    expect(result.measured.get('b.png')).toEqual({ stamp: '2:5', size: { width: 20, height: 10 } });
    expect(result.changed).toBe(true);
    // Nothing changed since: not waited for.
    await measureStaticImages(files, stamps, result.measured, aside);
    expect(waited).toBe(1);
  });
});
