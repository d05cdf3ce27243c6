import { closeSync, openSync, writeSync } from 'node:fs';

/** Appends to one file through one reused buffer; see {@link openChunkWriter}. */
export interface ChunkWriter {
  /** Appends `data` and returns its bytes as written: valid until the next call. */
  write(data: string | Uint8Array): Uint8Array;
  /** Writes what the buffer holds, so the file has every byte given so far. */
  flush(): void;
  /** Writes what is left, and `start` over the file's first bytes when given (same length as what it replaces). */
  close(start?: string): void;
}

/** Size of the buffer a chunk writer fills before each write to disk. */
const CHUNK_SIZE = 1 << 20;

/**
 * Appends text and bytes to a file through one reused buffer of about a
 * megabyte: few system calls, and no buffer per piece left for the garbage
 * collector (a large site's pack and records are tens of megabytes of them).
 */
export function openChunkWriter(file: string, flags: 'w' | 'a'): ChunkWriter {
  const fd = openSync(file, flags);
  const chunk = Buffer.allocUnsafe(CHUNK_SIZE);
  let used = 0;
  let open = true;
  const flush = () => {
    writeAll(fd, chunk.subarray(0, used));
    used = 0;
  };
  return {
    flush,
    write(data) {
      // A string longer than a chunk in UTF-16 units is longer in bytes too: encoded at once, without
      // first counting its bytes (a large site's output state is tens of megabytes of text).
      if (typeof data === 'string' && data.length > CHUNK_SIZE) {
        flush();
        const bytes = Buffer.from(data, 'utf8');
        writeAll(fd, bytes);
        return bytes;
      }
      const size = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.length;
      if (used + size > CHUNK_SIZE) flush();
      if (size > CHUNK_SIZE) {
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        writeAll(fd, bytes);
        return bytes;
      }
      if (typeof data === 'string') chunk.write(data, used, 'utf8');
      else chunk.set(data, used);
      used += size;
      return chunk.subarray(used - size, used);
    },
    close(start) {
      if (!open) return;
      open = false;
      try {
        flush();
        if (start !== undefined) writeAll(fd, Buffer.from(start, 'utf8'), 0);
      } finally {
        closeSync(fd);
      }
    },
  };
}

/**
 * `write` until every byte is written, at most a chunk per call: one call
 * with a large site's 44 MB output state took 17-540 ms here (mostly
 * hundreds), where 1 MB calls wrote the same bytes in 10-12 ms every time
 * (calls of 8 MB were already slow).
 */
function writeAll(fd: number, bytes: Uint8Array, position?: number): void {
  for (let offset = 0; offset < bytes.length; ) {
    const length = Math.min(CHUNK_SIZE, bytes.length - offset);
    offset += writeSync(fd, bytes, offset, length, position === undefined ? null : position + offset);
  }
}
