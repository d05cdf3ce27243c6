import fs from 'node:fs/promises';

const CHUNK_BYTES = 64 * 1024;

/** Compares two files of `size` bytes chunk by chunk, so large static files never sit in memory. */
export async function haveSameBytes(a: string, b: string, size: number): Promise<boolean> {
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

/** Whether `file` is a regular file holding exactly `contents`; false when it is missing. */
export async function holdsBytes(file: string, contents: Uint8Array): Promise<boolean> {
  const stats = await fs.stat(file).catch(() => undefined);
  if (!stats?.isFile() || stats.size !== contents.byteLength) return false;
  return Buffer.compare(contents, await fs.readFile(file)) === 0;
}

/** Whether `file` is a regular file of `size` bytes holding exactly those of `source` (of that size); false on any error. */
export async function holdsFileBytes(file: string, source: string, size: number): Promise<boolean> {
  const stats = await fs.stat(file).catch(() => undefined);
  if (!stats?.isFile() || stats.size !== size) return false;
  return await haveSameBytes(source, file, size).catch(() => false);
}
