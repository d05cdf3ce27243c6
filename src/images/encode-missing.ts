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
  const pending = groupMissing(jobs, options.store);
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

/**
 * The missing derivatives by source file, each key once across all files:
 * two files with the same bytes (a photo in static/ and in a page bundle)
 * make the same derived files, which are encoded and stored once.
 */
function groupMissing(jobs: readonly EncodeJob[], store: DerivedStore): EncodeJob[] {
  const seen = new Set<string>();
  const byFile = new Map<string, Derivative[]>();
  for (const job of jobs)
    for (const derivative of job.derivatives) {
      if (seen.has(derivative.key)) continue;
      seen.add(derivative.key);
      if (store.has(derivative)) continue;
      const list = byFile.get(job.file);
      if (list) list.push(derivative);
      else byFile.set(job.file, [derivative]);
    }
  return [...byFile].map(([file, derivatives]) => ({ file, derivatives }));
}
