// Deterministic photo-like JPEGs for benchmarks and encoder measurements.
// Flat test patterns compress far better than photographs and make every
// encoder look fast, so these images mix what a news photo has: a sky
// gradient, large soft shapes, hard edges (buildings and windows), mid-scale
// texture and sensor grain, blurred slightly like a lens, saved at quality 88
// like a camera's JPEG. A 2400 × 1600 one weighs about as much as a real photo.
// usage (as a module): createPhotoLikeJpeg(seed, width, height) -> Promise<Buffer>
import { createCipheriv, createHash } from 'node:crypto';
import sharp from 'sharp';

/** A small seeded PRNG (mulberry32): the same seed gives the same image everywhere. */
function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const colour = (random, base, spread) =>
  `rgb(${base.map((channel) => Math.max(0, Math.min(255, Math.round(channel + (random() - 0.5) * spread)))).join(',')})`;

/** The scene as SVG: sky, hills, buildings with lit windows, a few round things (people, trees, lamps). */
function createScene(random, width, height) {
  const horizon = height * (0.35 + random() * 0.2);
  const parts = [
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${colour(random, [90, 140, 200], 60)}"/><stop offset="1" stop-color="${colour(random, [220, 210, 190], 40)}"/></linearGradient></defs>`,
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>`,
  ];
  for (let hill = 0; hill < 4; hill++) {
    const points = [`0,${height}`];
    for (let x = 0; x <= width; x += width / 12) points.push(`${x},${horizon + (random() - 0.3) * height * 0.25}`);
    points.push(`${width},${height}`);
    parts.push(`<polygon points="${points.join(' ')}" fill="${colour(random, [70, 110, 60], 70)}"/>`);
  }
  for (let building = 0; building < 14; building++) {
    const w = width * (0.04 + random() * 0.1);
    const h = height * (0.15 + random() * 0.45);
    const x = random() * (width - w);
    const y = height - h - random() * height * 0.1;
    parts.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${colour(random, [130, 120, 110], 90)}"/>`);
    for (let row = y + 12; row < y + h - 20; row += 28)
      for (let col = x + 8; col < x + w - 16; col += 22)
        if (random() < 0.6)
          parts.push(
            `<rect x="${col}" y="${row}" width="12" height="16" fill="${colour(random, [200, 190, 140], 110)}"/>`,
          );
  }
  for (let blob = 0; blob < 40; blob++)
    parts.push(
      `<ellipse cx="${random() * width}" cy="${horizon + random() * (height - horizon)}" rx="${10 + random() * 80}" ry="${20 + random() * 120}" fill="${colour(random, [90, 80, 70], 140)}" opacity="${0.5 + random() * 0.5}"/>`,
    );
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`,
  );
}

/**
 * Noise around 128, one channel (photographs vary mostly in brightness):
 * texture once enlarged, grain when not. AES-CTR over zeros is a fast seeded
 * stream (a JavaScript PRNG took seconds per image).
 */
function createNoise(seed, width, height, amplitude) {
  const key = createHash('sha256').update(`photo-like ${seed}`).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const pixels = cipher.update(Buffer.alloc(width * height));
  const table = Uint8Array.from({ length: 256 }, (_, byte) => Math.round(128 + ((byte - 127.5) / 127.5) * amplitude));
  for (let i = 0; i < pixels.length; i++) pixels[i] = table[pixels[i]];
  return pixels;
}

/** A photo-like JPEG (quality 88, 4:2:0) of the given size; the same seed gives the same bytes. */
export async function createPhotoLikeJpeg(seed, width = 2400, height = 1600) {
  const random = createRandom(seed);
  // Texture drawn at a quarter of the size and enlarged (that is its blur); grain at full size.
  const small = { width: Math.ceil(width / 4), height: Math.ceil(height / 4), channels: 1 };
  const texture = await sharp(createNoise(`${seed} texture`, small.width, small.height, 40), { raw: small })
    .resize(width, height, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  const grain = createNoise(`${seed} grain`, width, height, 14);
  const scene = await sharp(createScene(random, width, height))
    .removeAlpha()
    .raw()
    .toBuffer();
  // Mixed here rather than with libvips blend modes, which took 0.6 s per layer.
  for (let i = 0; i < scene.length; i++) {
    const pixel = (i / 3) | 0;
    scene[i] = Math.max(0, Math.min(255, scene[i] + texture[pixel] + grain[pixel] - 256));
  }
  return sharp(scene, { raw: { width, height, channels: 3 } })
    .blur(0.7)
    .jpeg({ quality: 88 })
    .toBuffer();
}
