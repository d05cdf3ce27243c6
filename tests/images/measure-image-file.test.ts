import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { imageSizeFromFile } from 'image-size/fromFile';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { measureImageBytes, measureImageFile } from '../../src/images/measure-image-file.js';
import { createTempFolder } from '../helpers/temp-folders.js';

/** Width and height as `image-size/fromFile` gives them, undefined where it fails: what the measure must equal. */
async function fromFile(file: string) {
  const read = await imageSizeFromFile(file).catch(() => undefined);
  return read?.width && read.height ? { width: read.width, height: read.height } : undefined;
}

/** A photo-like picture: noise, so that it stays large once compressed. */
function noise(width: number, height: number) {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 7;
  for (let index = 0; index < pixels.length; index++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    pixels[index] = seed >>> 24;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

/** A JPEG comment segment (`FF FE`, its length, its bytes): up to 65,533 bytes each. */
function comment(bytes: number): Buffer {
  const segment = Buffer.alloc(bytes + 4, 0x20);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(bytes + 2, 2);
  return segment;
}

describe('measureImageFile', () => {
  test('gives what image-size/fromFile gives for every format it measures, small and large', async () => {
    const dir = createTempFolder('measure');
    const files: Record<string, Buffer> = {
      'kecil.png': await noise(30, 20).png().toBuffer(),
      'besar.png': await noise(400, 300).png().toBuffer(),
      'foto.jpg': await noise(640, 480).jpeg({ quality: 95 }).toBuffer(),
      'animasi.gif': await noise(50, 40).gif().toBuffer(),
      'foto.webp': await noise(600, 400).webp({ quality: 95 }).toBuffer(),
      'tanpa-rugi.webp': await noise(200, 100).webp({ lossless: true }).toBuffer(),
      'foto.avif': await noise(320, 200).avif().toBuffer(),
      'logo.svg': Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"></svg>'),
    };
    expect(files['besar.png']?.length).toBeGreaterThan(64 * 1024);
    expect(files['foto.jpg']?.length).toBeGreaterThan(64 * 1024);
    for (const [name, bytes] of Object.entries(files)) {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      const expected = await fromFile(file);
      expect(expected, name).toBeDefined();
      expect(await measureImageFile(imageSize, file), name).toEqual(expected);
      // The same from the whole file read (a static file read for its hash).
      expect(measureImageBytes(imageSize, bytes), name).toEqual(expected);
    }
  });

  test('reads on when the first 64 KB hold no size: a JPEG whose frame header comes after 120 KB of segments', async () => {
    const dir = createTempFolder('measure');
    const jpeg = await noise(300, 200).jpeg().toBuffer();
    // Right after the start-of-image marker: the prefix ends inside the second comment.
    const file = path.join(dir, 'komentar.jpg');
    writeFileSync(file, Buffer.concat([jpeg.subarray(0, 2), comment(60_000), comment(60_000), jpeg.subarray(2)]));
    expect(await measureImageFile(imageSize, file)).toEqual({ width: 300, height: 200 });
    expect(await fromFile(file)).toEqual({ width: 300, height: 200 });
    expect(measureImageBytes(imageSize, readFileSync(file))).toEqual({ width: 300, height: 200 });
  });

  test('measures an SVG larger than the first read as image-size/fromFile does, from the whole text', async () => {
    const dir = createTempFolder('measure');
    const file = path.join(dir, 'peta.svg');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><desc>${'x'.repeat(70_000)}</desc></svg>`;
    writeFileSync(file, svg);
    expect(await measureImageFile(imageSize, file)).toEqual(await fromFile(file));
    expect(await measureImageFile(imageSize, file)).toEqual({ width: 320, height: 240 });
    expect(measureImageBytes(imageSize, readFileSync(file))).toEqual({ width: 320, height: 240 });
  });

  test('measures the bytes of a file read whole as the file is measured: within the first 512 KB only', async () => {
    const dir = createTempFolder('measure');
    // Its size comes after 600 KB of the root tag: image-size/fromFile finds none, and neither may a whole read.
    const file = path.join(dir, 'panjang.svg');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" data-x="${'x'.repeat(600_000)}" width="320" height="240"></svg>`;
    writeFileSync(file, svg);
    expect(await fromFile(file)).toBeUndefined();
    expect(await measureImageFile(imageSize, file)).toBeUndefined();
    expect(measureImageBytes(imageSize, readFileSync(file))).toBeUndefined();
  });

  test('no size for a file that is missing, empty, or not an image', async () => {
    const dir = createTempFolder('measure');
    writeFileSync(path.join(dir, 'kosong.png'), '');
    writeFileSync(path.join(dir, 'teks.jpg'), 'bukan gambar '.repeat(10_000));
    for (const name of ['hilang.png', 'kosong.png', 'teks.jpg']) {
      expect(await measureImageFile(imageSize, path.join(dir, name)), name).toBeUndefined();
      expect(await fromFile(path.join(dir, name)), name).toBeUndefined();
    }
    for (const name of ['kosong.png', 'teks.jpg'])
      expect(measureImageBytes(imageSize, readFileSync(path.join(dir, name))), name).toBeUndefined();
  });
});
