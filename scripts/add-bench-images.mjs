#!/usr/bin/env node
// Gives a generated bench corpus its lead photos: every `image: "/images/x.jpg"`
// of content/**/*.md gets a distinct photo-like 2400 × 1600 JPEG at
// static/images/x.jpg. Generating a scene costs about a second, so a few
// scenes are drawn and each photo is a different window of one of them,
// mirrored and tinted differently: distinct bytes, photo-like content.
// With --same, every path gets the bytes of one photo: distinct names, so a
// build with the image pipeline on publishes a set of derived files per
// article, while the encoder makes one set only (the bookkeeping of a photo
// archive without hours of encoding; the encoder's speed is bench:images').
// usage: node scripts/add-bench-images.mjs --dir CORPUS [--scenes 24] [--width 2400] [--height 1600] [--same]
import fs from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createPhotoLikeJpeg } from './photo-like.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dir = option('--dir', undefined);
if (!dir) throw new Error('usage: add-bench-images.mjs --dir CORPUS');
const sceneCount = Number(option('--scenes', 24));
const width = Number(option('--width', 2400));
const height = Number(option('--height', 1600));
const same = args.includes('--same');

const wanted = fs
  .readdirSync(path.join(dir, 'content'), { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.md'))
  .sort()
  .flatMap((file) => {
    // `image: /images/x.jpg`, or `src: "/images/x.jpg"` under `image:` (the generated corpus).
    const match = /^(?:image:|\s+src:)\s*"?(\/images\/[^"\s]+)"?\s*$/m.exec(
      fs.readFileSync(path.join(dir, 'content', file), 'utf8'),
    );
    return match ? [match[1]] : [];
  });

sharp.concurrency(1);
sharp.cache(false);
const scenes = [];
for (let seed = 1; seed <= (same ? 1 : sceneCount); seed++)
  scenes.push(await createPhotoLikeJpeg(seed, Math.round(width * 1.25), Math.round(height * 1.25)));

if (same) {
  const bytes = await sharp(scenes[0]).extract({ left: 0, top: 0, width, height }).jpeg({ quality: 88 }).toBuffer();
  for (const wantedPath of wanted) {
    const target = path.join(dir, 'static', ...wantedPath.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  }
  console.log(`wrote one photo-like ${width}×${height} JPEG to ${wanted.length} paths in ${path.join(dir, 'static')}`);
  process.exit(0);
}

let next = 0;
async function worker() {
  while (next < wanted.length) {
    const index = next++;
    const target = path.join(dir, 'static', ...wanted[index].split('/'));
    const scene = scenes[index % scenes.length];
    const step = Math.floor(index / scenes.length);
    const left = (step * 37) % Math.round(width * 0.25);
    const top = (step * 23) % Math.round(height * 0.25);
    let image = sharp(scene).extract({ left, top, width, height });
    if (step % 2 === 1) image = image.flop();
    image = image.modulate({ brightness: 0.9 + ((step * 7) % 20) / 100, hue: (step * 11) % 360 });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await image.jpeg({ quality: 88 }).toFile(target);
  }
}
await Promise.all(Array.from({ length: cpus().length }, worker));
console.log(`wrote ${wanted.length} photo-like ${width}×${height} JPEGs to ${path.join(dir, 'static', 'images')}`);
