import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
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

/** Above this size a file is hashed a chunk at a time: a video in the static folder never sits in memory whole. */
const WHOLE_READ_LIMIT = 16 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;
/** What an image's size is measured from, at most (see `measureImageBytes`). */
const MEASURED_BYTES = 512 * 1024;

/**
 * Reads each file, hashes it and measures the images among them (an I/O
 * edge, synchronous: it runs on a thread of its own). A file is answered
 * only when its ctime after the read is the one the listing found: its
 * bytes are then the bytes of the listing's stamp. A file that changed
 * since, or cannot be read, is left out (undefined). Without `imageSize`
 * nothing is measured. Files up to 16 MB are read whole into one buffer
 * kept for them all; larger ones a megabyte at a time.
 */
export function readStaticFiles(
  files: readonly StaticToRead[],
  imageSize: typeof ImageSizeOf | undefined,
): (StaticRead | undefined)[] {
  const large = (file: StaticToRead) => (file.size ?? 0) > WHOLE_READ_LIMIT;
  const small = files.filter((file) => !large(file));
  const read = readEachFile(
    small.map((file) => file.source),
    small.map((file) => file.size),
    (bytes, fd, index) => describe(small[index] as StaticToRead, fd, hashBytes(bytes), bytes, imageSize),
  );
  const bySource = new Map(small.map((file, index) => [file, read[index]]));
  return files.map((file) => (large(file) ? readInChunks(file, imageSize) : bySource.get(file)));
}

/** What was read of `file` (its hash, and its size from its first bytes), if its ctime is still the listing's. */
function describe(
  file: StaticToRead,
  fd: number,
  hash: string,
  first: Uint8Array,
  imageSize: typeof ImageSizeOf | undefined,
): StaticRead | undefined {
  // The descriptor's ctime after the read: any write since the listing's stat, during the read too, moved it.
  if (fstatSync(fd).ctimeMs !== file.ctime) return undefined;
  const measured = file.image && imageSize !== undefined;
  return { hash, measured, size: measured ? measureImageBytes(imageSize, first) : undefined };
}

/** {@link readStaticFiles} of one large file, hashed a chunk at a time. */
function readInChunks(file: StaticToRead, imageSize: typeof ImageSizeOf | undefined): StaticRead | undefined {
  let fd: number;
  try {
    fd = openSync(file.source, 'r');
  } catch {
    return undefined;
  }
  try {
    const hash = createHash('sha1');
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    // The first bytes, kept for the measure, however the reads cut them.
    const first = Buffer.allocUnsafe(MEASURED_BYTES);
    let kept = 0;
    for (;;) {
      const length = readSync(fd, chunk, 0, chunk.length, null);
      if (length === 0) break;
      hash.update(chunk.subarray(0, length));
      if (kept < first.length) kept += chunk.copy(first, kept, 0, length);
    }
    return describe(file, fd, hash.digest('hex'), first.subarray(0, kept), imageSize);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
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
