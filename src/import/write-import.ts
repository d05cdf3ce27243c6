import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import type { PlannedFile } from './plan-import.js';

/**
 * Writes the planned files under `contentDir`, all or none: every target is
 * checked first (one that exists is a clash, refused unless `force`), then
 * each file is written beside its target under a temporary name and renamed
 * into place only once all were written, so a failure leaves no half import.
 */
export async function writeImport(
  files: readonly PlannedFile[],
  contentDir: string,
  options: { readonly force: boolean; readonly shownDir: string },
): Promise<void> {
  const clashes: string[] = [];
  for (const file of files)
    if (await exists(path.join(contentDir, file.path))) clashes.push(`${options.shownDir}/${file.path}`);
  if (clashes.length > 0 && !options.force)
    throw new NewsgenError(
      `Refusing to overwrite ${clashes.length} existing file${clashes.length === 1 ? '' : 's'}: ${clashes.slice(0, 10).join(', ')}${clashes.length > 10 ? ', …' : ''}`,
      {
        code: 'import-exists',
        file: options.shownDir,
        hint: 'Import into an empty content folder, or pass --force to replace them.',
      },
    );
  const temporary = files.map((file) => path.join(contentDir, `${file.path}.newsgen-import`));
  try {
    for (const [index, file] of files.entries()) {
      const target = temporary[index] ?? '';
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.text, { flag: 'w' });
    }
  } catch (error) {
    await Promise.all(temporary.map((file) => rm(file, { force: true })));
    throw new NewsgenError(`Could not write the imported files: ${(error as Error).message}`, {
      code: 'import-write',
      file: options.shownDir,
      cause: error,
    });
  }
  for (const [index, file] of files.entries()) await rename(temporary[index] ?? '', path.join(contentDir, file.path));
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}
