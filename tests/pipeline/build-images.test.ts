import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { isNewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { createLogger } from '../../src/logger/create-logger.js';
import { type BuildSession, createBuildSession, type SessionBuildResult } from '../../src/pipeline/build-session.js';
import { article, copySiteSources, createFixtureSite, runCli, snapshotTree } from '../helpers/fixture-site.js';

const NOW = '2026-11-20T12:00:00+07:00';
/** Few, small renditions: the point is the markup and the files, not the encoder's speed. */
const CONFIG = JSON.stringify({
  title: 'Warta Gambar',
  baseUrl: 'https://gambar.example/',
  images: { widths: [160, 320], cardWidths: [120] },
});

/** A 1800 × 600 photo in three flat thirds, red, green and blue: a crop shows where it was taken. */
async function thirds(shade = 0): Promise<Buffer> {
  const width = 1800;
  const height = 600;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const third = Math.floor(x / 600);
      const at = (y * width + x) * 3;
      pixels[at] = third === 0 ? 220 : shade;
      pixels[at + 1] = third === 1 ? 200 : shade;
      pixels[at + 2] = third === 2 ? 230 : shade;
    }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

let photo: Buffer;
let otherPhoto: Buffer;
let map: Buffer;
let avatar: Buffer;
beforeAll(async () => {
  photo = await thirds();
  otherPhoto = await thirds(60);
  // Transparent corners: its fallback is a PNG, not a JPEG.
  map = await sharp({
    create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 90, b: 160, alpha: 0.5 } },
  })
    .png()
    .toBuffer();
  avatar = await sharp({ create: { width: 240, height: 240, channels: 3, background: '#c84' } })
    .jpeg()
    .toBuffer();
});

/** The site: a static lead image, a page bundle with a lead and a body image, and a profile with an avatar. */
function imageSite(): string {
  return createFixtureSite({
    'newsgen.config.json': CONFIG,
    'content/ekonomi/kiri.md': article(
      {
        title: 'Kiri',
        author: 'Rina Wulandari',
        image: '{ src: /images/tiga.jpg, alt: Tiga warna, focus: [0.1, 0.5] }',
      },
      'Isi berita kiri.\n',
    ),
    'content/nasional/banjir/index.md': article(
      { title: 'Banjir', image: '{ src: foto-1.jpg, alt: Banjir, focus: [0.9, 0.5] }' },
      'Paragraf pertama.\n\n![Peta genangan](peta.png)\n\n![Luar](https://cdn.example/luar.jpg)\n',
    ),
    'content/authors/rina.md': '---\nname: Rina Wulandari\navatar: /images/rina.jpg\n---\nRedaktur.\n',
    'static/images/tiga.jpg': photo,
    'static/images/rina.jpg': avatar,
    'content/nasional/banjir/foto-1.jpg': photo,
    'content/nasional/banjir/peta.png': map,
  });
}

/** A build session of the site (the cache in `cache/` unless `cache` is false). */
async function openSession(dir: string, cache = true): Promise<BuildSession> {
  const { config } = await resolveConfig(dir, await loadConfig(dir, undefined), { now: NOW }, new Date());
  return createBuildSession(config, {
    logger: createLogger({ level: 'silent' }),
    version: 'test',
    cacheDir: cache ? path.join(dir, 'cache') : undefined,
    concurrency: 0,
  });
}

/** One build of a fresh session, as `newsgen build` runs it. */
async function buildOnce(dir: string, cache = true): Promise<SessionBuildResult> {
  const session = await openSession(dir, cache);
  try {
    return await session.build();
  } finally {
    await session.close();
  }
}

function page(dir: string, file: string): Document {
  return new DOMParser().parseFromString(
    readFileSync(path.join(dir, 'dist', file), 'utf8'),
    'text/html',
  ) as unknown as Document;
}

/** Every URL of a `srcset` with its width descriptor. */
function candidates(srcset: string | null): { url: string; width: number }[] {
  return (srcset ?? '').split(', ').map((entry) => {
    const [url = '', width = ''] = entry.split(' ');
    return { url, width: Number.parseInt(width, 10) };
  });
}

/** The channel (0 red, 1 green, 2 blue) with the highest mean in a published image. */
async function dominantChannel(dir: string, url: string): Promise<number> {
  const { channels } = await sharp(path.join(dir, 'dist', url)).stats();
  const means = channels.slice(0, 3).map((channel) => channel.mean);
  return means.indexOf(Math.max(...means));
}

