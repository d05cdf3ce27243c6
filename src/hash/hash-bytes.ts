// A namespace import: `crypto.hash` is missing before Node 20.12, and a named import of it would not load there.
import * as crypto from 'node:crypto';

/** Node's one-shot digest (20.12 and later): faster than a Hash object for the small inputs hashed by the thousand. */
const hashOnce = typeof crypto.hash === 'function' ? crypto.hash : undefined;

/**
 * The content hash every part of newsgen uses: for content files, outputs,
 * fingerprints and cache checks (SHA-1, hex; text is hashed as UTF-8). Not a
 * security boundary: it detects change and corruption, not tampering.
 */
export function hashBytes(bytes: Uint8Array | string): string {
  return hashOnce ? hashOnce('sha1', bytes, 'hex') : crypto.createHash('sha1').update(bytes).digest('hex');
}

/** Text gathered before it is handed to the hash: fewer, larger updates, without one string of it all. */
const HASH_CHUNK = 1 << 16;

/**
 * {@link hashBytes} of `lines` joined by newlines, hashed as they come: a
 * digest of a whole archive (one line per article) never holds every line
 * and their joined text, tens of megabytes at 100,000 articles, at once.
 */
export function hashLines(lines: Iterable<string>): string {
  const hash = crypto.createHash('sha1');
  let chunk = '';
  let first = true;
  for (const line of lines) {
    chunk += first ? line : `\n${line}`;
    first = false;
    if (chunk.length >= HASH_CHUNK) {
      hash.update(chunk);
      chunk = '';
    }
  }
  return hash.update(chunk).digest('hex');
}
