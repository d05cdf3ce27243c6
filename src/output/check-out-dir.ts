import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXIT_USAGE, NewsgenError } from '../diagnostics/newsgen-error.js';
import { OUTPUT_MARKER, readOutputOwnership } from './output-marker.js';
import { resolveRealPath } from './resolve-real-path.js';

/** What {@link checkOutDir} needs to know. */
export interface CheckOutDirInput {
  /** Working directory of the site. */
  readonly root: string;
  /** The output folder about to be replaced (relative paths resolve against `root`). */
  readonly outDir: string;
  /** Folders the build reads from and must never replace: content, templates, static. */
  readonly protectedDirs: readonly string[];
  /** Replace an existing folder even when it is not newsgen's own output (`--force-out`). @default false */
  readonly force?: boolean;
}

/**
 * Refuses an output folder that a build must never replace, because the write stage
 * swaps the whole folder: see {@link checkOutDirPlace}. An existing folder must also be
 * newsgen's own output (empty, or holding the marker an earlier build wrote, and no
 * `.git`), unless `force` is set. Throws `NewsgenError` `unsafe-out-dir` (exit code 2);
 * deletes nothing.
 */
export function checkOutDir(input: CheckOutDirInput): void {
  checkOutDirPlace(input);
  const foreign = input.force ? undefined : findOwnershipProblem(resolveOutDir(input));
  if (foreign === undefined) return;
  throw new NewsgenError(`Refusing to replace ${JSON.stringify(input.outDir)}: ${foreign}.`, {
    code: 'unsafe-out-dir',
    exitCode: EXIT_USAGE,
    hint:
      'A build deletes everything in its output folder. Choose a new or empty folder (--out, or the `out` config key), ' +
      'or pass --force-out to replace this one anyway, deleting what it holds.',
  });
}

/**
 * The refusals `--force-out` cannot lift, so `check` shares them with the
 * build it runs before: the working directory or anything above it, the
 * file-system root, the home folder, a git repository's own folder, a folder
 * the build reads from or one containing it, a file. Symlinks are resolved
 * first. What the folder holds is not looked at: that changes from one
 * machine to the next, where the place is a setting. Throws `NewsgenError`
 * `unsafe-out-dir` (exit code 2).
 */
export function checkOutDirPlace(input: Omit<CheckOutDirInput, 'force'>): void {
  const root = resolveRealPath(input.root);
  const outDir = resolveOutDir(input);
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

function resolveOutDir(input: Pick<CheckOutDirInput, 'root' | 'outDir'>): string {
  return resolveRealPath(path.resolve(input.root, input.outDir));
}

function findPlaceProblem(outDir: string, root: string): string | undefined {
  if (path.dirname(outDir) === outDir) return 'it is the root of the file system';
  if (outDir.split(path.sep).includes('.git')) return "it is inside a git repository's .git folder";
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
  try {
    const stats = fs.statSync(outDir, { throwIfNoEntry: false });
    if (stats && !stats.isDirectory()) return 'it exists and is not a folder';
  } catch (error) {
    // `--out README.md/site`: no folder can be made below a file (stat says ENOTDIR, not "no entry").
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return 'a part of its path is a file, not a folder';
    throw error;
  }
  return undefined;
}

/** Why an existing folder is not newsgen's to replace, or undefined when it is (absent, empty or marked). */
function findOwnershipProblem(outDir: string): string | undefined {
  const ownership = readOutputOwnership(outDir);
  if (ownership.kind === 'absent' || ownership.kind === 'empty') return undefined;
  if (ownership.repository) return 'it holds a git repository (.git), which replacing the folder would delete';
  if (ownership.kind === 'marked') return undefined;
  const shown = ownership.entries.slice(0, 3).join(', ');
  const more = ownership.entries.length > 3 ? ` and ${ownership.entries.length - 3} more` : '';
  return `it holds files that newsgen did not write (${shown}${more}) and no ${OUTPUT_MARKER} file from an earlier build`;
}

/** True when `child` is strictly below `parent`. */
function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function displayPath(target: string, root: string): string {
  return target === root || isInside(target, root) ? path.relative(root, target) || '.' : target;
}
