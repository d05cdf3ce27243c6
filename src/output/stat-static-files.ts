import { statSync } from 'node:fs';
import { fileStamp } from '../boundary/file-stamp.js';
import type { RefusedEntry } from '../boundary/resolve-link.js';
import { askThreadOnce } from '../thread/ask-thread-once.js';
import { listStaticFolder, type StaticFile } from './list-static-files.js';

/**
 * The static folder's files (sorted by path), the `size:mtime` and the ctime
 * (milliseconds) of each at the same index, and the entries left out.
 */
export interface StattedStaticFolder {
  readonly files: readonly StaticFile[];
  readonly stamps: readonly string[];
  readonly ctimes: readonly number[];
  readonly refused: readonly RefusedEntry[];
}

/** Lists the static folder (see `listStaticFolder`) and stats every file in it, on this thread. */
export async function statStaticFolder(staticDir: string): Promise<StattedStaticFolder> {
  const { files, refused } = await listStaticFolder(staticDir);
  // Synchronous, as for the content folder: a stat from the page cache takes microseconds, and a promise
  // per file cost a no-op build of 1,000 photos twice as much time as the stats themselves.
  const ctimes: number[] = [];
  const stamps = files.map((file) => {
    const stats = statSync(file.source);
    ctimes.push(stats.ctimeMs);
    return fileStamp(stats);
  });
  return { files, stamps, ctimes, refused };
}

/** What the thread answers: four NUL-joined lists (no path holds a NUL) and the refused entries. */
export interface EncodedStaticFolder {
  readonly paths: string;
  readonly sources: string;
  readonly stamps: string;
  readonly ctimes: string;
  readonly refused: readonly RefusedEntry[];
}

/** {@link statStaticFolder}'s answer as one message: a few strings, not a structured clone of every file. */
export function encodeStaticFolder(folder: StattedStaticFolder): EncodedStaticFolder {
  return {
    paths: folder.files.map((file) => file.path).join('\0'),
    sources: folder.files.map((file) => file.source).join('\0'),
    stamps: folder.stamps.join('\0'),
    ctimes: folder.ctimes.join('\0'),
    refused: folder.refused,
  };
}

/** Reads {@link encodeStaticFolder}'s message back; undefined when it is not one. */
export function decodeStaticFolder(message: unknown): StattedStaticFolder | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { paths, sources, stamps, ctimes, refused } = message as Partial<EncodedStaticFolder>;
  if (typeof paths !== 'string' || typeof sources !== 'string' || typeof stamps !== 'string') return undefined;
  if (typeof ctimes !== 'string' || !Array.isArray(refused)) return undefined;
  const split = (list: string) => (list === '' ? [] : list.split('\0'));
  const [pathList, sourceList, stampList] = [split(paths), split(sources), split(stamps)];
  const ctimeList = split(ctimes).map(Number);
  if ([sourceList, stampList, ctimeList].some((list) => list.length !== pathList.length)) return undefined;
  const files = pathList.map((path, index) => ({ path, source: sourceList[index] as string }));
  return { files, stamps: stampList, ctimes: ctimeList, refused };
}

const WORKER_URL = new URL('./static-worker.js', import.meta.url);

/**
 * {@link statStaticFolder} on a thread of its own, for a build that parses
 * its cache meanwhile: a site with a photo per article lists and stats
 * 100,000 static files (0.7 s) every build. Undefined, never a rejection,
 * when the thread cannot help (one core, the worker entry not built, a
 * thread that fails, or any problem with the folder): the caller then lists
 * the folder on its own thread, which reports the problem as usual.
 */
export function statStaticAside(staticDir: string): Promise<StattedStaticFolder | undefined> {
  return askThreadOnce(WORKER_URL, { staticDir }, decodeStaticFolder);
}
