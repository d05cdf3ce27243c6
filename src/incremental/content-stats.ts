import path from 'node:path';
import type { RefusedEntry } from '../boundary/resolve-link.js';
import { listContentFiles } from '../content/load-content.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { askThreadOnce } from '../thread/ask-thread-once.js';
import { decodeStats, statFiles } from './stat-files.js';

/**
 * The content folder's files (sorted, relative to it) with their
 * `size:mtime`, undefined when a file vanished, and the content hash of a
 * file read while it was statted (see {@link statAside}).
 */
export type ContentStats = readonly {
  readonly path: string;
  readonly stat: string | undefined;
  readonly hash?: string | undefined;
}[];

/** The content folder's files with their stats: those the build processes, and the images beside them. */
export interface ContentStatsListing {
  readonly files: ContentStats;
  /** Image files of page bundles: published and encoded, never processed as content. */
  readonly images: ContentStats;
  /** Content files changed at or after the instant the listing was statted against (by ctime), not yet read. */
  readonly recent: readonly string[];
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

/**
 * The stats of a listing's files, on this thread, with the content files
 * changed at or after `since` (milliseconds, by ctime) as `recent`.
 */
export function statListing(listing: ListedContent, since?: number): ContentStatsListing {
  // The listing's paths are posix and plain (no `.` or `..`).
  const base = path.normalize(listing.dir);
  const { stamps, recent } = statFiles(base, [...listing.files, ...listing.images], since);
  const files = recent.filter((index) => index < listing.files.length).map((index) => listing.files[index] as string);
  return { ...pairStats(listing, stamps, []), recent: files };
}

const WORKER_URL = new URL('./stat-worker.js', import.meta.url);

/**
 * {@link statListing} on a thread of its own, for a build that will load its
 * cache anyway: a hundred thousand stats (0.3-0.4 s) then cost the main
 * thread nothing while it parses the cache's records. The thread also reads
 * and hashes the content files changed at or after `since` (the last
 * listing, by ctime), which the build would read on its own thread once the
 * records are in: a fresh checkout in CI has every file new, with the same
 * bytes. On this thread with one core, when the worker entry is not built
 * (code run from its TypeScript sources), and when the thread fails or
 * answers something else than the listing asked.
 */
export async function statAside(listing: ListedContent, since?: number): Promise<ContentStatsListing> {
  const all = [...listing.files, ...listing.images];
  const stats = await askStatThread(listing.dir, all, since ?? Number.POSITIVE_INFINITY, listing.files.length);
  return stats ? { ...pairStats(listing, stats.stamps, stats.hashes), recent: [] } : statListing(listing, since);
}

/** Fewer changed files than this are read on the build's own thread: starting a thread costs more. */
const HASH_ASIDE_FILES = 200;

/**
 * A listing statted on this thread (see {@link statListing}), with its
 * recent files read and hashed on a thread of its own while the build loads
 * its cache: a fresh checkout of an unchanged site, or a large merge. The
 * listing as it is when there are few, or when no thread can help.
 */
export async function hashAside(dir: string, listed: ContentStatsListing): Promise<ContentStatsListing> {
  const { recent } = listed;
  if (recent.length < HASH_ASIDE_FILES) return listed;
  const stats = await askStatThread(dir, recent, Number.NEGATIVE_INFINITY, recent.length);
  if (!stats) return listed;
  const hashes = new Map<string, string | undefined>(recent.map((file, index) => [file, stats.hashes[index]]));
  const files = listed.files.map((file) => (hashes.has(file.path) ? { ...file, hash: hashes.get(file.path) } : file));
  return { files, images: listed.images, recent: [] };
}

/**
 * The stat thread's answer for `files` (in `dir`): their stamps, and the
 * hashes of those among the first `hashable` changed at or after `since`.
 * Undefined when no thread can help or its answer is not for these files.
 */
function askStatThread(dir: string, files: readonly string[], since: number, hashable: number) {
  // NUL between paths: the one character a file name never holds.
  const data = { base: path.normalize(dir), files: files.join('\0'), since, hashable };
  return askThreadOnce(WORKER_URL, data, (text) =>
    typeof text === 'string' ? decodeStats(text, files.length) : undefined,
  );
}

/** The listing's files and images with their stats (files, then images), and the files' hashes when read. */
function pairStats(
  listing: ListedContent,
  stats: readonly (string | undefined)[],
  hashes: readonly (string | undefined)[],
): Pick<ContentStatsListing, 'files' | 'images'> {
  const files = listing.files.map((file, index) => {
    const hash = hashes[index];
    return hash === undefined ? { path: file, stat: stats[index] } : { path: file, stat: stats[index], hash };
  });
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
