import { statSync } from 'node:fs';
import path from 'node:path';
import { joinPlain } from '../boundary/join-plain.js';
import type { RefusedEntry } from '../boundary/resolve-link.js';
import { listContentFiles } from '../content/load-content.js';
import { hashBytes } from '../hash/hash-bytes.js';

/** The content folder's files (sorted, relative to it) with their `size:mtime`, undefined when a file vanished. */
export type ContentStats = readonly { readonly path: string; readonly stat: string | undefined }[];

/** The content folder's files with their stats: those the build processes, and the images beside them. */
export interface ContentStatsListing {
  readonly files: ContentStats;
  /** Image files of page bundles: published and encoded, never processed as content. */
  readonly images: ContentStats;
}

/** Lists the content folder and stats every file in it, reading none. */
export async function statContent(contentDir: string): Promise<ContentStatsListing> {
  const { files, images } = await statContentListing(contentDir);
  return { files, images };
}

/** {@link statContent}, with the entries the listing left out (links leading outside the site, special files). */
export async function statContentListing(
  contentDir: string,
): Promise<ContentStatsListing & { readonly refused: readonly RefusedEntry[] }> {
  const listing = listContentFiles(contentDir);
  // The listing's paths are posix and plain (no `.` or `..`).
  const base = path.normalize(contentDir);
  const stat = (files: string[]): ContentStats =>
    files
      .sort((a, b) => (a < b ? -1 : 1))
      .map((file) => {
        const info = statSync(joinPlain(base, `/${file}`), { throwIfNoEntry: false });
        return { path: file, stat: info ? `${info.size}:${info.mtimeMs}` : undefined };
      });
  return { files: stat(listing.files), images: stat(listing.images), refused: listing.refused };
}

/**
 * A stamp of the content folder's images (path, size, mtime): part of every
 * fingerprint that tells a build it has nothing to do, since a page bundle's
 * photo is an input of the pages showing it.
 */
export function stampImages(images: ContentStats): string {
  return hashBytes(images.map((file) => `${file.path}\0${file.stat ?? -1}`).join('\n'));
}

/**
 * Fingerprint of the content folder from file stats alone (path, size,
 * mtime): like git's index, it lets an unchanged site be recognised without
 * reading a single article. Any difference falls back to content hashes.
 */
export function fingerprintStats(files: ContentStats, settings: string): string {
  return hashBytes([settings, ...files.map((file) => `${file.path}\0${file.stat ?? -1}`)].join('\n'));
}
