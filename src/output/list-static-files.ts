import { type Dirent, readdirSync, realpathSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { joinPlain } from '../boundary/join-plain.js';
import { type RefusedEntry, refuseSpecial, resolveLink } from '../boundary/resolve-link.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { OUTPUT_MARKER } from './output-marker.js';
import { checkOutputPath } from './resolve-output-path.js';
import { wrapIoError } from './wrap-io-error.js';

/** A file of the static folder and where it goes in the output. */
export interface StaticFile {
  /** Posix path relative to both the static folder and the output folder. */
  readonly path: string;
  /** Absolute path of the file to copy. */
  readonly source: string;
}

/** The static folder's files, and the entries left out of them. */
export interface StaticFolder {
  /** Sorted by path. */
  readonly files: StaticFile[];
  /** Symlinks leading outside the site or to special files, and special files: never copied or walked. */
  readonly refused: RefusedEntry[];
}

/**
 * Every file below `staticDir`, sorted by path; a missing folder has none. Symlinks are
 * followed when they stay inside `root` (the site folder; by default the static
 * folder's parent) or the static folder, a linked folder visited once; links leading
 * elsewhere and special files (FIFOs, sockets, devices) are left out, so the walk never
 * leaves the project. Every path passes the output guard.
 */
export async function listStaticFiles(staticDir: string, root?: string): Promise<StaticFile[]> {
  return (await listStaticFolder(staticDir, root)).files;
}

/** {@link listStaticFiles}, with the entries it left out. */
export async function listStaticFolder(staticDir: string, root?: string): Promise<StaticFolder> {
  let stats: Stats | undefined;
  try {
    stats = statSync(staticDir, { throwIfNoEntry: false });
  } catch (error) {
    throw wrapIoError(error, 'read the static folder', staticDir);
  }
  if (!stats) return { files: [], refused: [] };
  if (!stats.isDirectory()) {
    throw new NewsgenError(`The static folder ${staticDir} is not a folder.`, {
      code: 'output-io',
      file: staticDir,
      hint: 'Point --static (or the `static` config key) at a folder whose files are copied into the site as they are.',
    });
  }
  const walk: Walk = {
    files: [],
    refused: [],
    visited: new Set(),
    insideOf: [root ?? path.dirname(path.resolve(staticDir)), staticDir],
  };
  walkFolder(walk, path.normalize(staticDir), realpathSync.native(staticDir), '');
  walk.refused.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: walk.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), refused: walk.refused };
}

/** The state of one walk of the static folder. */
interface Walk {
  readonly files: StaticFile[];
  readonly refused: RefusedEntry[];
  readonly visited: Set<string>;
  readonly insideOf: readonly string[];
}

/**
 * Walks one folder with synchronous calls: a folder's entries come from the
 * page cache in microseconds, and awaiting each call on the thread pool cost
 * a build that finds nothing changed more than the calls themselves.
 */
function walkFolder(walk: Walk, dir: string, real: string, prefix: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw wrapIoError(error, 'read the static folder', dir);
  }
  walk.visited.add(real);
  for (const entry of entries) {
    const source = joinPlain(dir, `/${entry.name}`);
    const relPath = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    const kind = entry.isSymbolicLink() ? followLink(walk, source) : kindOf(entry);
    if (kind === 'folder') {
      const target = realpathSync.native(source);
      if (!walk.visited.has(target)) walkFolder(walk, source, target, relPath);
    } else if (kind === 'file') {
      walk.files.push({ path: checkStaticPath(relPath, source), source });
    } else if (kind === 'special') {
      walk.refused.push(refuseSpecial(source, entry));
    }
  }
}

/** A link's kind when it stays inside the project; otherwise it is recorded as refused. */
function followLink(walk: Walk, source: string): 'file' | 'folder' | undefined {
  const target = resolveLink(source, walk.insideOf);
  if (target.ok) return target.kind;
  walk.refused.push(target.refused);
  return undefined;
}

function kindOf(entry: Dirent): 'file' | 'folder' | 'special' {
  return entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : 'special';
}

function checkStaticPath(relPath: string, source: string): string {
  if (relPath === OUTPUT_MARKER)
    throw new NewsgenError(`Static file ${OUTPUT_MARKER} collides with the marker every build writes`, {
      code: 'output-collision',
      file: source,
      hint: 'Rename or remove the static file: newsgen writes this file to recognise its own output folder.',
    });
  const checked = checkOutputPath(relPath);
  if (typeof checked === 'string') return checked;
  throw new NewsgenError(`Unsafe static file name ${JSON.stringify(relPath)}: it ${checked.reason}`, {
    code: 'unsafe-output-path',
    file: source,
    hint: 'Rename the file so it is safe on every file system a site may be deployed to.',
  });
}
