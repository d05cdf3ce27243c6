import path from 'node:path';
import type { RefusedEntry } from '../boundary/resolve-link.js';
import { listContentFiles } from '../content/load-content.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { askThreadOnce } from '../thread/ask-thread-once.js';
import { decodeStats, statFiles } from './stat-files.js';

/** The content folder's files (sorted, relative to it) with their `size:mtime`, undefined when a file vanished. */
export type ContentStats = readonly { readonly path: string; readonly stat: string | undefined }[];

/** The content folder's files with their stats: those the build processes, and the images beside them. */
export interface ContentStatsListing {
  readonly files: ContentStats;
  /** Image files of page bundles: published and encoded, never processed as content. */
  readonly images: ContentStats;
}

/** The content folder's files and images, each list sorted, with the entries left out; nothing statted yet. */
export interface ListedContent {
  readonly dir: string;
  readonly files: readonly string[];
  readonly images: readonly string[];
  readonly refused: readonly RefusedEntry[];
}

/** Lists the content folder and stats every file in it, reading none. */
export async function statContent(contentDir: string): Promise<ContentStatsListing> {
  return statListing(listContent(contentDir));
}

/** Lists the content folder (paths only): {@link statListing} or {@link statAside} stats it. */
export function listContent(contentDir: string): ListedContent {
  const listing = listContentFiles(contentDir);
  const sort = (files: string[]) => files.sort((a, b) => (a < b ? -1 : 1));
  return { dir: contentDir, files: sort(listing.files), images: sort(listing.images), refused: listing.refused };
}

/** The stats of a listing's files, on this thread. */
export function statListing(listing: ListedContent): ContentStatsListing {
  // The listing's paths are posix and plain (no `.` or `..`).
  const base = path.normalize(listing.dir);
  const stats = statFiles(base, [...listing.files, ...listing.images]);
  return pairStats(listing, stats);
}

const WORKER_URL = new URL('./stat-worker.js', import.meta.url);

/**
 * {@link statListing} on a thread of its own, for a build that will load its
 * cache anyway: a hundred thousand stats (0.3-0.4 s) then cost the main
 * thread nothing while it parses the cache's records. On this thread with
 * one core, when the worker entry is not built (code run from its
 * TypeScript sources), and when the thread fails or answers something else
 * than the listing asked.
 */
export async function statAside(listing: ListedContent): Promise<ContentStatsListing> {
  const all = [...listing.files, ...listing.images];
  const stats = await askThreadOnce(WORKER_URL, { base: path.normalize(listing.dir), files: all.join('\0') }, (text) =>
    typeof text === 'string' ? decodeStats(text, all.length) : undefined,
  );
  return stats ? pairStats(listing, stats) : statListing(listing);
}

/** The listing's files and images with their stats, given in that order (files, then images). */
function pairStats(listing: ListedContent, stats: readonly (string | undefined)[]): ContentStatsListing {
  const files = listing.files.map((file, index) => ({ path: file, stat: stats[index] }));
  const images = listing.images.map((file, index) => ({ path: file, stat: stats[listing.files.length + index] }));
  return { files, images };
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
