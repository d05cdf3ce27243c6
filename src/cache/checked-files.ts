import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
// A namespace import: `zlib.crc32` is missing before Node 20.15, and a named import of it would not load there.
import * as zlib from 'node:zlib';
import { openChunkWriter } from './chunk-writer.js';

/** The first word of every cache file: a newsgen that changes the format changes this, and old caches count as missing. */
const FORMAT = 'newsgen-cache-12';
const NEWLINE = 0x0a;

/** zlib's CRC-32 (Node 20.15 and later). */
const crc32 = typeof zlib.crc32 === 'function' ? zlib.crc32 : undefined;

/** A checksum taken piece by piece; see {@link createChecksum}. */
interface Checksum {
  update(bytes: Uint8Array | string): void;
  digest(): string;
}

/**
 * The checksum of a cache file's body, named by its algorithm: zlib's
 * CRC-32, made to catch a torn write or a flipped bit and twice as fast as
 * SHA-1 over a large site's records (tens to hundreds of megabytes read by
 * every build with something to do), or SHA-1 on a Node without it. A cache
 * written by the one reads as missing, never as corrupt, on the other.
 * Integrity, not a security boundary: the cache folder is the user's own.
 */
function createChecksum(): Checksum {
  if (crc32) {
    let value = 0;
    return {
      update(bytes) {
        value = crc32(bytes, value);
      },
      digest: () => `crc32-${value.toString(16).padStart(8, '0')}`,
    };
  }
  const hash = createHash('sha1');
  return {
    update(bytes) {
      hash.update(bytes);
    },
    digest: () => `sha1-${hash.digest('hex')}`,
  };
}

function checksumOf(bytes: Uint8Array | string): string {
  const checksum = createChecksum();
  checksum.update(bytes);
  return checksum.digest();
}

/** A file's JSON after its header line, or undefined when missing, foreign, corrupt or not JSON. */
export async function readChecked(file: string, key: string): Promise<unknown> {
  const bytes = readCheckedFile(file, key)?.body;
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The bytes after a file's header line (`format key checksum`) and that
 * checksum (what a file written after this one names it by), when the header
 * names this format and key and the checksum matches: a crash, a bit flip or
 * another newsgen's cache all read as missing.
 */
export function readCheckedFile(
  file: string,
  key: string,
): { readonly body: Buffer; readonly checksum: string } | undefined {
  const bytes = readWhole(file);
  if (bytes === undefined) return undefined;
  const newline = bytes.indexOf(NEWLINE);
  if (newline === -1) return undefined;
  const [format, fileKey, checksum] = bytes.toString('utf8', 0, newline).split(' ');
  const body = bytes.subarray(newline + 1);
  return format === FORMAT && fileKey === key && checksum === checksumOf(body) ? { body, checksum } : undefined;
}

/** Writes `value` as JSON under a checked header, atomically (temporary file, then rename). */
export async function writeChecked(file: string, key: string, value: unknown): Promise<void> {
  await writeCheckedJson(file, key, JSON.stringify(value));
}

/** {@link writeChecked} of a value the caller already has as JSON text (`body`), so a large one is not stringified again. */
export async function writeCheckedJson(file: string, key: string, body: string): Promise<void> {
  const temp = temporaryName(file);
  try {
    await writeFile(temp, `${FORMAT} ${key} ${checksumOf(body)}\n${body}`);
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

/** Writes lines under a checked header; see {@link openLinesWriter}. */
export interface LinesWriter {
  add(line: string | Uint8Array): void;
  /** Puts the checksum in the header and renames the file into place; returns the checksum. */
  finish(): string;
  /** Deletes the temporary file unless `finish` ran. */
  abandon(): void;
}

/**
 * Writes what {@link writeChecked} would write for lines joined by newlines,
 * one line at a time: the checksum is taken as the lines come and written
 * over a placeholder header at the end, so a large site's records never exist
 * as one string, one buffer or even one array of lines.
 */
export function openLinesWriter(file: string, key: string): LinesWriter {
  const temp = temporaryName(file);
  const writer = openChunkWriter(temp, 'w');
  const checksum = createChecksum();
  const header = (digest: string) => `${FORMAT} ${key} ${digest}\n`;
  // A placeholder as long as the checksum that replaces it.
  writer.write(header('0'.repeat(createChecksum().digest().length)));
  let lines = 0;
  let done = false;
  return {
    add(line) {
      if (lines++ > 0) checksum.update(writer.write('\n'));
      // The bytes as written: text is encoded once, for the file and the checksum alike.
      checksum.update(writer.write(line));
    },
    finish() {
      const digest = checksum.digest();
      writer.close(header(digest));
      renameSync(temp, file);
      done = true;
      return digest;
    },
    abandon() {
      if (done) return;
      writer.close();
      rmSync(temp, { force: true });
    },
  };
}

/** A unique sibling of `file` to write before renaming over it. */
export function temporaryName(file: string): string {
  return `${file}.${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * A whole file, or undefined when it cannot be read. Synchronous on purpose:
 * the promise API reads in 512 KB pieces, each a round trip through the I/O
 * pool, and a build has nothing else to do while its cache loads.
 */
function readWhole(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
