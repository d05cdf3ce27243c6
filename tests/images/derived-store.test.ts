import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openDerivedStore } from '../../src/images/derived-store.js';
import { DEFAULT_IMAGES } from '../../src/images/images-config.js';
import { planDerivative } from '../../src/images/plan-picture.js';
import type { SourceImage } from '../../src/images/source-image.js';

const dir = mkdtempSync(path.join(tmpdir(), 'newsgen-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOURCE: SourceImage = {
  urlPath: '/images/a.jpg',
  hash: 'c'.repeat(40),
  width: 800,
  height: 600,
  format: 'jpeg',
  hasAlpha: false,
  animated: false,
  hasLocation: false,
  attention: [0.5, 0.5],
};
const crop = { left: 0, top: 0, width: 800, height: 600 };
const derivative = (width: number) => planDerivative(SOURCE, crop, width, 'webp', '', DEFAULT_IMAGES);

describe('derived store', () => {
  test('reads again every reading of an earlier version: none knows whether the photo tells where it was taken', async () => {
    const storeDir = path.join(dir, 'stale-readings');
    mkdirSync(storeDir, { recursive: true });
    const { urlPath: _, hasLocation: __, ...old } = SOURCE;
    // sources.json as earlier versions wrote it: no `read` version (a HEIF taken for an animation, an alpha
    // channel taken for transparency), then version 2, whose readings lack `hasLocation`.
    const entry = (stamp: string, facts: Partial<SourceImage>, read?: number) => ({
      stamp,
      source: { ...old, ...facts },
      ...(read === undefined ? {} : { read }),
    });
    writeFileSync(
      path.join(storeDir, 'sources.json'),
      JSON.stringify({
        '/s/IMG_0001.HEIC': entry('10:1', { format: 'heif', animated: true }),
        '/s/shot.png': entry('20:1', { format: 'png', hasAlpha: true }),
        '/s/a.jpg': entry('40:1', {}, 2),
        '/s/b.jpg': entry('50:1', { hasLocation: true }, 3),
      }),
    );
    const later = await openDerivedStore(storeDir);
    expect(later.knownSource('/s/IMG_0001.HEIC', '10:1')).toBeUndefined();
    expect(later.knownSource('/s/shot.png', '20:1')).toBeUndefined();
    expect(later.knownSource('/s/a.jpg', '40:1')).toBeUndefined();
    expect(later.knownSourceByHash(old.hash, true)).toEqual({ ...old, hasLocation: true });
    expect(later.knownSource('/s/b.jpg', '50:1')).toEqual({ ...old, hasLocation: true });
    // Read again by this version, a photo is known from then on.
    later.rememberSource('/s/a.jpg', '40:1', { ...old, hasLocation: false });
    await later.save();
    expect((await openDerivedStore(storeDir)).knownSource('/s/a.jpg', '40:1')).toMatchObject({ hasLocation: false });
  });

  test('knows a reading by its bytes under any file and stamp, a full one for a use that needs more than the header', async () => {
    const storeDir = path.join(dir, 'by-hash');
    const { urlPath: _, ...source } = SOURCE;
    const first = await openDerivedStore(storeDir);
    expect(first.knownSourceByHash(source.hash, true)).toBeUndefined();
    first.rememberSource('/a/static/images/a.jpg', '10:1:header', { ...source, attention: [0, 0] });
    expect(first.knownSourceByHash(source.hash, true)).toEqual({ ...source, attention: [0, 0] });
    // A header alone has no attention point to give a use that crops.
    expect(first.knownSourceByHash(source.hash, false)).toBeUndefined();
    first.rememberSource('/a/static/images/a.jpg', '10:1', source);
    await first.save();
    // Reopened by a later build: the full reading, whatever file or stamp asks.
    const later = await openDerivedStore(storeDir);
    expect(later.knownSource('/b/static/images/a.jpg', '10:2')).toBeUndefined();
    expect(later.knownSourceByHash(source.hash, false)).toEqual(source);
    expect(later.knownSourceByHash(source.hash, true)).toEqual(source);
    expect(later.knownSourceByHash('d'.repeat(40), true)).toBeUndefined();
  });

  test('names each file as path.join would, however its folder is spelled', async () => {
    const file = derivative(200);
    for (const folder of [path.join(dir, 'eja'), `${path.join(dir, 'eja')}${path.sep}`, '.', 'relatif/./toko', ''])
      expect((await openDerivedStore(folder)).fileOf(file)).toBe(
        path.join(folder, file.key.slice(0, 2), `${file.key}${path.extname(file.urlPath)}`),
      );
  });

  test('knows the files on disk, those put during the build, and never a half-written one', async () => {
    const storeDir = path.join(dir, 'store');
    const [kept, put, half] = [derivative(200), derivative(400), derivative(600)];
    const store = await openDerivedStore(storeDir);
    mkdirSync(path.dirname(store.fileOf(kept)), { recursive: true });
    writeFileSync(store.fileOf(kept), 'webp');
    mkdirSync(path.dirname(store.fileOf(half)), { recursive: true });
    writeFileSync(`${store.fileOf(half)}.1234.tmp`, 'half');
    expect([store.has(kept), store.has(put), store.has(half)]).toEqual([true, false, false]);
    await store.put(put, Buffer.from('webp'));
    expect(store.has(put)).toBe(true);
    await store.save();
    // The next build lists the folder again: a file removed between builds is encoded again.
    rmSync(store.fileOf(kept));
    expect([store.has(kept), store.has(put)]).toEqual([false, true]);
  });
});
