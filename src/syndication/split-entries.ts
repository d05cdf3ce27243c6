/** Most entries and bytes one sitemap file may hold. */
export interface SplitLimit {
  readonly maxEntries: number;
  readonly maxBytes: number;
}

/**
 * Splits entries, in order, into chunks that respect both limits; `sizeOf`
 * gives an upper bound of an entry's serialised bytes and `overhead` the bytes
 * of the file around them. Always returns at least one (possibly empty) chunk.
 */
export function splitEntries<T>(
  entries: readonly T[],
  limit: SplitLimit,
  sizeOf: (entry: T) => number,
  overhead: number,
): T[][] {
  const chunks: T[][] = [[]];
  let bytes = overhead;
  for (const entry of entries) {
    const size = sizeOf(entry);
    const current = chunks[chunks.length - 1] ?? [];
    if (current.length > 0 && (current.length >= limit.maxEntries || bytes + size > limit.maxBytes)) {
      chunks.push([entry]);
      bytes = overhead + size;
    } else {
      current.push(entry);
      bytes += size;
    }
  }
  return chunks;
}

/** Upper bound of the UTF-8 bytes of text once XML-escaped (every escape is at most 6 bytes). */
export function estimateXmlBytes(text: string): number {
  return Buffer.byteLength(text, 'utf8') + 5 * (text.match(/[&<>"']/g)?.length ?? 0);
}

/**
 * Upper bound of the bytes of the absolute URL of `urlPath` under `baseUrl`
 * once percent-encoded and XML-escaped, without building it: exact for the
 * usual paths (letters, digits, `-._~/`), and otherwise 5 bytes for each UTF-8
 * byte (`&` becomes `&amp;`, any other byte at most `%XX`).
 */
export function estimateLocBytes(baseUrl: string, urlPath: string): number {
  // The base URL ends with the slash the path starts with.
  const relative = urlPath.startsWith('/') ? urlPath.slice(1) : urlPath;
  const plain = /^[A-Za-z0-9\-._~/]*$/.test(relative);
  return Buffer.byteLength(baseUrl, 'utf8') + (plain ? relative.length : 5 * Buffer.byteLength(relative, 'utf8'));
}
