import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import { haveSameBytes } from './same-bytes.js';

/**
 * Gives `next` the modification time of `previous` when both hold the same bytes, so
 * deploy tools that compare size and mtime skip files a rebuild did not change.
 * Contents are only compared when the sizes match. `contents` are `next`'s bytes when
 * they are at hand (generated files); otherwise both files are read (static copies).
 * True when the bytes are the same.
 */
export async function keepUnchangedMtime(input: {
  previous: string;
  next: string;
  contents?: Uint8Array | undefined;
}): Promise<boolean> {
  const before = await statFile(input.previous);
  if (!before) return false;
  const size = input.contents?.byteLength ?? (await fs.stat(input.next)).size;
  if (before.size !== size) return false;
  const same = input.contents
    ? Buffer.compare(input.contents, await fs.readFile(input.previous)) === 0
    : await haveSameBytes(input.previous, input.next, size);
  if (same) await fs.utimes(input.next, before.atime, before.mtime);
  return same;
}

/** Stats of a regular file, or undefined when there is none (first build, new page). */
async function statFile(file: string): Promise<Stats | undefined> {
  const stats = await fs.stat(file).catch(() => undefined);
  return stats?.isFile() ? stats : undefined;
}
