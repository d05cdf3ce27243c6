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
