import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listDerivedFiles } from '../../src/images/derived-groups.js';
import { openDerivedStore } from '../../src/images/derived-store.js';
import { encodeMissing } from '../../src/images/encode-missing.js';
import { createImageEncoder } from '../../src/images/image-encoder.js';
import { DEFAULT_IMAGES, type ImagesConfig } from '../../src/images/images-config.js';
import { type ImageOwner, type PreparedImages, prepareImages } from '../../src/images/prepare-images.js';

const root = mkdtempSync(path.join(tmpdir(), 'newsgen-prepare-images-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const folders = { contentDir: path.join(root, 'content'), staticDir: path.join(root, 'static') };
const encoder = createImageEncoder();
const CONFIG: ImagesConfig = { ...DEFAULT_IMAGES, widths: [300, 600], cardWidths: [200] };

async function photo(file: string, width: number, height: number): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const bytes = await sharp({ create: { width, height, channels: 3, background: '#3a6' } })
    .jpeg()
    .toBuffer();
  writeFileSync(file, bytes);
}

beforeAll(async () => {
  await photo(path.join(folders.staticDir, 'images', 'lead.jpg'), 1600, 900);
  await photo(path.join(folders.staticDir, 'images', 'small.jpg'), 800, 450);
  await photo(path.join(folders.contentDir, 'nasional', 'banjir', 'foto-1.jpg'), 1000, 750);
  writeFileSync(path.join(folders.staticDir, 'images', 'rusak.jpg'), 'not a jpeg');
});

const owners: ImageOwner[] = [
  {
    sourcePath: 'ekonomi/a.md',
    displayPath: 'content/ekonomi/a.md',
    lead: { src: '/images/lead.jpg', owner: 'ekonomi/a.md', focus: 'auto', place: { line: 4, column: 8 } },
    body: [],
    featured: true,
  },
  {
    sourcePath: 'nasional/banjir/index.md',
    displayPath: 'content/nasional/banjir/index.md',
    lead: { src: 'foto-1.jpg', owner: 'nasional/banjir/index.md', place: { line: 5, column: 8 } },
    body: [
      { src: 'foto-1.jpg', place: { line: 10, column: 1 } },
      { src: 'foto-2.jpg', place: { line: 12, column: 3 } },
      { src: 'https://cdn.example/luar.jpg', place: { line: 14, column: 1 } },
    ],
  },
  {
    sourcePath: 'olahraga/b.md',
    displayPath: 'content/olahraga/b.md',
    lead: { src: '/images/small.jpg', owner: 'olahraga/b.md', place: { line: 3, column: 8 } },
    body: [{ src: '/images/rusak.jpg', place: { line: 9, column: 1 } }],
  },
];

/** Every derived file planned, as `[output path, key]`. */
function derivedFiles(prepared: PreparedImages): [string, string][] {
  return listDerivedFiles(prepared.derived).map((file) => [file.path, file.key]);
}

function prepare(config: ImagesConfig | false, storeName: string, from = folders) {
  return openDerivedStore(path.join(root, storeName)).then(async (store) => ({
    store,
    prepared: await prepareImages(owners, {
      config,
      folders: from,
      store,
      encoder: () => encoder,
      href: (urlPath) => `/warta${urlPath}`,
      absolute: (urlPath) => `https://warta.example.id/warta${urlPath}`,
      displayPath: (file) => path.relative(root, file).split(path.sep).join('/'),
    }),
  }));
}

describe('prepareImages', () => {
  test('reports broken images at their article lines, and missing and small lead images as warnings', async () => {
    const { prepared } = await prepare(CONFIG, 'store-a');
    expect(prepared.diagnostics.map((d) => `${d.file}:${d.place?.line} ${d.severity} ${d.ruleId}`).sort()).toEqual([
      'content/nasional/banjir/index.md:12 warning image-missing',
      'content/nasional/banjir/index.md:5 warning image-small',
      'content/olahraga/b.md:3 warning image-small',
      'content/olahraga/b.md:9 error image-unreadable',
    ]);
    expect(prepared.diagnostics.find((d) => d.ruleId === 'image-missing')?.reason).toBe(
      'Missing image file content/nasional/banjir/foto-2.jpg, referenced as "foto-2.jpg"',
    );
  });

  test('plans pictures for leads, cards and bodies, and publishes page bundle originals', async () => {
    const { prepared } = await prepare(CONFIG, 'store-b');
    const lead = prepared.catalog.picture({ src: 'foto-1.jpg', owner: 'nasional/banjir/index.md' }, 'lead');
    // The 4:3 photo's lead is its 16:9 crop (1000 × 563); its body use keeps the photo's own shape.
    expect(lead).toMatchObject({ width: 600, height: 338, sizes: CONFIG.sizes.lead });
    expect(lead?.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    expect(lead?.src).toMatch(/^\/warta\/_images\/foto-1-16x9-600\.[0-9a-f]{10}\.jpg$/);
    expect([...prepared.originals]).toEqual([
      ['nasional/banjir/foto-1.jpg', path.join(folders.contentDir, 'nasional', 'banjir', 'foto-1.jpg')],
    ]);
    const body = prepared.catalog.body(
      '<p><img src="foto-1.jpg" alt="Banjir"><img src="https://cdn.example/luar.jpg" alt=""></p>',
      'nasional/banjir/index.md',
    );
    expect(body).toMatch(
      /^<p><picture><source type="image\/avif" srcset="\/_images\/foto-1-300\.[0-9a-f]+\.avif 300w, /,
    );
    expect(body).toContain('<img src="https://cdn.example/luar.jpg" alt=""></p>');
  });

  test('encodes every planned file once: a second build encodes nothing', async () => {
    const first = await prepare(CONFIG, 'store-c');
    const encoded = await encodeMissing(first.prepared.jobs, { encoder: () => encoder, store: first.store });
    // a.md (a 16:9 photo: its 16:9 lead and featured crops are the whole photo, one set of files): lead 2 widths
    // in AVIF and WebP and one JPEG fallback, card 1 width in all three, share 4; the bundle's 4:3 photo: its
    // 16:9 lead 2 × 2 + 1, card 3, its body use in its own shape 2 × 2 + 1, and only an Open Graph crop (it is
    // under 1200 px); b.md's small 16:9 lead: lead 2 × 2 + 1, card 3, Open Graph 1.
    expect(encoded).toBe(2 * 2 + 1 + 3 + 4 + (2 * 2 + 1 + 3 + 2 * 2 + 1 + 1) + (2 * 2 + 1 + 3 + 1));
    await first.store.save();
    const second = await prepare(CONFIG, 'store-c');
    // Only the broken file is read again: what was read of good files is remembered by size and time.
    expect(second.prepared.read).toBe(1);
    expect(await encodeMissing(second.prepared.jobs, { encoder: () => encoder, store: second.store })).toBe(0);
  });

  test('decodes no photo again after a checkout gives every file a new mtime, or in another folder: the store knows their bytes', async () => {
    const first = await prepare(CONFIG, 'store-f');
    await encodeMissing(first.prepared.jobs, { encoder: () => encoder, store: first.store });
    await first.store.save();
    // The same files elsewhere, every one with the time of the copy, as a CI checkout makes them.
    const moved = path.join(root, 'checkout');
    const copy = { contentDir: path.join(moved, 'content'), staticDir: path.join(moved, 'static') };
    cpSync(folders.contentDir, copy.contentDir, { recursive: true });
    cpSync(folders.staticDir, copy.staticDir, { recursive: true });
    const later = new Date(Date.now() + 60_000);
    for (const dir of Object.values(copy))
      for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
        if (entry.isFile()) utimesSync(path.join(entry.parentPath, entry.name), later, later);
    const second = await prepare(CONFIG, 'store-f', copy);
    // Only the broken file is decoded (and reported) again; every good one is known by its bytes.
    expect(second.prepared.read).toBe(1);
    expect(derivedFiles(second.prepared)).toEqual(derivedFiles(first.prepared));
    expect(await encodeMissing(second.prepared.jobs, { encoder: () => encoder, store: second.store })).toBe(0);
  });

  test('reuses the plans of an earlier build: the same files, none planned or encoded again, until a source or the config changes', async () => {
    const first = await prepare(CONFIG, 'store-e');
    await encodeMissing(first.prepared.jobs, { encoder: () => encoder, store: first.store });
    first.prepared.remember();
    await first.store.save();
    const planned = derivedFiles(first.prepared).sort();
    // Every derived file the pages link is listed, and is in the store.
    const linked = first.prepared.catalog.picture(
      { src: '/images/lead.jpg', owner: 'ekonomi/a.md', focus: 'auto' },
      'lead',
    );
    expect(planned.map(([outPath]) => `/${outPath}`)).toContain(linked?.src.replace('/warta', ''));
    for (const [outPath, key] of planned) expect(existsSync(first.store.fileOf({ key, urlPath: outPath }))).toBe(true);

    const second = await prepare(CONFIG, 'store-e');
    expect(second.prepared.jobs).toEqual([]);
    expect(derivedFiles(second.prepared).sort()).toEqual(planned);
    // The small lead is still reported though its plan was not made again.
    expect(second.prepared.diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain('image-small');

    // A photo changed in place: only its uses are planned (and encoded) again.
    await photo(path.join(folders.contentDir, 'nasional', 'banjir', 'foto-1.jpg'), 1000, 760);
    const third = await prepare(CONFIG, 'store-e');
    // (Its lead and body uses: two plans, of the same file.)
    expect(new Set(third.prepared.jobs.map((job) => path.basename(job.file)))).toEqual(new Set(['foto-1.jpg']));
    const unchanged = planned.filter(([outPath]) => !outPath.includes('foto-1'));
    expect(
      derivedFiles(third.prepared)
        .filter(([outPath]) => !outPath.includes('foto-1'))
        .sort(),
    ).toEqual(unchanged);

    // Another config plans every use again, under new names.
    const other = await prepare({ ...CONFIG, widths: [300, 500] }, 'store-e');
    expect(new Set(other.prepared.jobs.map((job) => path.basename(job.file)))).toEqual(
      new Set(['foto-1.jpg', 'lead.jpg', 'small.jpg']),
    );
    await photo(path.join(folders.contentDir, 'nasional', 'banjir', 'foto-1.jpg'), 1000, 750);
  });

  test('with images: false reads nothing, encodes nothing and only moves page bundle paths', async () => {
    const { prepared } = await prepare(false, 'store-d');
    expect(prepared).toMatchObject({ jobs: [], read: 0, diagnostics: [] });
    expect(prepared.catalog.picture({ src: '/images/lead.jpg', owner: 'ekonomi/a.md' }, 'lead')).toBeUndefined();
    expect(prepared.catalog.body('<img src="foto-1.jpg" alt="">', 'nasional/banjir/index.md')).toBe(
      '<img src="/nasional/banjir/foto-1.jpg" alt="">',
    );
    expect(prepared.catalog.body('<img src="/images/lead.jpg" alt="">', 'ekonomi/a.md')).toBe(
      '<img src="/images/lead.jpg" alt="">',
    );
  });

  test('in CDN mode plans service URLs from the originals and encodes nothing', async () => {
    const { prepared } = await prepare(
      { ...CONFIG, service: { name: 'netlify', template: '/.netlify/images?url={src}&w={width}&h={height}' } },
      'store-e',
    );
    expect(prepared.jobs).toEqual([]);
    const card = prepared.catalog.picture({ src: '/images/lead.jpg', owner: 'ekonomi/a.md' }, 'card');
    expect(card).toMatchObject({
      src: 'https://warta.example.id/.netlify/images?url=%2Fwarta%2Fimages%2Flead.jpg&w=200&h=113',
      width: 200,
      height: 113,
      sources: [],
    });
  });
});
