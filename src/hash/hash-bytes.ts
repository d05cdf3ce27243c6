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
