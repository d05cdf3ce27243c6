import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashBytes } from '../hash/hash-bytes.js';

/** One generated file to write: its absolute place (already checked), its bytes, and the file it replaces, if any. */
export interface PendingWrite {
  readonly target: string;
  readonly contents: Uint8Array;
  /** The previous build's file at the same path: when its bytes are the same, `target` gets its modification time. */
  readonly previous?: string | undefined;
}

/** A file that could not be written, as plain data (an error's own fields do not cross threads). */
export interface WriteFailure {
  /** Index of the file in its batch. */
  readonly index: number;
  readonly message: string;
  readonly code: string | undefined;
}

/** What writing a batch did: each file's content hash and size, in order, up to the first failure. */
export interface WrittenBatch {
  /** `hashBytes` of each written file's bytes. */
  readonly hashes: string[];
  readonly sizes: number[];
  /** Whether each file's bytes are its `previous` file's. */
  readonly same: boolean[];
  readonly failure: WriteFailure | undefined;
}

/**
 * Writes a batch of new files, creating each folder once (`folders` holds
 * those made so far), never overwriting one (`wx`: a clash the claims cannot
 * see, on a case-insensitive disk, still fails), and hashes each. Stops at
 * the first failure. Synchronous: it runs on a writer thread (see
 * `createFileWriter`), so the thread rendering pages neither waits for the
 * disk nor hashes what it rendered (a 10,000-article site's pages took that
 * thread 0.28 s to hash).
 */
export function writeFilesSync(files: readonly PendingWrite[], folders: Set<string>): WrittenBatch {
  const hashes: string[] = [];
  const sizes: number[] = [];
  const same: boolean[] = [];
  for (const [index, file] of files.entries()) {
    try {
      const folder = path.dirname(file.target);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      writeFileSync(file.target, file.contents, { flag: 'wx' });
      same.push(file.previous !== undefined && keepUnchangedMtimeSync(file.previous, file.target, file.contents));
      hashes.push(hashBytes(file.contents));
      sizes.push(file.contents.byteLength);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const failure = {
        index,
        message: error instanceof Error ? error.message : String(error),
        code: typeof code === 'string' ? code : undefined,
      };
      return { hashes, sizes, same, failure };
    }
  }
  return { hashes, sizes, same, failure: undefined };
}

/**
 * `next` gets the modification time of `previous` when both hold `contents` (see `keepUnchangedMtime`);
 * true when they do.
 */
function keepUnchangedMtimeSync(previous: string, next: string, contents: Uint8Array): boolean {
  const before = statSync(previous, { throwIfNoEntry: false });
  if (!before?.isFile() || before.size !== contents.byteLength) return false;
  if (Buffer.compare(contents, readFileSync(previous)) !== 0) return false;
  utimesSync(next, before.atime, before.mtime);
  return true;
}