/** A fresh cold build (no cache) of a copy of `dir`'s content, static folder and config. */
async function coldCopy(dir: string): Promise<Map<string, string>> {
  const fresh = copySiteSources(dir, 'images-cold');
  await buildOnce(fresh, false);
  return snapshotTree(path.join(fresh, 'dist'));
}

// Timeout: encodes a few dozen small images in AVIF, WebP, JPEG and PNG.
describe('a build with images', { timeout: 60_000 }, () => {
  test('writes <picture> markup whose every file exists in its format and width, crops around the focal point, and publishes page bundle originals', async () => {
    const dir = imageSite();
    const result = await buildOnce(dir);
    expect(result.warnings.map((warning) => `${warning.file} ${warning.ruleId}`)).toEqual([]);
    const doc = page(dir, 'nasional/banjir/index.html');
    const [lead, body] = [...doc.querySelectorAll('picture')];
    expect([...(lead?.querySelectorAll('source') ?? [])].map((source) => source.getAttribute('type'))).toEqual([
      'image/avif',
      'image/webp',
    ]);
    const img = lead?.querySelector('img');
    // The lead is the 16:9 crop around the focus (the blue third), not the whole 3:1 photo.
    expect(img?.getAttribute('src')).toMatch(/^\/_images\/foto-1-16x9-320\.[0-9a-f]{10}\.jpg$/);
    expect([img?.getAttribute('width'), img?.getAttribute('height')]).toEqual(['320', '180']);
    expect(await dominantChannel(dir, img?.getAttribute('src') ?? '')).toBe(2);
    expect(img?.getAttribute('fetchpriority')).toBe('high');
    const formats = { avif: 'heif', webp: 'webp', jpg: 'jpeg', png: 'png' } as const;
    const formatOf = (url: string) => formats[url.slice(url.lastIndexOf('.') + 1) as keyof typeof formats];
    for (const element of [...doc.querySelectorAll('picture source')])
      for (const { url, width } of candidates(element.getAttribute('srcset'))) {
        const metadata = await sharp(path.join(dir, 'dist', url)).metadata();
        expect([metadata.format, metadata.width], url).toEqual([formatOf(url), width]);
      }
    // The fallback is one file, the <img>'s src (browsers without AVIF and WebP), in the crop's aspect ratio.
    for (const fallback of [...doc.querySelectorAll('picture img')]) {
      const url = fallback.getAttribute('src') ?? '';
      const metadata = await sharp(path.join(dir, 'dist', url)).metadata();
      expect([fallback.getAttribute('srcset'), fallback.getAttribute('sizes')], url).toEqual([null, null]);
      expect(metadata.format, url).toBe(formatOf(url));
      expect(metadata.width, url).toBeLessThanOrEqual(960);
      const ratio = Number(fallback.getAttribute('width')) / Number(fallback.getAttribute('height'));
      expect(Math.abs((metadata.width ?? 0) / (metadata.height ?? 1) - ratio), url).toBeLessThan(0.02);
    }
    // The body image keeps its alt text; transparency makes its fallback a PNG; the remote one stays as written.
    expect(body?.querySelector('img')?.getAttribute('alt')).toBe('Peta genangan');
    expect(body?.querySelector('img')?.getAttribute('src')).toMatch(/^\/_images\/peta-300\.[0-9a-f]{10}\.png$/);
    expect(doc.querySelector('img[src="https://cdn.example/luar.jpg"]')).not.toBeNull();
    // The 1:1 crop of the JSON-LD lies around the focus: the blue third here, the red third for the other article.
    const square = (file: string) => {
      const json = page(dir, file).querySelector('script[type="application/ld+json"]')?.textContent ?? '';
      return (/"(https:[^"]*-1x1-600\.[0-9a-f]{10}\.jpg)"/.exec(json)?.[1] ?? '').replace('https://gambar.example', '');
    };
    expect(await dominantChannel(dir, square('nasional/banjir/index.html'))).toBe(2);
    expect(await dominantChannel(dir, square('ekonomi/kiri/index.html'))).toBe(0);
    // A listing's cards are small and lazy (a section front's lead, its only picture here, is large and eager).
    const card = page(dir, 'author/rina-wulandari/index.html').querySelector('.stream picture img');
    expect([card?.getAttribute('width'), card?.getAttribute('height'), card?.getAttribute('loading')]).toEqual([
      '120',
      '67',
      'lazy',
    ]);
    const avatarImg = page(dir, 'author/rina-wulandari/index.html').querySelector('picture img');
    expect(avatarImg?.getAttribute('src')).toMatch(/^\/_images\/rina-192\.[0-9a-f]{10}\.jpg$/);
    expect(readFileSync(path.join(dir, 'dist/nasional/banjir/foto-1.jpg'))).toEqual(photo);
    expect(readFileSync(path.join(dir, 'dist/nasional/banjir/peta.png'))).toEqual(map);
    // Feeds point at the 1200 px share crop (16:9) and carry the body's pictures with absolute URLs.
    const feed = readFileSync(path.join(dir, 'dist/feed.json'), 'utf8');
    expect(feed).toMatch(/"image": "https:\/\/gambar\.example\/_images\/foto-1-16x9-1067\.[0-9a-f]{10}\.jpg"/);
    expect(feed).toContain('https://gambar.example/_images/peta-300.');
  });

  test('encodes every file once: a cold build from the cache encodes nothing, and a changed photo renders again only the pages showing it, as a fresh build would', async () => {
    const dir = imageSite();
    // Both copies of the photo also in their own shape (body images): the same pixels under two names.
    appendFileSync(path.join(dir, 'content/ekonomi/kiri.md'), '\n![Tiga](/images/tiga.jpg)\n');
    appendFileSync(path.join(dir, 'content/nasional/banjir/index.md'), '\n![Foto](foto-1.jpg)\n');
    const first = await buildOnce(dir);
    // Each derived file once, though two sources have the same bytes: their plain sizes differ only in name.
    const published = readdirSync(path.join(dir, 'dist/_images'));
    const distinct = new Set(
      published.map((file) => readFileSync(path.join(dir, 'dist/_images', file)).toString('base64')),
    );
    expect(first.images?.encoded).toBe(distinct.size);
    expect(published.length).toBeGreaterThan(distinct.size);
    const reference = snapshotTree(path.join(dir, 'dist'));
    rmSync(path.join(dir, 'dist'), { recursive: true });
    const second = await buildOnce(dir);
    expect(second.images).toEqual({ read: 0, encoded: 0 });
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(reference);

    writeFileSync(path.join(dir, 'content/nasional/banjir/foto-1.jpg'), otherPhoto);
    const changed = await buildOnce(dir);
    expect(changed.images?.read).toBe(1);
    expect(changed.written).toContain('nasional/banjir/index.html');
    expect(changed.written).toContain('nasional/banjir/foto-1.jpg');
    expect(changed.written).not.toContain('ekonomi/kiri/index.html');
    // Old names go: a name carries the hash of the bytes it was made from.
    expect(changed.deleted.filter((file) => file.startsWith('_images/foto-1-')).length).toBeGreaterThan(10);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(await coldCopy(dir));
  });

  test('a derived file missing from the cache (deleted by hand) is encoded again, not trusted: the same output, no error', async () => {
    const dir = imageSite();
    await buildOnce(dir);
    const reference = snapshotTree(path.join(dir, 'dist'));
    const stored = readdirSync(path.join(dir, 'cache'), { recursive: true, encoding: 'utf8' }).filter((file) =>
      /\.(avif|webp|jpg|png)$/.test(file),
    );
    expect(stored.length).toBeGreaterThan(10);
    for (const file of stored.slice(0, 3)) rmSync(path.join(dir, 'cache', file));
    rmSync(path.join(dir, 'dist'), { recursive: true });
    const again = await buildOnce(dir);
    expect(again.images?.encoded).toBeGreaterThan(0);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(reference);
  });

  test('a long-lived session (watch, serve) reads and encodes only the photo that changed and renders again only the pages showing it', async () => {
    const dir = imageSite();
    const session = await openSession(dir);
    try {
      await session.build();
      writeFileSync(path.join(dir, 'static/images/tiga.jpg'), otherPhoto);
      const staticChange = await session.build({ static: true });
      expect(staticChange.images?.read).toBe(1);
      expect(staticChange.images?.encoded).toBeGreaterThan(0);
      expect(staticChange.written).toContain('ekonomi/kiri/index.html');
      // Only the changed photo's files are new: the other sources' names are unchanged.
      expect(staticChange.written.filter((file) => /^_images\/(?!tiga-)/.test(file))).toEqual([]);
      // A page bundle's photo, as a watcher reports it: list the content again. Bytes the store has never
      // seen (a file with the bytes of another photo it read is known by them, and not decoded again).
      writeFileSync(path.join(dir, 'content/nasional/banjir/peta.png'), await thirds(120));
      const bundleChange = await session.build({ templates: false });
      expect(bundleChange.images?.read).toBe(1);
      expect(bundleChange.written).toContain('nasional/banjir/index.html');
      expect(bundleChange.written).toContain('nasional/banjir/peta.png');
      expect(bundleChange.written).not.toContain('ekonomi/kiri/index.html');
      expect(snapshotTree(path.join(dir, 'dist'))).toEqual(await coldCopy(dir));
    } finally {
      await session.close();
    }
  });

  test('one-change builds equal fresh builds: a body image added, a focus moved, a lead swapped, a bundle photo removed from use', async () => {
    const dir = imageSite();
    await buildOnce(dir);
    const edit = (file: string, change: (text: string) => string) =>
      writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), 'utf8')));
    const steps: [string, () => void][] = [
      ['a body image added', () => edit('content/ekonomi/kiri.md', (text) => `${text}\n![Peta](/images/tiga.jpg)\n`)],
      ['a focus moved', () => edit('content/ekonomi/kiri.md', (text) => text.replace('[0.1, 0.5]', '[0.5, 0.5]'))],
      [
        'a lead swapped',
        () => edit('content/nasional/banjir/index.md', (text) => text.replace('foto-1.jpg', 'peta.png')),
      ],
      [
        'a body image removed',
        () => edit('content/nasional/banjir/index.md', (text) => text.replace('(peta.png)', '')),
      ],
    ];
    for (const [label, step] of steps) {
      step();
      const result = await buildOnce(dir);
      expect(result.images?.encoded, label).toBeLessThan(40);
      expect(snapshotTree(path.join(dir, 'dist')), `after ${label}`).toEqual(await coldCopy(dir));
    }
  });

  test('fails on a corrupt and an oversized image, naming the article and line of each use, and writes nothing', async () => {
    const dir = imageSite();
    await buildOnce(dir);
    const before = snapshotTree(path.join(dir, 'dist'));
    const config = JSON.parse(CONFIG);
    writeFileSync(
      path.join(dir, 'newsgen.config.json'),
      JSON.stringify({
        ...config,
        publisher: { name: 'Warta Gambar', logo: '/images/logo.png' },
        images: { ...config.images, pixelLimit: 500_000 },
      }),
    );
    writeFileSync(path.join(dir, 'content/nasional/banjir/peta.png'), map.subarray(0, 60));
    writeFileSync(
      path.join(dir, 'content/ekonomi/hilang.md'),
      article({ title: 'Hilang' }, 'Satu.\n\nDua ![Tidak ada](foto-2.jpg) di sini.\n'),
    );
    const failure = await buildOnce(dir).then(
      () => undefined,
      (error: unknown) => error,
    );
    if (!isNewsgenError(failure)) throw new Error(`Expected a NewsgenError, got ${String(failure)}`);
    // Only errors fail a build; the missing body image and logo are warnings (see the next test).
    expect(failure.diagnostics.map((d) => `${d.file}:${d.place?.line}:${d.place?.column} ${d.ruleId}`)).toEqual([
      'content/ekonomi/kiri.md:6:15 image-too-large',
      'content/nasional/banjir/index.md:6:15 image-too-large',
      'content/nasional/banjir/index.md:11:1 image-unreadable',
    ]);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
  });

  test('warns about a missing image at the line of each use (the config key for the logo) and links it as written', async () => {
    const dir = imageSite();
    rmSync(path.join(dir, 'newsgen.config.json'));
    writeFileSync(
      path.join(dir, 'newsgen.config.yaml'),
      [
        'title: Warta Gambar',
        'baseUrl: https://gambar.example/',
        'publisher:',
        '  name: Warta Gambar',
        '  logo: /images/logo.png',
        'images: { widths: [160, 320], cardWidths: [120] }',
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'content/ekonomi/hilang.md'),
      article({ title: 'Hilang' }, 'Satu.\n\nDua ![Tidak ada](foto-2.jpg) di sini.\n'),
    );
    const result = await buildOnce(dir);
    const missing = result.warnings.filter((d) => d.ruleId === 'image-missing');
    expect(missing.map((d) => `${d.file}:${d.place?.line}:${d.place?.column} ${d.severity}`)).toEqual([
      'content/ekonomi/hilang.md:10:5 warning',
      'newsgen.config.yaml:5:9 warning',
    ]);
    expect(missing[0]?.reason).toBe('Missing image file content/ekonomi/foto-2.jpg, referenced as "foto-2.jpg"');
    const body = page(dir, 'ekonomi/hilang/index.html').querySelector('article.article img[alt="Tidak ada"]');
    expect(body?.getAttribute('src')).toBe('/ekonomi/foto-2.jpg');
  });

  test('with images: false links every image as written, moves only page bundle paths, and encodes nothing', async () => {
    const dir = imageSite();
    writeFileSync(path.join(dir, 'newsgen.config.json'), JSON.stringify({ ...JSON.parse(CONFIG), images: false }));
    const result = await buildOnce(dir, false);
    expect(result.images).toEqual({ read: 0, encoded: 0 });
    expect(existsSync(path.join(dir, 'dist', '_images'))).toBe(false);
    const doc = page(dir, 'nasional/banjir/index.html');
    expect(doc.querySelector('picture')).toBeNull();
    expect([...doc.querySelectorAll('article.article img')].map((img) => img.getAttribute('src'))).toEqual([
      '/nasional/banjir/foto-1.jpg',
      '/nasional/banjir/peta.png',
      'https://cdn.example/luar.jpg',
    ]);
    expect(readFileSync(path.join(dir, 'dist/nasional/banjir/peta.png'))).toEqual(map);
    expect(page(dir, 'ekonomi/kiri/index.html').querySelector('article.article img')?.getAttribute('src')).toBe(
      '/images/tiga.jpg',
    );
  });

  test('with images: false, a session and fresh builds equal cold builds after photos are replaced and image paths edited', async () => {
    const dir = imageSite();
    writeFileSync(path.join(dir, 'newsgen.config.json'), JSON.stringify({ ...JSON.parse(CONFIG), images: false }));
    const edit = (file: string, change: (text: string) => string) =>
      writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), 'utf8')));
    const session = await openSession(dir);
    try {
      await session.build();
      writeFileSync(path.join(dir, 'static/images/tiga.jpg'), otherPhoto);
      await session.build({ static: true });
      expect(snapshotTree(path.join(dir, 'dist')), 'a static photo replaced').toEqual(await coldCopy(dir));
      writeFileSync(path.join(dir, 'content/nasional/banjir/peta.png'), avatar);
      const bundle = await session.build({ templates: false });
      expect(bundle.written).toEqual(['nasional/banjir/peta.png']);
      expect(snapshotTree(path.join(dir, 'dist')), 'a bundle photo replaced').toEqual(await coldCopy(dir));
      edit('content/nasional/banjir/index.md', (text) => text.replace('foto-1.jpg', 'peta.png'));
      await session.build({ templates: false });
      expect(snapshotTree(path.join(dir, 'dist')), 'a lead swapped').toEqual(await coldCopy(dir));
    } finally {
      await session.close();
    }
    edit('content/ekonomi/kiri.md', (text) => `${text}\n![Peta](../nasional/banjir/peta.png)\n`);
    await buildOnce(dir);
    expect(snapshotTree(path.join(dir, 'dist')), 'a body image added').toEqual(await coldCopy(dir));
  });
  // Timeout: four builds in new processes, two of them with a render thread.
  test('renders the same pages on a render thread as on this one, and prints an image problem at its place', () => {
    const dir = imageSite();
    const run = (concurrency: string) => {
      rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
      const built = runCli(dir, ['build', '--now', NOW, '--quiet', '--concurrency', concurrency]);
      expect(built.code, built.stderr).toBe(0);
      return snapshotTree(path.join(dir, 'dist'));
    };
    expect(run('2')).toEqual(run('0'));
    rmSync(path.join(dir, 'content/nasional/banjir/peta.png'));
    const warned = runCli(dir, ['build', '--now', NOW]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(
      /content\/nasional\/banjir\/index\.md:11:1 +warning +Missing image file content\/nasional\/banjir\/peta\.png, referenced as "peta\.png" +image-missing/,
    );
    writeFileSync(path.join(dir, 'content/nasional/banjir/peta.png'), 'bukan gambar');
    const failed = runCli(dir, ['build', '--now', NOW]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/content\/nasional\/banjir\/index\.md:11:1 +error .*image-unreadable/);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
