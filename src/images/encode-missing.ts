import { readFile } from 'node:fs/promises';
import { runBounded } from '../output/run-bounded.js';
import type { DerivedStore } from './derived-store.js';
import type { ImageEncoder } from './image-encoder.js';
import type { Derivative } from './plan-picture.js';

/** Derived images a build needs, with the source file each one comes from. */
export interface EncodeJob {
  /** Absolute path of the source image. */
  readonly file: string;
  readonly derivatives: readonly Derivative[];
}

/**
 * Encodes the derived images the store does not hold yet (an I/O edge), a
 * source at a time per core: a source is read once for all its missing
 * files, and only one resized copy per source is in memory at a time, so
 * memory stays bounded whatever the number of images. Returns how many files
 * were encoded: 0 on a warm build.
 */
export async function encodeMissing(
  jobs: readonly EncodeJob[],
  options: {
    encoder: () => Promise<ImageEncoder>;
    store: DerivedStore;
    /** Told of the files encoded for each source as they are stored (a progress display). */
    onEncoded?: (count: number) => void;
  },
): Promise<number> {
  const byFile = new Map<string, Derivative[]>();
  for (const job of jobs) byFile.set(job.file, [...(byFile.get(job.file) ?? []), ...job.derivatives]);
  const pending = [...byFile]
    .map(([file, derivatives]) => ({ file, derivatives: uniqueMissing(derivatives, options.store) }))
    .filter((job) => job.derivatives.length > 0);
  if (pending.length === 0) return 0;
  const encoder = await options.encoder();
  let encoded = 0;
  await runBounded(pending, encoder.parallel, async (job) => {
    const bytes = await readFile(job.file);
    const images = await encoder.encode(bytes, job.derivatives);
    for (const image of images) await options.store.put(image.derivative, image.bytes);
    encoded += images.length;
    options.onEncoded?.(images.length);
  });
  return encoded;
}

function uniqueMissing(derivatives: readonly Derivative[], store: DerivedStore): Derivative[] {
  const seen = new Map<string, Derivative>();
  for (const derivative of derivatives)
    if (!seen.has(derivative.key) && !store.has(derivative)) seen.set(derivative.key, derivative);
  return [...seen.values()];
}
