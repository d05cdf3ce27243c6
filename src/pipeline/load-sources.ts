import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDisplayPaths, toDisplayPath } from '../content/load-content.js';
import type { SourceFile } from '../content/source-file.js';
import { hashBytes } from '../hash/hash-bytes.js';
import type { ContentStats } from '../incremental/content-stats.js';
import type { CachedResult } from '../incremental/session-cache.js';
import type { ContentEntry, SessionMemory, SortedPaths } from './session-memory.js';
import type { ContentChanges } from './session-options.js';

const NO_BYTES = new Uint8Array();

/**
 * Brings the session's content entries up to date with the folder (I/O,
 * read only). With a listing (`listing`), every file is looked at: one whose
 * size and mtime match the cache is not read again, like git's index; one
 * the cache has never seen is read later, when it is processed. With a
 * watcher's changes, only the changed files are read.
 */
export function loadSources(
  memory: SessionMemory,
  dirs: { readonly contentDir: string; readonly root: string },
  listing: ContentStats | undefined,
  changes: ContentChanges | undefined,
): void {
  if (listing) {
    loadListing(memory, dirs, listing);
    return;
  }
  // An event names the files to look at; the folder says what they are now. A
  // removed file that is there again (its add event was lost) is read, not dropped.
  for (const file of [...(changes?.changed ?? []), ...(changes?.removed ?? [])]) {
    const relPath = toContentPath(dirs, file);
    // Synchronous: an edit's few files are read at once, not queued behind a watcher's folder scans.
    const bytes = readIfPresent(file);
    if (!memory.entries.has(relPath) || bytes === undefined) memory.order = undefined;
    if (bytes === undefined) memory.entries.delete(relPath);
    else {
      const source = { path: relPath, displayPath: toDisplayPath(file, dirs.root), bytes };
      memory.entries.set(relPath, { source, hash: hashBytes(bytes), stat: undefined });
    }
  }
}

function loadListing(
  memory: SessionMemory,
  dirs: { readonly contentDir: string; readonly root: string },
  listing: ContentStats,
): void {
  memory.entries.clear();
  memory.order = undefined;
  const displayPathOf = createDisplayPaths(dirs.contentDir, dirs.root);
  for (const { path: relPath, stat, hash } of listing) {
    const source = { path: relPath, displayPath: displayPathOf(relPath), bytes: NO_BYTES };
    memory.entries.set(
      relPath,
      compareWithCache(memory.results.get(relPath), source, stat, hash, () =>
        readFileSync(path.join(dirs.contentDir, relPath)),
      ),
    );
  }
  memory.listed = true;
}

/**
 * A listed file's entry: its hash from the cache when its stats match, else
 * read and hashed, or left for later. A hash the listing read early
 * (`listed`) stands for the file when it is the cached one: the file is
 * unchanged and not read again. Else it is read here, so the bytes
 * processed are the bytes hashed.
 */
function compareWithCache(
  cached: CachedResult | undefined,
  source: SourceFile,
  stat: string | undefined,
  listed: string | undefined,
  read: () => Uint8Array,
): ContentEntry {
  if (cached && stat !== undefined && cached.stat === stat) return { source, hash: cached.hash, stat };
  if (!cached) return { source, hash: undefined, stat };
  if (listed === cached.hash) return { source, hash: listed, stat };
  // Synchronous on purpose: for thousands of small files about three times faster than a promise each.
  const bytes = read();
  const hash = hashBytes(bytes);
  return { source: { ...source, bytes: hash === cached.hash ? NO_BYTES : bytes }, hash, stat };
}

/** The entries' paths in a total order, with a hash of the list. */
export function sortPaths(paths: string[]): SortedPaths {
  paths.sort((a, b) => (a < b ? -1 : 1));
  return { paths, hash: hashBytes(paths.join('\n')) };
}

function toContentPath(dirs: { readonly contentDir: string; readonly root: string }, file: string): string {
  return path.relative(dirs.contentDir, path.resolve(dirs.root, file)).split(path.sep).join('/');
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
