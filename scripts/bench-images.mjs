#!/usr/bin/env node
// Measures the image stage alone on N distinct photo-like 2400 × 1600 lead
// JPEGs (scripts/add-bench-images.mjs makes them): cold (empty store: read,
// plan and encode every lead, card and share rendition with the default
// settings) and warm (same store: nothing to encode), each in a fresh process,
// with wall time, CPU time (all threads) and peak memory.
// usage: npm run build && node scripts/bench-images.mjs [--n 100] [--keep DIR]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);

if (args[0] === '--child') {
  const [, dir, n] = args;
  const lib = (file) => import(pathToFileURL(path.join(root, 'lib', 'images', file)).href);
  const { prepareImages } = await lib('prepare-images.js');
  const { encodeMissing } = await lib('encode-missing.js');
  const { openDerivedStore } = await lib('derived-store.js');
  const { createImageEncoder } = await lib('image-encoder.js');
  const { DEFAULT_IMAGES } = await lib('images-config.js');
  const start = performance.now();
  const owners = Array.from({ length: Number(n) }, (_, i) => ({
    sourcePath: `berita/artikel-${i}.md`,
    displayPath: `content/berita/artikel-${i}.md`,
    lead: { src: `/images/artikel-${i}.jpg`, owner: `berita/artikel-${i}.md`, place: undefined },
    body: [],
    featured: i === 0,
  }));
  const store = await openDerivedStore(path.join(dir, 'store'));
  const encoder = createImageEncoder();
  const prepared = await prepareImages(owners, {
    config: DEFAULT_IMAGES,
    folders: { contentDir: path.join(dir, 'content'), staticDir: path.join(dir, 'static') },
    store,
    encoder: () => encoder,
    href: (urlPath) => urlPath,
    absolute: (urlPath) => `https://bench.example.id${urlPath}`,
    displayPath: (file) => file,
  });
  const encoded = await encodeMissing(prepared.jobs, { encoder: () => encoder, store });
  await store.save();
  const cpu = process.cpuUsage();
  console.log(
    JSON.stringify({
      seconds: (performance.now() - start) / 1000,
      cpu: (cpu.user + cpu.system) / 1e6,
      peakMb: process.resourceUsage().maxRSS / 1024,
      read: prepared.read,
      encoded,
      errors: prepared.diagnostics.filter((d) => d.severity === 'error').length,
    }),
  );
} else {
  const n = Number(option('--n', 100));
  const dir = option('--keep', undefined) ?? fs.mkdtempSync(path.join(os.tmpdir(), `newsgen-bench-images-${n}-`));
  fs.mkdirSync(path.join(dir, 'content', 'berita'), { recursive: true });
  if (!fs.existsSync(path.join(dir, 'static', 'images', `artikel-${n - 1}.jpg`))) {
    for (let i = 0; i < n; i++)
      fs.writeFileSync(
        path.join(dir, 'content', 'berita', `artikel-${i}.md`),
        `---\nimage: /images/artikel-${i}.jpg\n---\n`,
      );
    const made = spawnSync(process.execPath, [path.join(root, 'scripts', 'add-bench-images.mjs'), '--dir', dir], {
      stdio: 'inherit',
    });
    if (made.status !== 0) process.exit(made.status ?? 1);
  }
  fs.rmSync(path.join(dir, 'store'), { recursive: true, force: true });
  const run = (label) => {
    const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', dir, String(n)], {
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`${label} failed:\n${result.stderr}`);
    const figures = JSON.parse(result.stdout.trim().split('\n').pop());
    console.log(
      `${label.padEnd(5)} ${figures.seconds.toFixed(1).padStart(7)} s  cpu ${figures.cpu.toFixed(1).padStart(7)} s  peak ${figures.peakMb.toFixed(0).padStart(5)} MB  read ${figures.read}  encoded ${figures.encoded}  errors ${figures.errors}`,
    );
    return figures;
  };
  console.log(`image stage, ${n} photo-like 2400×1600 lead JPEGs, ${os.cpus().length} cores (${dir})`);
  const cold = run('cold');
  run('warm');
  console.log(
    `cold: ${(cold.seconds / n).toFixed(2)} s and ${(cold.cpu / n).toFixed(2)} CPU s per image; 1,000 images ≈ ${(((cold.seconds / n) * 1000) / 60).toFixed(1)} min`,
  );
  if (!args.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
}
