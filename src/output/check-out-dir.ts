import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXIT_USAGE, NewsgenError } from '../diagnostics/newsgen-error.js';
import { resolveRealPath } from './resolve-real-path.js';

/** What {@link checkOutDir} needs to know. */
export interface CheckOutDirInput {
  /** Working directory of the site. */
  readonly root: string;
  /** The output folder about to be replaced (relative paths resolve against `root`). */
  readonly outDir: string;
  /** Folders the build reads from and must never replace: content, templates, static. */
  readonly protectedDirs: readonly string[];
}

/**
 * Refuses an output folder that a build must never replace, because the write stage
 * swaps the whole folder: the working directory or anything above it, the file-system
 * root, the home folder, a folder the build reads from or one containing it. Symlinks
 * are resolved first. Throws `NewsgenError` `unsafe-out-dir` (exit code 2); deletes nothing.
 */
export function checkOutDir(input: CheckOutDirInput): void {
  const root = resolveRealPath(input.root);
  const outDir = resolveRealPath(path.resolve(input.root, input.outDir));
  const problem =
    findPlaceProblem(outDir, root) ??
    findProtectedProblem(outDir, root, input.protectedDirs) ??
    findKindProblem(outDir);
  if (problem === undefined) return;
  throw new NewsgenError(`Refusing to use ${JSON.stringify(input.outDir)} as the output folder: ${problem}.`, {
    code: 'unsafe-out-dir',
    exitCode: EXIT_USAGE,
    hint: 'Every build replaces the output folder as a whole; point --out (or the `out` config key) at a folder of its own, such as `dist`.',
  });
}

function findPlaceProblem(outDir: string, root: string): string | undefined {
  if (path.dirname(outDir) === outDir) return 'it is the root of the file system';
  if (outDir === root) return 'it is the working directory';
  if (isInside(root, outDir)) return 'it contains the working directory';
  const home = resolveRealPath(os.homedir());
  if (outDir === home) return 'it is your home folder';
  if (isInside(home, outDir)) return 'it contains your home folder';
  return undefined;
}

function findProtectedProblem(outDir: string, root: string, protectedDirs: readonly string[]): string | undefined {
  for (const dir of protectedDirs) {
    const real = resolveRealPath(path.resolve(root, dir));
    const shown = displayPath(real, root);
    if (outDir === real) return `it is the folder ${shown}, which the build reads from`;
    if (isInside(real, outDir)) return `it contains ${shown}, which the build reads from`;
    // Output inside an input folder would be read back (or copied into itself) next build.
    if (isInside(outDir, real)) return `it is inside ${shown}, which the build reads from`;
  }
  return undefined;
}

function findKindProblem(outDir: string): string | undefined {
  const stats = fs.statSync(outDir, { throwIfNoEntry: false });
  if (stats && !stats.isDirectory()) return 'it exists and is not a folder';
  return undefined;
}

/** True when `child` is strictly below `parent`. */
function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function displayPath(target: string, root: string): string {
  return target === root || isInside(target, root) ? path.relative(root, target) || '.' : target;
}
