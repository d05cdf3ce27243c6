import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';

const CHUNK_BYTES = 64 * 1024;

/**
 * Gives `next` the modification time of `previous` when both hold the same bytes, so
 * deploy tools that compare size and mtime skip files a rebuild did not change.
 * Contents are only compared when the sizes match. `contents` are `next`'s bytes when
 * they are at hand (generated files); otherwise both files are read (static copies).
 */
export async function keepUnchangedMtime(input: {
  previous: string;
  next: string;
  contents?: Uint8Array | undefined;
}): Promise<void> {
  const before = await statFile(input.previous);
  if (!before) return;
  const size = input.contents?.byteLength ?? (await fs.stat(input.next)).size;
  if (before.size !== size) return;
  const same = input.contents
    ? Buffer.compare(input.contents, await fs.readFile(input.previous)) === 0
    : await haveSameBytes(input.previous, input.next, size);
  if (same) await fs.utimes(input.next, before.atime, before.mtime);
}

/** Stats of a regular file, or undefined when there is none (first build, new page). */
async function statFile(file: string): Promise<Stats | undefined> {
  const stats = await fs.stat(file).catch(() => undefined);
  return stats?.isFile() ? stats : undefined;
}

/** Compares two files of `size` bytes chunk by chunk, so large static files never sit in memory. */
async function haveSameBytes(a: string, b: string, size: number): Promise<boolean> {
  const handleA = await fs.open(a, 'r');
  const handleB = await fs.open(b, 'r').catch(async (error: unknown) => {
    await handleA.close();
    throw error;
  });
  try {
    const bufferA = Buffer.alloc(Math.min(CHUNK_BYTES, size));
    const bufferB = Buffer.alloc(bufferA.length);
    for (let position = 0; position < size; position += bufferA.length) {
      const [readA, readB] = await Promise.all([
        handleA.read(bufferA, 0, bufferA.length, position),
        handleB.read(bufferB, 0, bufferB.length, position),
      ]);
      if (readA.bytesRead !== readB.bytesRead) return false;
      if (!bufferA.subarray(0, readA.bytesRead).equals(bufferB.subarray(0, readB.bytesRead))) return false;
      if (readA.bytesRead === 0) return true;
    }
    return true;
  } finally {
    await Promise.all([handleA.close(), handleB.close()]);
  }
}
