import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { staysWithin } from '../boundary/stays-within.js';
import { EXIT_USAGE, NewsgenError } from '../diagnostics/newsgen-error.js';
import type { ChangeManifest } from '../report/change-manifest.js';

/**
 * The absolute path `--changes <file>` names, refused (exit 2) inside the
 * output folder: the manifest would be deployed with the site, and a later
 * build would find a file it did not write there.
 */
export function resolveChangesFile(file: string, cwd: string, outDir: string): string {
  const resolved = path.resolve(cwd, file);
  const relative = path.relative(outDir, resolved);
  if (staysWithin(relative))
    throw new NewsgenError(`--changes ${file} is inside the output folder ${outDir}`, {
      code: 'usage',
      exitCode: EXIT_USAGE,
      hint: 'Write the change manifest outside the output folder, e.g. `--changes changes.json`.',
    });
  return resolved;
}

/**
 * Writes empty lists to the manifest before the build, as a usage error
 * (exit 2) when it cannot be written: found after the build, a folder that
 * does not exist would lose the list of files the build had already
 * written, and the next build, finding nothing to do, would list none.
 */
export function claimChangesFile(file: string): Promise<void> {
  return writeChangesFile(file, { written: [], deleted: [] }, EXIT_USAGE);
}

/**
 * Empties the manifest an earlier build left at `file`, for a build that
 * failed before it could claim it (a config error, a missing input folder:
 * the output folder, and so whether `file` may be written, is not known yet).
 * Left as it was, a deploy step reading it after the failure would upload
 * and purge the earlier build's files again. A file that is not there is not
 * created; a manifest that cannot be emptied stays, the build having failed
 * with its own error already.
 */
export async function emptyStaleChangesFile(cwd: string, file: string): Promise<void> {
  const resolved = path.resolve(cwd, file);
  const isFile = await stat(resolved).then(
    (stats) => stats.isFile(),
    () => false,
  );
  if (!isFile) return;
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
