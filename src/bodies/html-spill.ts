import { closeSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openChunkWriter } from '../cache/chunk-writer.js';

/**
 * Article HTML kept in a temporary file instead of in memory while a large
 * build runs: otherwise every body would stay in memory from processing to
 * the last page written, though each is read once or twice (its page, a
 * feed). Written through a chunk writer, read back with one `pread` each.
 */
export interface HtmlSpill {
  /** Stores `html` and returns what reads it back (valid until `close`). */
  add(html: string): () => string;
  /** Deletes the file; readers must not be called after. */
  close(): void;
}

/** Opens a spill file in a new folder under `parent` (created if missing). */
export function openHtmlSpill(parent: string): HtmlSpill {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, 'html-spill-'));
  const file = path.join(dir, 'html');
  const writer = openChunkWriter(file, 'w');
  const reader = openSync(file, 'r');
  /** Bytes given so far, and how many of them are surely in the file. */
  let size = 0;
  let flushed = 0;
  let scratch = Buffer.allocUnsafe(64 * 1024);
  let open = true;
  const read = (offset: number, length: number): string => {
    if (!open) throw new Error('Internal: article HTML read after its build session closed');
    if (offset + length > flushed) {
      writer.flush();
      flushed = size;
    }
    if (scratch.length < length) scratch = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) done += readSync(reader, scratch, done, length - done, offset + done);
    return scratch.toString('utf8', 0, length);
  };
  return {
    add(html) {
      const length = writer.write(html).length;
      const offset = size;
      size += length;
      return () => read(offset, length);
    },
    close() {
      if (!open) return;
      open = false;
      writer.close();
      closeSync(reader);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
