import { statSync } from 'node:fs';
import path from 'node:path';
import type { RefusedEntry } from '../boundary/resolve-link.js';
import { listContentFiles } from '../content/load-content.js';
import { hashBytes } from '../hash/hash-bytes.js';

/** The content folder's files (sorted, relative to it) with their `size:mtime`, undefined when a file vanished. */
export type ContentStats = readonly { readonly path: string; readonly stat: string | undefined }[];

/** Lists the content folder and stats every file in it, reading none. */
export async function statContent(contentDir: string): Promise<ContentStats> {
  return (await statContentListing(contentDir)).stats;
}

/** {@link statContent}, with the entries the listing left out (links leading outside the site, special files). */
export async function statContentListing(
  contentDir: string,
): Promise<{ readonly stats: ContentStats; readonly refused: readonly RefusedEntry[] }> {
  const listing = listContentFiles(contentDir);
  const files = listing.files.sort((a, b) => (a < b ? -1 : 1));
  const stats = files.map((file) => {
    const info = statSync(path.join(contentDir, file), { throwIfNoEntry: false });
    return { path: file, stat: info ? `${info.size}:${info.mtimeMs}` : undefined };
  });
  return { stats, refused: listing.refused };
}

/**
 * Fingerprint of the content folder from file stats alone (path, size,
 * mtime): like git's index, it lets an unchanged site be recognised without
 * reading a single article. Any difference falls back to content hashes.
 */
export function fingerprintStats(files: ContentStats, settings: string): string {
  return hashBytes([settings, ...files.map((file) => `${file.path}\0${file.stat ?? -1}`)].join('\n'));
}
