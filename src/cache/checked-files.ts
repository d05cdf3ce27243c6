import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { hashBytes } from '../hash/hash-bytes.js';
import { openChunkWriter } from './chunk-writer.js';

/** The first word of every cache file: a newsgen that changes the format changes this, and old caches count as missing. */
const FORMAT = 'newsgen-cache-8';
const NEWLINE = 0x0a;

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
 * The bytes after a file's header line (`format key sha1`) and that checksum
 * (what a file written after this one names it by), when the header names
 * this format and key and the checksum matches: a crash, a bit flip or
 * another newsgen's cache all read as missing.
 */
export function readCheckedFile(
  file: string,
  key: string,
): { readonly body: Buffer; readonly sha: string } | undefined {
  const bytes = readWhole(file);
  if (bytes === undefined) return undefined;
  const newline = bytes.indexOf(NEWLINE);
  if (newline === -1) return undefined;
  const [format, fileKey, sha] = bytes.toString('utf8', 0, newline).split(' ');
  const body = bytes.subarray(newline + 1);
  return format === FORMAT && fileKey === key && sha === hashBytes(body) ? { body, sha } : undefined;
}

/** Writes `value` as JSON under a checked header, atomically (temporary file, then rename). */
export async function writeChecked(file: string, key: string, value: unknown): Promise<void> {
  const body = JSON.stringify(value);
  const temp = temporaryName(file);
  try {
    await writeFile(temp, `${FORMAT} ${key} ${hashBytes(body)}\n${body}`);
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
  const hash = createHash('sha1');
  const header = (sha: string) => `${FORMAT} ${key} ${sha}\n`;
  writer.write(header('0'.repeat(40)));
  let lines = 0;
  let done = false;
  return {
    add(line) {
      if (lines++ > 0) hash.update(writer.write('\n'));
      // The bytes as written: text is encoded once, for the file and the checksum alike.
      hash.update(writer.write(line));
    },
    finish() {
      const sha = hash.digest('hex');
      writer.close(header(sha));
      renameSync(temp, file);
      done = true;
      return sha;
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
