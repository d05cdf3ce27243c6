import { realpathSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { staysWithin } from '../boundary/stays-within.js';
import { EXIT_USAGE, NewsgenError } from '../diagnostics/newsgen-error.js';
import type { ChangeManifest } from '../report/change-manifest.js';

/** The folders a manifest must stay out of. */
export interface ChangesFolders {
  readonly outDir: string;
  readonly contentDir: string;
  readonly staticDir: string;
  readonly templatesDir: string | undefined;
}

/**
 * The absolute path `--changes <file>` names, refused (exit 2) when it is a
 * folder (`--changes .` failed to write, with a hint to check that the
 * folder exists), inside the output folder (the manifest would be deployed
 * with the site, and a later build would find a file it did not write
 * there) and inside the content, static and templates folders (the build
 * reads them: a static one is deployed too). Compared as written and through
 * symlinks: `--changes /tmp/site/dist/changes.json` is inside an output
 * folder that the working directory names `/private/tmp/site/dist`, as is a
 * path through a link to it.
 */
export function resolveChangesFile(file: string, cwd: string, folders: ChangesFolders): string {
  const resolved = path.resolve(cwd, file);
  if (statSync(resolved, { throwIfNoEntry: false })?.isDirectory())
    throw new NewsgenError(`Unexpected --changes ${file}: it is a folder, expected the path of a file`, {
      code: 'usage',
      exitCode: EXIT_USAGE,
      hint: `Name the manifest's file, e.g. \`--changes ${path.join(file, 'changes.json')}\`.`,
    });
  const real = path.join(realPath(path.dirname(resolved)), path.basename(resolved));
  const places = [
    ['output', folders.outDir],
    ['content', folders.contentDir],
    ['static', folders.staticDir],
    ['templates', folders.templatesDir],
  ] as const;
  for (const [name, folder] of places) {
    if (folder === undefined) continue;
    if (!staysWithin(path.relative(folder, resolved)) && !staysWithin(path.relative(realPath(folder), real))) continue;
    throw new NewsgenError(`--changes ${file} is inside the ${name} folder ${folder}`, {
      code: 'usage',
      exitCode: EXIT_USAGE,
      hint: `Write the change manifest outside the ${name} folder, e.g. \`--changes changes.json\`.`,
    });
  }
  return resolved;
}

/** `file` with every symlink resolved, or as it is when it does not exist (nothing can be written there). */
function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}

/**
 * Writes empty lists to the manifest before the build, as a usage error
 * (exit 2) when it cannot be written: found after the build, a folder that
 * does not exist would lose the list of files the build had already
 * written, and the next build, finding nothing to do, would list none. A
 * file that is there already must be a manifest, or empty (`mktemp`): a
 * mistyped `--changes package.json`, or the config's name, replaced that
 * file with two empty lists.
 */
export async function claimChangesFile(file: string): Promise<void> {
  if ((await readReplaceable(file)) === 'foreign')
    throw new NewsgenError(`Refusing to overwrite ${file} with the change manifest: it holds something else`, {
      code: 'usage',
      exitCode: EXIT_USAGE,
      hint: 'Name a new file (`--changes changes.json`), or an earlier manifest; a manifest is JSON with `written` and `deleted` lists.',
    });
  await writeChangesFile(file, { written: [], deleted: [] }, EXIT_USAGE);
}

/** What `file` holds: nothing (missing or empty), a change manifest, or something else. */
async function readReplaceable(file: string): Promise<'none' | 'manifest' | 'foreign'> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined || text === '') return 'none';
  try {
    const value = JSON.parse(text) as { written?: unknown; deleted?: unknown } | null;
    return Array.isArray(value?.written) && Array.isArray(value.deleted) ? 'manifest' : 'foreign';
  } catch {
    return 'foreign';
  }
}

/**
 * Empties the manifest an earlier build left at `file`, for a build that
 * failed before it could claim it (a config error, a missing input folder:
 * the output folder, and so whether `file` may be written, is not known yet).
 * Left as it was, a deploy step reading it after the failure would upload
 * and purge the earlier build's files again. A file that is not there is
 * not created, nor one that is not a manifest touched; a manifest that
 * cannot be emptied stays, the build having failed with its own error.
 */
export async function emptyStaleChangesFile(cwd: string, file: string): Promise<void> {
  const resolved = path.resolve(cwd, file);
  if ((await readReplaceable(resolved)) !== 'manifest') return;
  await writeChangesFile(resolved, { written: [], deleted: [] }).catch(() => undefined);
}

/** Writes the manifest as indented JSON with a final newline. */
export async function writeChangesFile(file: string, manifest: ChangeManifest, exitCode = 1): Promise<void> {
  try {
    await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
  } catch (error) {
    throw new NewsgenError(`Could not write the change manifest ${file}: ${(error as Error).message}`, {
      code: 'changes-write',
      file,
      exitCode,
      cause: error,
      hint: 'Check that the folder of the --changes file exists and may be written.',
    });
  }
}
