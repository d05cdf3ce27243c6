import { fstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { imageSize as ImageSizeOf } from 'image-size';
import { hashBytes } from '../hash/hash-bytes.js';
import { readEachFile } from '../hash/read-each-file.js';
import type { StaticRead, StaticReads, StaticReadsAside } from '../output/static-keys.js';
import { askThreadLater } from '../thread/ask-thread-once.js';
import { measureImageBytes } from './measure-image-file.js';

/** One static file to read: its output path and source, its size and ctime as the listing statted it. */
export interface StaticToRead {
  readonly path: string;
  readonly source: string;
  readonly size: number | undefined;
  readonly ctime: number;
  /** Whether to measure it as an image. */
  readonly image: boolean;
}

/**
 * Reads each file whole, hashes it and measures the images among them (an
 * I/O edge, synchronous: it runs on a thread of its own). A file is answered
 * only when its ctime before and after the read is the one the listing
 * found: its bytes are then the bytes of the listing's stamp. A file that
 * changed since, or cannot be read, is left out (undefined). Without
 * `imageSize` nothing is measured.
 */
export function readStaticFiles(
  files: readonly StaticToRead[],
  imageSize: typeof ImageSizeOf | undefined,
): (StaticRead | undefined)[] {
  return readEachFile(
    files.map((file) => file.source),
    files.map((file) => file.size),
    (bytes, fd, index) => {
      const file = files[index] as StaticToRead;
      // The descriptor's ctime after the read: any write since the listing's stat, during the read too, moved it.
      if (fstatSync(fd).ctimeMs !== file.ctime) return undefined;
      const measured = file.image && imageSize !== undefined;
      return { hash: hashBytes(bytes), measured, size: measured ? measureImageBytes(imageSize, bytes) : undefined };
    },
  );
}

/**
 * The thread's answer as one string: a line per file, empty for one left
 * out, else its hash, then `-` (not measured), `0` (no size) or `width height`.
 */
export function encodeStaticReads(reads: readonly (StaticRead | undefined)[]): string {
  return reads
    .map((read) => {
      if (!read) return '';
      const size = !read.measured ? '-' : read.size ? `${read.size.width} ${read.size.height}` : '0';
      return `${read.hash} ${size}`;
    })
    .join('\n');
}

const READ_LINE = /^([0-9a-f]{40}) (?:(-)|(0)|([1-9]\d*) ([1-9]\d*))$/;

/** Reads {@link encodeStaticReads}'s string back for `files`, by output path; undefined when it is not one. */
export function decodeStaticReads(text: unknown, files: readonly StaticToRead[]): StaticReads | undefined {
  if (typeof text !== 'string') return undefined;
  const lines = files.length === 0 ? [] : text.split('\n');
  if (lines.length !== files.length) return undefined;
  const reads = new Map<string, StaticRead>();
  for (const [index, line] of lines.entries()) {
    if (line === '') continue;
    const match = READ_LINE.exec(line);
    if (!match) return undefined;
    const [, hash, notMeasured, , width, height] = match;
    const size = width && height ? { width: Number(width), height: Number(height) } : undefined;
    reads.set((files[index] as StaticToRead).path, { hash: hash as string, measured: !notMeasured, size });
  }
  return reads;
}

const WORKER_URL = new URL('./static-read-worker.js', import.meta.url);

/** Below this many files to read, a thread costs more than it saves: the build reads them as before. */
export const STATIC_READS_ASIDE = 200;

/** Threads that read at most: reading is bound by the disk and memory beyond a few. */
const MAX_READ_THREADS = 4;

/**
 * Reads `files` whole on threads of their own (see {@link readStaticFiles}),
 * one per core, each a run of them, while the build processes and models
 * the site: a fresh checkout of a photo archive gives every static file a
 * new stamp, and without their hashes the build measured every photo again
 * and compared each with its copy in the output folder, byte for byte
 * (10,000 photos: 4 s). On two cores two threads took 2.9-3.2 s where one
 * took 4.0 s: the build's own thread waits for them once it has modelled
 * the site. What `wait` gives lacks the files of a thread that could not
 * help (none at all on one core); the build then does as before for them.
 */
export function readStaticAside(files: readonly StaticToRead[]): StaticReadsAside {
  const threads = Math.max(1, Math.min(MAX_READ_THREADS, availableParallelism()));
  const run = Math.ceil(files.length / threads);
  const asks = Array.from({ length: threads }, (_, index) => {
    const part = files.slice(index * run, (index + 1) * run);
    return askThreadLater(WORKER_URL, { files: part }, (message) => decodeStaticReads(message, part));
  });
  return {
    files: files.length,
    async wait() {
      const answers = await Promise.all(asks.map((ask) => ask.wait()));
      const reads = new Map<string, StaticRead>();
      for (const answer of answers) for (const [path, read] of answer ?? []) reads.set(path, read);
      return answers.some((answer) => answer !== undefined) ? reads : undefined;
    },
  };
}
