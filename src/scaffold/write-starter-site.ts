import { existsSync } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/find-config-file.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import type { StarterFile } from './plan-starter-site.js';

/** What writing the starter site did. */
export interface StarterWriteResult {
  readonly written: readonly string[];
  /** Files that already existed and were left as they were. */
  readonly kept: readonly string[];
}

/**
 * Refuses a folder that is a file, or that holds anything but a `.git`
 * folder, unless `force`: `init` is for new sites, and a folder with files
 * is most likely a site already.
 */
export async function checkStarterFolder(dir: string, shown: string, force: boolean): Promise<void> {
  const stats = await stat(dir).catch(() => undefined);
  if (stats === undefined) return;
  if (!stats.isDirectory())
    throw new NewsgenError(`Refusing to create a site in ${shown}: it is a file, not a folder`, {
      code: 'init-not-folder',
      exitCode: 2,
    });
  const entries = (await readdir(dir)).filter((name) => name !== '.git');
  if (entries.length > 0 && !force)
    throw new NewsgenError(`Refusing to create a site in ${shown}: the folder is not empty`, {
      code: 'init-not-empty',
      exitCode: 2,
      hint: 'Choose a new folder (newsgen init my-site), or add --force to add the missing files; existing files are never overwritten.',
    });
}

/**
 * Writes each file that does not exist yet (an edge). The `wx` flag makes
 * the existence check and the write one step, so a file that appears in
 * between is kept too.
 */
export async function writeStarterSite(dir: string, files: readonly StarterFile[]): Promise<StarterWriteResult> {
  const written: string[] = [];
  const kept: string[] = [];
  // A site has one config file: one in another format is the site's config, kept, not a second one to add
  // (a build refuses two as ambiguous).
  const config = CONFIG_FILE_NAMES.find((name) => existsSync(path.join(dir, name)));
  for (const file of files) {
    if (config && (CONFIG_FILE_NAMES as readonly string[]).includes(file.path)) {
      kept.push(config);
      continue;
    }
    const target = path.join(dir, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await writeFile(target, file.text, { flag: 'wx' });
      written.push(file.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw wrapWriteError(error, file.path);
      kept.push(file.path);
    }
  }
  return { written, kept };
}

function wrapWriteError(error: unknown, file: string): NewsgenError {
  return new NewsgenError(`Could not write ${file}: ${(error as Error).message}`, {
    code: 'init-write',
    file,
    cause: error,
    hint: 'Check that you may write to the folder and that the disk has room.',
  });
}
