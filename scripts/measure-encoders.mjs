#!/usr/bin/env node
// Measures what each encoder setting costs and gives: for photo-like
// 2400 × 1600 JPEGs, every setting encodes the five default widths
// (320-1600) the way the build does (each from the source, shrunk on load)
// and prints the CPU time (libvips' threads included, so a busy machine does
// not inflate it), the bytes and the SSIM of the 960 px image against the
// same resize kept lossless. The image defaults in src/images/ come from this.
// usage: node scripts/measure-encoders.mjs [--images 3] [--only avif]
import sharp from 'sharp';
import { ssim } from 'ssim.js';
import { createPhotoLikeJpeg } from './photo-like.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const imageCount = Number(option('--images', 3));
const only = option('--only', undefined);
const WIDTHS = [320, 640, 960, 1280, 1600];
const PROBE = 960;

const settings = [
  ['jpeg', { quality: 75 }],
  ['jpeg', { quality: 75, mozjpeg: true }],
  ['jpeg', { quality: 80, mozjpeg: true }],
  ['jpeg', { quality: 70, mozjpeg: true }],
  ['webp', { quality: 75, effort: 4 }],
  ['webp', { quality: 75, effort: 2 }],
  ['webp', { quality: 75, effort: 1 }],
  ['webp', { quality: 75, effort: 0 }],
  ['webp', { quality: 70, effort: 2 }],
  ['avif', { quality: 50, effort: 4 }],
  ['avif', { quality: 50, effort: 3 }],
  ['avif', { quality: 50, effort: 2 }],
  ['avif', { quality: 50, effort: 1 }],
  ['avif', { quality: 50, effort: 0 }],
  ['avif', { quality: 45, effort: 1 }],
  ['avif', { quality: 55, effort: 1 }],
  ['avif', { quality: 45, effort: 0 }],
  ['avif', { quality: 55, effort: 0 }],
].filter(([format]) => !only || only.split(',').includes(format));

const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

async function rgba(input) {
  const { data, info } = await sharp(input).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
}

const sources = [];
for (let seed = 1; seed <= imageCount; seed++) {
  const bytes = await createPhotoLikeJpeg(seed);
  const reference = await rgba(await sharp(bytes).resize(PROBE).png().toBuffer());
  sources.push({ bytes, reference });
}

// Resizing alone, so that the encoders' share of each row is visible.
const resizeStart = cpu();
for (const { bytes } of sources) for (const width of WIDTHS) await sharp(bytes).resize(width).raw().toBuffer();
const resizeSeconds = (cpu() - resizeStart) / sources.length;
console.log(
  `${sources.length} photo-like 2400×1600 JPEGs (${(sources[0].bytes.length / 1024).toFixed(0)} KB), widths ${WIDTHS.join(', ')}`,
);
console.log(`decode + resize only: ${resizeSeconds.toFixed(2)} s CPU per image\n`);
console.log('format  setting                      CPU s/image   KB/image (5 widths)   KB at 960   SSIM at 960');

for (const [format, options] of settings) {
  let seconds = 0;
  let bytes = 0;
  let probeBytes = 0;
  let similarity = 0;
  for (const source of sources) {
    for (const width of WIDTHS) {
      const start = cpu();
      const output = await sharp(source.bytes).resize(width).toFormat(format, options).toBuffer();
      seconds += cpu() - start;
      bytes += output.length;
      if (width === PROBE) {
        probeBytes += output.length;
        similarity += ssim(source.reference, await rgba(output)).mssim;
      }
    }
  }
  const n = sources.length;
  console.log(
    `${format.padEnd(7)} ${JSON.stringify(options).padEnd(30)} ${(seconds / n).toFixed(2).padStart(9)}   ${(bytes / n / 1024).toFixed(0).padStart(12)}          ${(probeBytes / n / 1024).toFixed(1).padStart(8)}    ${(similarity / n).toFixed(4)}`,
  );
}
