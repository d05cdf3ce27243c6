import fs from 'node:fs/promises';
import path from 'node:path';
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

/**
 * Every file below `staticDir`, sorted by path; a missing folder has none. Symlinks are
 * followed (a linked folder is visited once), and every path passes the output guard.
 */
export async function listStaticFiles(staticDir: string): Promise<StaticFile[]> {
  const stats = await fs.stat(staticDir).catch((error: unknown) => {
    if (isMissing(error)) return undefined;
    throw wrapIoError(error, 'read the static folder', staticDir);
  });
  if (!stats) return [];
  if (!stats.isDirectory()) {
    throw new NewsgenError(`The static folder ${staticDir} is not a folder.`, {
      code: 'output-io',
      file: staticDir,
      hint: 'Point --static (or the `static` config key) at a folder whose files are copied into the site as they are.',
    });
  }
  const files: StaticFile[] = [];
  await walkFolder(staticDir, '', files, new Set());
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function walkFolder(dir: string, prefix: string, files: StaticFile[], visited: Set<string>): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    throw wrapIoError(error, 'read the static folder', dir);
  });
  visited.add(await fs.realpath(dir));
  for (const entry of entries) {
    const source = path.join(dir, entry.name);
    const relPath = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    const stats = entry.isSymbolicLink() ? await followLink(source) : entry;
    if (stats.isDirectory()) {
      if (!visited.has(await fs.realpath(source))) await walkFolder(source, relPath, files, visited);
    } else if (stats.isFile()) {
      files.push({ path: checkStaticPath(relPath, source), source });
    }
  }
}

async function followLink(source: string): Promise<{ isDirectory(): boolean; isFile(): boolean }> {
  return fs.stat(source).catch((error: unknown) => {
    throw wrapIoError(error, 'follow the symlink', source);
  });
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

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
