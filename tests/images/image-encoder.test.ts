import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { hashBytes } from '../../src/hash/hash-bytes.js';
import { openDerivedStore } from '../../src/images/derived-store.js';
import { encodeMissing } from '../../src/images/encode-missing.js';
import { createImageEncoder } from '../../src/images/image-encoder.js';
import { DEFAULT_IMAGES } from '../../src/images/images-config.js';
import { planPicture } from '../../src/images/plan-picture.js';
import { planShareImages } from '../../src/images/plan-share-images.js';
import { type ImageReference, readSources } from '../../src/images/read-sources.js';
import type { StaticRead } from '../../src/output/static-keys.js';

const dir = mkdtempSync(path.join(tmpdir(), 'newsgen-images-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A dull grey photo with one bright, saturated spot: where the attention strategy should look. */
async function spotPhoto(width: number, height: number, spot: [number, number]): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#777"/><circle cx="${spot[0] * width}" cy="${spot[1] * height}" r="${width / 14}" fill="#f03"/><circle cx="${spot[0] * width}" cy="${spot[1] * height}" r="${width / 40}" fill="#ff0"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

const encoder = createImageEncoder();
const context = {
  config: { ...DEFAULT_IMAGES, widths: [200, 400, 800], cardWidths: [160, 320] },
  href: (urlPath: string) => urlPath,
  absolute: (urlPath: string) => `https://example.org${urlPath}`,
};

describe('image encoder', () => {
  test('reads size, format and the attention point, and encodes every rendition as planned', async () => {
    const bytes = await spotPhoto(600, 400, [0.8, 0.25]);
    const reading = await (await encoder).read(bytes, 1e8);
    if (!reading.ok) throw new Error(reading.reason);
    expect(reading.facts).toMatchObject({ width: 600, height: 400, format: 'jpeg', hasAlpha: false, animated: false });
    expect(reading.facts.attention[0]).toBeGreaterThan(0.65);
    expect(reading.facts.attention[1]).toBeLessThan(0.4);

    const source = { ...reading.facts, urlPath: '/images/spot.jpg', hash: 'c'.repeat(40) };
    const card = planPicture(source, 'card', reading.facts.attention, context);
    const encoded = await (await encoder).encode(bytes, card.derivatives);
    // 2 widths in AVIF and WebP, one JPEG fallback.
    expect(encoded).toHaveLength(5);
    for (const { derivative, bytes: output } of encoded) {
      const metadata = await sharp(output).metadata();
      expect([metadata.width, metadata.height]).toEqual([derivative.width, derivative.height]);
      expect(metadata.format).toBe(derivative.format === 'avif' ? 'heif' : derivative.format);
    }
    // The 16:9 crop keeps the spot: its top edge moved up towards it, away from the centre.
    expect(card.derivatives[0]?.crop).toEqual({ left: 0, top: 0, width: 600, height: 338 });
    const jpeg = encoded.find((image) => image.derivative.format === 'jpeg' && image.derivative.width === 320);
    const { data, info } = await sharp(jpeg?.bytes).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) =>
      data[(Math.round(y * info.height) * info.width + Math.round(x * info.width)) * 3];
    expect(at(0.8, 0.3)).toBeGreaterThan(200);
  });

  test('writes a PNG fallback with its transparency for images that have some', async () => {
    const bytes = await sharp({
      create: { width: 300, height: 300, channels: 4, background: { r: 0, g: 90, b: 200, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    const reading = await (await encoder).read(bytes, 1e8);
    if (!reading.ok) throw new Error(reading.reason);
    const picture = planPicture(
      { ...reading.facts, urlPath: '/a.png', hash: 'd'.repeat(40) },
      'avatar',
      [0.5, 0.5],
      context,
    );
    const png = (await (await encoder).encode(bytes, picture.derivatives)).find(
      (image) => image.derivative.format === 'png' && image.derivative.width === 192,
    );
    const metadata = await sharp(png?.bytes).metadata();
    expect(metadata).toMatchObject({ format: 'png', hasAlpha: true, width: 192 });
  });

  test("lays the share crops of a transparent lead image on white, in JPEG, not on a link preview's own black", async () => {
    // Dark text on a transparent background, as a screenshot of a chart or a logo exported for the web.
    const pixels = Buffer.alloc(400 * 300 * 4);
    for (let i = 0; i < 400 * 300; i += 1) pixels.set([20, 20, 20, i % 400 > 150 && i % 400 < 250 ? 255 : 0], i * 4);
    const bytes = await sharp(pixels, { raw: { width: 400, height: 300, channels: 4 } })
      .png()
      .toBuffer();
    const reading = await (await encoder).read(bytes, 1e8);
    if (!reading.ok) throw new Error(reading.reason);
    const share = planShareImages(
      { ...reading.facts, urlPath: '/chart.png', hash: 'e'.repeat(40) },
      [0.5, 0.5],
      context,
    );
    expect(share.openGraph.url).toMatch(/\.jpg$/);
    const encoded = await (await encoder).encode(bytes, share.derivatives);
    expect(encoded.map((image) => image.derivative.format)).toEqual(['jpeg']);
    const { data, info } = await sharp(encoded[0]?.bytes).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number) => data[Math.round(info.height / 2) * info.width * 3 + Math.round(x * info.width) * 3];
    expect(at(0.05)).toBeGreaterThan(245); // the transparent margin, white
    expect(at(0.5)).toBeLessThan(40); // the dark text, as it was
  });

  test('a PNG whose alpha channel is opaque everywhere (a screenshot) is read as without transparency: its fallback is a JPEG', async () => {
    const png = (alpha: (x: number) => number) => {
      const pixels = Buffer.alloc(64 * 48 * 4);
      for (let i = 0; i < 64 * 48; i += 1) pixels.set([(i * 7) % 256, (i * 3) % 256, 90, alpha(i % 64)], i * 4);
      return sharp(pixels, { raw: { width: 64, height: 48, channels: 4 } })
        .png()
        .toBuffer();
    };
    const opaque = await (await encoder).read(await png(() => 255), 1e8);
    const cutOut = await (await encoder).read(await png((x) => (x < 8 ? 0 : 255)), 1e8);
    expect(opaque).toMatchObject({ ok: true, facts: { format: 'png', hasAlpha: false } });
    expect(cutOut).toMatchObject({ ok: true, facts: { format: 'png', hasAlpha: true } });
  });

  test("makes a size's bytes the same whichever other sizes are encoded with it (its name promises them)", async () => {
    // Fine detail, which every resampling path renders differently.
    const bytes = await sharp({
      create: {
        width: 1600,
        height: 900,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .jpeg({ quality: 90 })
      .toBuffer();
    const reading = await (await encoder).read(bytes, 1e8);
    if (!reading.ok) throw new Error(reading.reason);
    const source = { ...reading.facts, urlPath: '/images/noise.jpg', hash: 'e'.repeat(40) };
    const lead = planPicture(source, 'lead', [0.5, 0.5], context);
    const together = await (await encoder).encode(bytes, lead.derivatives);
    const narrowest = lead.derivatives.filter((derivative) => derivative.width === 200);
    expect(narrowest.length).toBeGreaterThan(1);
    const alone = await (await encoder).encode(bytes, narrowest);
    for (const { derivative, bytes: output } of alone)
      expect(together.find((image) => image.derivative.key === derivative.key)?.bytes.equals(output)).toBe(true);
  });

  test('refuses corrupt, truncated, unsupported and oversized files with a reason', async () => {
    const photo = await spotPhoto(300, 200, [0.5, 0.5]);
    const read = async (bytes: Uint8Array, limit = 1e8) => (await encoder).read(bytes, limit);
    expect(await read(Buffer.from('not an image at all'))).toMatchObject({ ok: false, problem: 'unreadable' });
    expect(await read(photo.subarray(0, photo.length / 2))).toMatchObject({ ok: false, problem: 'unreadable' });
    expect(await read(photo, 50_000)).toEqual({
      ok: false,
      problem: 'too-large',
      reason: '300 × 200 pixels is over the limit of 50,000 pixels',
    });
  });
});

/** A use of a static image by one article. */
function staticUse(file: string, urlPath: string): ImageReference {
  return { file, urlPath, written: urlPath, usedBy: { file: 'a.md', place: undefined } };
}

/** One build's reading of `references` with the store in `storeDir`, which is saved after it. */
async function readOnce(
  storeDir: string,
  references: ImageReference[],
  staticStamps?: Record<string, string>,
  staticReads?: Map<string, StaticRead>,
) {
  const store = await openDerivedStore(storeDir);
  const readings = await readSources(references, {
    encoder: () => encoder,
    store,
    pixelLimit: 1e8,
    displayPath: (f) => path.basename(f),
    staticStamps,
    staticReads: staticReads && { wait: async () => staticReads },
  });
  await store.save();
  return readings;
}

describe('encodeMissing and readSources', () => {
  test('encode each derived image once: a second build with the same store encodes nothing', async () => {
    const file = path.join(dir, 'foto-1.jpg');
    writeFileSync(file, await spotPhoto(900, 600, [0.3, 0.6]));
    const storeDir = path.join(dir, 'store');
    const use = {
      file,
      urlPath: '/nasional/banjir/foto-1.jpg',
      written: 'foto-1.jpg',
      usedBy: { file: 'content/a.md', place: { line: 4, column: 3 } },
    };
    const build = async () => {
      const store = await openDerivedStore(storeDir);
      const readings = await readSources([use, use], {
        encoder: () => encoder,
        store,
        pixelLimit: 1e8,
        displayPath: (f) => path.basename(f),
      });
      const source = readings.sources.get(file);
      if (!source) throw new Error('not read');
      const lead = planPicture(source, 'lead', source.attention, context);
      const share = planShareImages(source, source.attention, context);
      const encoded = await encodeMissing([{ file, derivatives: [...lead.derivatives, ...share.derivatives] }], {
        encoder: () => encoder,
        store,
      });
      await store.save();
      return { encoded, read: readings.read, store, lead };
    };
    const cold = await build();
    // 3 widths in AVIF and WebP, one JPEG fallback, and the Open Graph crop of a source under 1200 px.
    expect(cold).toMatchObject({ read: 1, encoded: 3 * 2 + 1 + 1 });
    for (const derivative of cold.lead.derivatives) expect(cold.store.has(derivative)).toBe(true);
    const warm = await build();
    expect(warm).toMatchObject({ read: 0, encoded: 0 });
  });

  test('reads only the header for an image CDN, and decodes the file when a later build encodes it', async () => {
    const file = path.join(dir, 'cdn.jpg');
    writeFileSync(file, await spotPhoto(900, 600, [0.8, 0.2]));
    const storeDir = path.join(dir, 'store-cdn');
    const use = staticUse(file, '/images/cdn.jpg');
    const read = async (headerOnly: boolean) => {
      const readings = await readOnce(storeDir, [{ ...use, headerOnly }]);
      return { read: readings.read, source: readings.sources.get(file) };
    };
    const header = await read(true);
    expect(header).toMatchObject({ read: 1, source: { width: 900, height: 600, attention: [0.5, 0.5] } });
    expect(await read(true)).toMatchObject({ read: 0 });
    const decoded = await read(false);
    expect(decoded.read).toBe(1);
    expect(decoded.source?.attention[0]).toBeGreaterThan(0.6);
    // A full reading serves a later CDN build too.
    expect(await read(true)).toMatchObject({ read: 0, source: { attention: decoded.source?.attention } });
    const truncated = (await spotPhoto(300, 200, [0.5, 0.5])).subarray(0, 600);
    expect(await (await encoder).read(truncated, 1e8, true)).toMatchObject({ ok: true, facts: { width: 300 } });
  });

  test("takes a static file's stamp from the build's listing instead of statting it; one the listing lacks is missing", async () => {
    const file = path.join(dir, 'listed.jpg');
    writeFileSync(file, await spotPhoto(600, 400, [0.5, 0.5]));
    const storeDir = path.join(dir, 'store-listed');
    const use = staticUse(file, '/images/listed.jpg');
    const read = (staticStamps: Record<string, string> | undefined, inContent = false) =>
      readOnce(storeDir, [{ ...use, inContent }], staticStamps);
    expect((await read({ 'images/listed.jpg': '1:1' })).read).toBe(1);
    // The listed stamp is what the store knows the file by: the file is not looked at again, new bytes or not.
    writeFileSync(file, await spotPhoto(600, 400, [0.2, 0.8]));
    expect((await read({ 'images/listed.jpg': '1:1' })).read).toBe(0);
    // Another stamp in the listing: looked at again, and its new bytes decoded.
    expect((await read({ 'images/listed.jpg': '2:2' })).read).toBe(1);
    // Without a listing: its own stat, which the store has not seen; but it has seen the bytes, so nothing is decoded.
    expect((await read(undefined)).read).toBe(0);
    expect((await read(undefined)).read).toBe(0);
    // On disk but not listed (as a link the walk refused): missing, and not read.
    expect(await read({})).toMatchObject({ read: 0, diagnostics: [{ ruleId: 'image-missing' }] });
    // A page bundle's file is never taken from the static folder's listing.
    expect((await read({ 'images/listed.jpg': '1:1' }, true)).read).toBe(0);
    rmSync(file);
    // Listed, but gone before it could be read: missing, as when no file is found.
    expect((await read({ 'images/listed.jpg': '3:3' })).diagnostics.map((d) => d.ruleId)).toEqual(['image-missing']);
    expect((await read(undefined)).diagnostics.map((d) => d.ruleId)).toEqual(['image-missing']);
  });

  test('takes a static file hashed on a thread by its hash, without reading it, when the store knows those bytes', async () => {
    const file = path.join(dir, 'hashed.jpg');
    const bytes = await spotPhoto(600, 400, [0.5, 0.5]);
    writeFileSync(file, bytes);
    const storeDir = path.join(dir, 'store-hashed');
    const use = staticUse(file, '/images/hashed.jpg');
    expect((await readOnce(storeDir, [use], { 'images/hashed.jpg': '1:1' })).read).toBe(1);
    const read = (hash: string) =>
      readOnce(
        storeDir,
        [use],
        { 'images/hashed.jpg': '2:2' },
        new Map([['images/hashed.jpg', { hash, measured: false, size: undefined }]]),
      );
    // A fresh checkout: another stamp, the same bytes by the thread's hash. The file is not opened (it is gone here).
    rmSync(file);
    const checkout = await read(hashBytes(bytes));
    expect(checkout).toMatchObject({ read: 0, diagnostics: [] });
    expect(checkout.sources.get(file)).toMatchObject({ width: 600, height: 400, hash: hashBytes(bytes) });
    // Bytes the store has not seen: read here, as without the thread.
    writeFileSync(file, await spotPhoto(300, 200, [0.5, 0.5]));
    const other = await readOnce(
      storeDir,
      [use],
      { 'images/hashed.jpg': '3:3' },
      new Map([['images/hashed.jpg', { hash: 'e'.repeat(40), measured: false, size: undefined }]]),
    );
    expect(other.read).toBe(1);
    expect(other.sources.get(file)).toMatchObject({ width: 300, height: 200 });
  });

  test('reports a missing or broken image at every place that uses it', async () => {
    const broken = path.join(dir, 'rusak.jpg');
    writeFileSync(broken, 'GIF89a but not really');
    const store = await openDerivedStore(path.join(dir, 'store-2'));
    const uses = [
      {
        file: path.join(dir, 'hilang.jpg'),
        urlPath: '/x/hilang.jpg',
        written: 'hilang.jpg',
        usedBy: { file: 'content/x/index.md', place: { line: 12, column: 1 } },
      },
      {
        file: broken,
        urlPath: '/images/rusak.jpg',
        written: '/images/rusak.jpg',
        usedBy: { file: 'content/a.md', place: { line: 3, column: 8 } },
      },
      {
        file: broken,
        urlPath: '/images/rusak.jpg',
        written: '/images/rusak.jpg',
        usedBy: { file: 'content/b.md', place: { line: 5, column: 8 } },
      },
    ];
    const { diagnostics, sources } = await readSources(uses, {
      encoder: () => encoder,
      store,
      pixelLimit: 1e8,
      displayPath: (f) => path.basename(f),
    });
    expect(sources.size).toBe(0);
    expect(diagnostics.map((d) => [d.file, d.place?.line, d.ruleId]).sort()).toEqual([
      ['content/a.md', 3, 'image-unreadable'],
      ['content/b.md', 5, 'image-unreadable'],
      ['content/x/index.md', 12, 'image-missing'],
    ]);
    expect(diagnostics.find((d) => d.ruleId === 'image-missing')?.reason).toBe(
      'Missing image file hilang.jpg, referenced as "hilang.jpg"',
    );
  });
});
