import { statSync } from 'node:fs';
import { fileStamp } from '../boundary/file-stamp.js';
import { joinPlain } from '../boundary/join-plain.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { readEachFile } from '../hash/read-each-file.js';

/** What {@link statFiles} finds: each file's stamp, and which files changed since an instant. */
export interface FileStats {
  /** `size:mtime` of each file, undefined for a file that vanished since it was listed. */
  readonly stamps: (string | undefined)[];
  /** Indexes of the files whose status changed at or after `since` (their ctime), in order. */
  readonly recent: number[];
}

/**
 * The `size:mtime` of each of `files` (plain posix paths relative to `base`,
 * as the content listing gives them), and which of them changed at or after
 * `since` (milliseconds): a file's ctime moves with every write, copy,
 * checkout or restore, and no tool sets it back, so a file older than the
 * last listing by ctime still has the bytes that listing saw, if its stamp
 * says so. Synchronous: one system call each, no promise each.
 */
export function statFiles(base: string, files: readonly string[], since = Number.POSITIVE_INFINITY): FileStats {
  const recent: number[] = [];
  const stamps = files.map((file, index) => {
    const info = statSync(joinPlain(base, `/${file}`), { throwIfNoEntry: false });
    if (!info) return undefined;
    if (info.ctimeMs >= since) recent.push(index);
    return fileStamp(info);
  });
  return { stamps, recent };
}

/**
 * The content hash of each of `files` (as for {@link statFiles}), undefined
 * for one that cannot be read (see {@link readEachFile}).
 */
export function hashFiles(
  base: string,
  files: readonly string[],
  sizes?: readonly (number | undefined)[],
): (string | undefined)[] {
  return readEachFile(
    files.map((file) => joinPlain(base, `/${file}`)),
    sizes,
    (bytes) => hashBytes(bytes),
  );
}

/**
 * The one-message form of a stat thread's answer: one string, the stamps
 * with `\n` between them (none holds one) and an empty stamp for a vanished
 * file, then a NUL and the hashes of the files it read, the same way, so the
 * main thread decodes a single string instead of a structured clone of a
 * hundred thousand.
 */
export function encodeStats(stamps: readonly (string | undefined)[], hashes: readonly (string | undefined)[]): string {
  return `${stamps.map((stamp) => stamp ?? '').join('\n')}\0${hashes.map((hash) => hash ?? '').join('\n')}`;
}

/** Reads {@link encodeStats}'s string back for `count` files; undefined when it does not hold that many. */
export function decodeStats(
  text: string,
  count: number,
): { stamps: (string | undefined)[]; hashes: (string | undefined)[] } | undefined {
  const parts = text.split('\0');
  if (parts.length !== 2) return undefined;
  const stamps = splitLines(parts[0] as string, count);
  const hashes = splitLines(parts[1] as string, count);
  return stamps && hashes ? { stamps, hashes } : undefined;
}

function splitLines(text: string, count: number): (string | undefined)[] | undefined {
  if (count === 0) return text === '' ? [] : undefined;
  const lines = text.split('\n');
  return lines.length === count ? lines.map((line) => (line === '' ? undefined : line)) : undefined;
}
