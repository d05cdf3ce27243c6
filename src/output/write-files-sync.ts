import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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

/**
 * Writes a batch of new files, creating each folder once (`folders` holds
 * those made so far), never overwriting one (`wx`: a clash the claims cannot
 * see, on a case-insensitive disk, still fails). Stops at the first failure
 * and returns it. Synchronous: it runs on a writer thread (see
 * `createFileWriter`), so the thread rendering pages never waits for the disk.
 */
export function writeFilesSync(files: readonly PendingWrite[], folders: Set<string>): WriteFailure | undefined {
  for (const [index, file] of files.entries()) {
    try {
      const folder = path.dirname(file.target);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      writeFileSync(file.target, file.contents, { flag: 'wx' });
      if (file.previous !== undefined) keepUnchangedMtimeSync(file.previous, file.target, file.contents);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return {
        index,
        message: error instanceof Error ? error.message : String(error),
        code: typeof code === 'string' ? code : undefined,
      };
    }
  }
  return undefined;
}

/** `next` gets the modification time of `previous` when both hold `contents` (see `keepUnchangedMtime`). */
function keepUnchangedMtimeSync(previous: string, next: string, contents: Uint8Array): void {
  const before = statSync(previous, { throwIfNoEntry: false });
  if (!before?.isFile() || before.size !== contents.byteLength) return;
  if (Buffer.compare(contents, readFileSync(previous)) === 0) utimesSync(next, before.atime, before.mtime);
}
