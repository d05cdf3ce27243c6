import { closeSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Article HTML kept in a temporary file instead of in memory while a large
 * build runs: a 100,000-article build would otherwise hold some 250 MB of
 * bodies from processing to the last page written, though each is read once
 * or twice (its page, a feed). Written through one buffer, read back with
 * one `pread` each.
 */
export interface HtmlSpill {
  /** Stores `html` and returns what reads it back (valid until `close`). */
  add(html: string): () => string;
  /** Deletes the file; readers must not be called after. */
  close(): void;
}

const BUFFER_SIZE = 1 << 20;

/** Opens a spill file in a new folder under `parent` (created if missing). */
export function openHtmlSpill(parent: string): HtmlSpill {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, 'html-spill-'));
  const fd = openSync(path.join(dir, 'html'), 'w+');
  const pending = Buffer.allocUnsafe(BUFFER_SIZE);
  let used = 0;
  /** Bytes already in the file. */
  let flushed = 0;
  let scratch = Buffer.allocUnsafe(64 * 1024);
  let open = true;
  const writeAll = (bytes: Uint8Array) => {
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset, flushed + offset);
    flushed += bytes.length;
  };
  const flush = () => {
    writeAll(pending.subarray(0, used));
    used = 0;
  };
  const read = (offset: number, length: number): string => {
    if (!open) throw new Error('Internal: article HTML read after its build session closed');
    if (offset + length > flushed) flush();
    if (scratch.length < length) scratch = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) done += readSync(fd, scratch, done, length - done, offset + done);
    return scratch.toString('utf8', 0, length);
  };
  return {
    add(html) {
      const length = Buffer.byteLength(html, 'utf8');
      if (used + length > BUFFER_SIZE) flush();
      const offset = flushed + used;
      if (length > BUFFER_SIZE) writeAll(Buffer.from(html, 'utf8'));
      else used += pending.write(html, used, 'utf8');
      return () => read(offset, length);
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
