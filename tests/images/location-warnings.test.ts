import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDerivedStore } from '../../src/images/derived-store.js';
import { encodeMissing } from '../../src/images/encode-missing.js';
import { createImageEncoder } from '../../src/images/image-encoder.js';
import { DEFAULT_IMAGES, type ImagesConfig } from '../../src/images/images-config.js';
import { type ImageOwner, prepareImages } from '../../src/images/prepare-images.js';

const root = mkdtempSync(path.join(tmpdir(), 'newsgen-location-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const folders = { contentDir: path.join(root, 'content'), staticDir: path.join(root, 'static') };
const encoder = createImageEncoder();
const CONFIG: ImagesConfig = { ...DEFAULT_IMAGES, widths: [300], cardWidths: [200] };

/** A phone's photo: EXIF with the position where it was taken (Semarang), or with a copyright only. */
async function photo(file: string, gps: boolean): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const exif = gps
    ? {
        IFD3: {
          GPSLatitudeRef: 'S',
          GPSLatitude: '6/1 58/1 30/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '110/1 25/1 0/1',
        },
      }
    : { IFD0: { Copyright: 'Warta' } };
  const image = sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a6' } });
  writeFileSync(file, await image.jpeg().withExif(exif).toBuffer());
}

beforeAll(async () => {
  await photo(path.join(folders.staticDir, 'images', 'rumah narasumber.jpg'), true);
  await photo(path.join(folders.staticDir, 'images', 'kantor.jpg'), false);
  await photo(path.join(folders.contentDir, 'nasional', 'banjir', 'tanggul.jpg'), true);
});

const owners: ImageOwner[] = [
  {
    sourcePath: 'ekonomi/a.md',
    displayPath: 'content/ekonomi/a.md',
    lead: { src: '/images/rumah narasumber.jpg', owner: 'ekonomi/a.md', place: { line: 4, column: 8 } },
    body: [{ src: '/images/kantor.jpg', place: { line: 9, column: 1 } }],
  },
  {
    sourcePath: 'nasional/banjir/index.md',
    displayPath: 'content/nasional/banjir/index.md',
    lead: undefined,
    body: [
      { src: 'tanggul.jpg', place: { line: 7, column: 1 } },
      { src: '/images/rumah narasumber.jpg', place: { line: 11, column: 3 } },
    ],
  },
];

async function prepare(config: ImagesConfig) {
  const store = await openDerivedStore(path.join(root, 'store'));
  const prepared = await prepareImages(owners, {
    config,
    folders,
    store,
    encoder: () => encoder,
    href: (urlPath) => urlPath,
    absolute: (urlPath) => `https://warta.example.id${urlPath}`,
    displayPath: (file) => path.relative(root, file).split(path.sep).join('/'),
  });
  return { store, prepared };
}

const located = (diagnostics: readonly { ruleId: string; file: string; place?: { line: number; column: number } }[]) =>
  diagnostics
    .filter((diagnostic) => diagnostic.ruleId === 'image-location')
    .map((diagnostic) => `${diagnostic.file}:${diagnostic.place?.line}:${diagnostic.place?.column}`)
    .sort();

describe('image-location', () => {
  test('warns at every use of a published original whose EXIF gives where it was taken, and a warm build warns the same without decoding', async () => {
    const cold = await prepare(CONFIG);
    expect(located(cold.prepared.diagnostics)).toEqual([
      'content/ekonomi/a.md:4:8',
      'content/nasional/banjir/index.md:11:3',
      'content/nasional/banjir/index.md:7:1',
    ]);
    const warning = cold.prepared.diagnostics.find((diagnostic) => diagnostic.file === 'content/ekonomi/a.md');
    expect(warning).toMatchObject({ severity: 'warning', ruleId: 'image-location' });
    expect(warning?.reason).toBe(
      'Unexpected GPS position in static/images/rumah narasumber.jpg, published as it is: it tells where the photo was taken',
    );
    expect(warning?.hint).toBe(
      "Run `exiftool -gps:all= 'static/images/rumah narasumber.jpg'`, or export it without location.",
    );
    expect(cold.prepared.read).toBe(3);
    // The derived files the pages link carry no metadata: only the original tells.
    await encodeMissing(cold.prepared.jobs, { encoder: () => encoder, store: cold.store });
    cold.prepared.remember();
    await cold.store.save();
    for (const job of cold.prepared.jobs)
      for (const derivative of job.derivatives)
        expect((await sharp(readFileSync(cold.store.fileOf(derivative))).metadata()).exif).toBeUndefined();

    const warm = await prepare(CONFIG);
    expect(warm.prepared.read).toBe(0);
    expect(warm.prepared.diagnostics).toEqual(cold.prepared.diagnostics);
  });

  test('warns in CDN mode too, where only the header is read: the original is still published', async () => {
    const { prepared } = await prepare({
      ...CONFIG,
      service: { name: 'netlify', template: '/.netlify/images?url={src}&w={width}&h={height}' },
    });
    expect(located(prepared.diagnostics)).toHaveLength(3);
  });
});
