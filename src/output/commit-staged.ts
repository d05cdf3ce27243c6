import { lstatSync, mkdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isNewsgenError, NewsgenError } from '../diagnostics/newsgen-error.js';
import { resolveOutputPath } from './resolve-output-path.js';
import { siblingPath } from './swap-dirs.js';
import { wrapIoError } from './wrap-io-error.js';

/** One file ready to move in: its output path (relative, forward slashes) and where it waits. */
export interface StagedFile {
  readonly path: string;
  /** Absolute path of the staged file (beside the output folder). */
  readonly staged: string;
}

/** What {@link commitStaged} moves: staged files in, deleted files out. */
export interface StagedChanges {
  readonly outDir: string;
  readonly files: readonly StagedFile[];
  /** Paths of output files to remove. */
  readonly deleted: readonly string[];
}

/** One step done to the output folder, and how to undo it. */
interface Move {
  readonly target: string;
  /** Where the file it replaced or deleted waits; undefined when there was none. */
  readonly aside: string | undefined;
  /** True when the step put a new file at `target`. */
  readonly placed: boolean;
}

/**
 * Moves staged files into the output folder and deletes files, as one step
 * that either completes or is undone: every replaced or deleted file is
 * first renamed into a folder beside the output, and put back when any move
 * fails. Renames only (synchronous: a tight loop with nothing else to do),
 * so the output folder never holds half a file. Folders left empty by
 * deletions are removed.
 */
export async function commitStaged(changes: StagedChanges): Promise<void> {
  if (changes.files.length === 0 && changes.deleted.length === 0) return;
  const asideDir = siblingPath(changes.outDir, 'old');
  const moves: Move[] = [];
  const ensured = new Set<string>();
  /** Folders this commit created in the output folder: removed again when it is undone. */
  const created: string[] = [];
  const ensureFolder = (folder: string) => {
    if (ensured.has(folder)) return;
    const first = mkdirSync(folder, { recursive: true });
    if (first !== undefined) created.push(first);
    ensured.add(folder);
  };
  try {
    // Replaced and deleted files wait in one flat folder, by step number: no folder per file.
    const asideOf = () => {
      ensureFolder(asideDir);
      return path.join(asideDir, String(moves.length));
    };
    for (const file of changes.files) {
      const target = resolveOutputPath(changes.outDir, file.path);
      const aside = moveAside(target, asideOf);
      moves.push({ target, aside, placed: false });
      ensureFolder(path.dirname(target));
      renameSync(file.staged, target);
      moves[moves.length - 1] = { target, aside, placed: true };
    }
    for (const file of changes.deleted) {
      const target = resolveOutputPath(changes.outDir, file);
      moves.push({ target, aside: moveAside(target, asideOf), placed: false });
    }
  } catch (error) {
    undo(moves);
    for (const folder of created.reverse())
      if (!folder.startsWith(asideDir)) rmSync(folder, { recursive: true, force: true });
    throw isNewsgenError(error) ? error : wrapIoError(error, 'update', changes.outDir);
  } finally {
    rmSync(asideDir, { recursive: true, force: true, maxRetries: 3 });
  }
  removeEmptyFolders(changes.outDir, changes.deleted);
}

/** Renames an existing file `target` to a place `asideOf` gives; undefined when there was nothing there. Never moves a folder. */
function moveAside(target: string, asideOf: () => string): string | undefined {
  const stats = lstatSync(target, { throwIfNoEntry: false });
  if (!stats) return undefined;
  if (stats.isDirectory())
    throw new NewsgenError(`A folder is in the way of the output file ${target}`, {
      code: 'output-collision',
      file: target,
      hint: 'Remove or rename that folder: newsgen writes a file there.',
    });
  const aside = asideOf();
  renameSync(target, aside);
  return aside;
}

/** Puts every file back as it was, newest step first. */
function undo(moves: readonly Move[]): void {
  for (const move of [...moves].reverse()) {
    if (move.placed) rmSync(move.target, { force: true });
    if (move.aside) renameSync(move.aside, move.target);
  }
}

/** Removes the folders that deleting pages left empty (`old-slug/`), never the output folder itself. */
function removeEmptyFolders(outDir: string, deleted: readonly string[]): void {
  const folders = new Set<string>();
  for (const file of deleted)
    for (let folder = path.posix.dirname(file); folder !== '.'; folder = path.posix.dirname(folder))
      folders.add(folder);
  const deepestFirst = [...folders].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
  for (const folder of deepestFirst) {
    try {
      rmdirSync(resolveOutputPath(outDir, folder));
    } catch {
      // Not empty, or already gone: both fine.
    }
  }
}
