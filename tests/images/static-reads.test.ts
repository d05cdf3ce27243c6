import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { imageSize } from 'image-size';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { hashBytes } from '../../src/hash/hash-bytes.js';
import {
  decodeStaticReads,
  encodeStaticReads,
  readStaticAside,
  readStaticFiles,
  type StaticToRead,
} from '../../src/images/static-reads.js';
import { splitStaticKey, staticKey } from '../../src/output/static-keys.js';
import { ROOT } from '../helpers/fixture-site.js';
import { createTempFolder } from '../helpers/temp-folders.js';

/** A static folder of a photo, a PDF, a text that only looks like an image, and what the listing found of each. */
async function folder(): Promise<{ dir: string; files: StaticToRead[] }> {
  const dir = createTempFolder('static-reads');
  const contents: Record<string, Buffer | string> = {
    'images/foto.jpg': await sharp({ create: { width: 120, height: 80, channels: 3, background: '#468' } })
      .jpeg()
      .toBuffer(),
    'unduh/laporan.pdf': '%PDF-1.7 laporan',
    'images/bukan.png': 'bukan gambar',
  };
  const files = Object.entries(contents).map(([name, bytes]) => {
    const source = path.join(dir, name.replace('/', '-'));
    writeFileSync(source, bytes);
    const stats = statSync(source);
    return { path: name, source, size: stats.size, ctime: stats.ctimeMs, image: /\.(jpg|png)$/.test(name) };
  });
  return { dir, files };
}

describe('static files read whole for their hashes', () => {
  test('each file hashed, and each image measured from the same bytes', async () => {
    const { files } = await folder();
    const [photo, pdf, fake] = readStaticFiles(files, imageSize);
    expect(photo).toEqual({
      hash: hashBytes(readFileSync(files[0]?.source ?? '')),
      measured: true,
      size: { width: 120, height: 80 },
    });
    expect(pdf).toEqual({ hash: hashBytes('%PDF-1.7 laporan'), measured: false, size: undefined });
    // Measured, and found to have no size: the build need not measure it again.
    expect(fake).toEqual({ hash: hashBytes('bukan gambar'), measured: true, size: undefined });
    // Without the measuring library: hashed only.
    expect(readStaticFiles(files, undefined)[0]).toMatchObject({ measured: false, size: undefined });
  });

  test('reads a file over 16 MB a chunk at a time, to the same hash and size', async () => {
    const dir = createTempFolder('static-reads');
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#468' } })
      .png()
      .toBuffer();
    // A PNG's size is in its header: the 17 MB after it are read for the hash alone.
    const bytes = Buffer.concat([png, Buffer.alloc(17 * 1024 * 1024, 7)]);
    const source = path.join(dir, 'besar.png');
    writeFileSync(source, bytes);
    const stats = statSync(source);
    const file = { path: 'images/besar.png', source, size: stats.size, ctime: stats.ctimeMs, image: true };
    expect(readStaticFiles([file], imageSize)).toEqual([
      { hash: hashBytes(bytes), measured: true, size: { width: 64, height: 48 } },
    ]);
    expect(readStaticFiles([{ ...file, ctime: stats.ctimeMs - 1 }], imageSize)).toEqual([undefined]);
  });

  test('leaves out a file that changed since the listing statted it, or that is gone', async () => {
    const { dir, files } = await folder();
    const changed = { ...(files[1] as StaticToRead), ctime: (files[1]?.ctime ?? 0) - 1 };
    const gone = { ...(files[1] as StaticToRead), source: path.join(dir, 'hilang.pdf') };
    expect(readStaticFiles([changed, gone, files[1] as StaticToRead], imageSize)).toEqual([
      undefined,
      undefined,
      { hash: hashBytes('%PDF-1.7 laporan'), measured: false, size: undefined },
    ]);
  });

  test("the thread's answer decodes to what it encodes, and anything else to undefined", async () => {
    const { files } = await folder();
    const reads = readStaticFiles(files, imageSize);
    reads[1] = undefined;
    const decoded = decodeStaticReads(encodeStaticReads(reads), files);
    expect([...(decoded ?? [])]).toEqual([
      [files[0]?.path, reads[0]],
      [files[2]?.path, reads[2]],
    ]);
    expect(decodeStaticReads(encodeStaticReads([]), [])).toEqual(new Map());
    const encoded = encodeStaticReads(reads);
    for (const bad of [
      undefined,
      42,
      `${encoded}\n`,
      encoded.replace(/^[0-9a-f]+/, 'xyz'),
      encoded.replace(' 120', ' 0'),
    ])
      expect(decodeStaticReads(bad, files), String(bad)).toBeUndefined();
  });

  test('the built worker answers what a read here finds', async () => {
    const { files } = await folder();
    const worker = new Worker(new URL('lib/bundle/static-read-worker.js', `file://${ROOT}`), {
      workerData: { files },
    });
    const answer = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(answer).toBe(encodeStaticReads(readStaticFiles(files, imageSize)));
  });

  test('nothing from the threads when their entry is not built (code run from its sources)', async () => {
    const { files } = await folder();
    const aside = readStaticAside(files);
    expect(aside.files).toBe(3);
    expect(await aside.wait()).toBeUndefined();
  });

  test("a static file's key: its stamp, and the hash of its bytes when known", () => {
    const hash = hashBytes('abcd');
    expect(staticKey('4:1700000000000.5', undefined)).toBe('4:1700000000000.5');
    expect(staticKey('4:1700000000000.5', hash)).toBe(`4:1700000000000.5:${hash}`);
    expect(splitStaticKey(`4:1700000000000.5:${hash}`)).toEqual({ stamp: '4:1700000000000.5', hash });
    expect(splitStaticKey('4:100')).toEqual({ stamp: '4:100', hash: undefined });
    for (const other of [undefined, '', hashBytes('page'), '4:100:xyz'])
      expect(splitStaticKey(other), String(other)).toEqual({ stamp: undefined, hash: undefined });
  });
});
