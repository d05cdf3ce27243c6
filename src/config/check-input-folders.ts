import fs from 'node:fs';
import path from 'node:path';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { CONFIG_FILE_NAMES } from './find-config-file.js';
import type { LoadedConfig } from './load-config.js';
import type { InlineConfig } from './resolve-config.js';

/** The folders a build reads, by the flag and config key that name them. */
const INPUT_FOLDERS = [
  { key: 'content', flag: '--content', required: true },
  { key: 'static', flag: '--static', required: false },
  { key: 'templates', flag: '--templates', required: false },
] as const;

/**
 * Checks, at the CLI's edge, that the folders a build reads are folders: a
 * `--content`, `--static` or `--templates` (or config key) naming a path that
 * does not exist or is a file, and a missing default `content/`, would
 * otherwise build a site with nothing in it. Each is a build error (exit 1,
 * the code of every input a build cannot use, as a missing `--templates`
 * folder is): a flag's mistake names the flag, a config key's is placed at
 * the key's line, and a missing default `content/` says to run newsgen in
 * the site's folder or name one (and, run below a site's folder, which
 * folder that is). `which: 'site'` checks only that this is a site, for
 * `newsgen new`, which writes into the content folder and reads nothing
 * else: a config file, `--content`, or a `content/` folder. Throws
 * `NewsgenError`.
 */
export function checkInputFolders(
  root: string,
  loaded: LoadedConfig,
  inline: InlineConfig,
  which: 'all' | 'site' = 'all',
): void {
  // A config file, or a folder named with --content, is a site's whose content folder `new` may create.
  if (which === 'site' && (loaded.file !== undefined || inline.content !== undefined)) return;
  const user = isRecord(loaded.value) ? loaded.value : {};
  for (const { key, flag, required } of INPUT_FOLDERS) {
    if (which === 'site' && key !== 'content') continue;
    const fromFlag = inline[key];
    const fromKey = typeof user[key] === 'string' ? user[key] : undefined;
    const setting = fromFlag ?? fromKey;
    if (setting === undefined && !required) continue;
    const folder = path.resolve(root, setting ?? key);
    const problem = findFolderProblem(folder);
    if (problem === undefined) continue;
    if (fromFlag !== undefined) {
      throw new NewsgenError(`Unexpected ${flag} ${JSON.stringify(fromFlag)}: it ${problem} (${folder})`, {
        code: 'missing-input',
        hint: `Check the path given to ${flag}; relative paths start at ${root}.`,
      });
    }
    if (fromKey !== undefined) {
      const file = loaded.displayPath ?? 'config';
      const diagnostic = createDiagnostic({
        file,
        place: loaded.locate([key]),
        reason: `Unexpected ${key} folder ${JSON.stringify(fromKey)}: it ${problem} (${folder}) (key \`${key}\`)`,
        ruleId: 'config-invalid',
        hint: `Check the \`${key}\` path; relative paths start at the site's folder.`,
      });
      throw new NewsgenError(`Invalid config in ${file}`, {
        code: 'config-invalid',
        file,
        place: diagnostic.place,
        diagnostics: [diagnostic],
      });
    }
    const site = loaded.file === undefined ? findSiteAbove(root) : undefined;
    throw new NewsgenError(`No ${key} folder: ${folder} ${problem}`, {
      code: 'missing-input',
      hint:
        site === undefined
          ? `Run newsgen in the site's folder, or pass ${flag} <dir> (or set \`${key}\` in the config file).`
          : `Run newsgen in the site's folder, ${site} (the nearest folder above with a newsgen config), or pass ${flag} <dir>.`,
    });
  }
}

/** Why `folder` cannot be read as a folder, or undefined when it can. */
function findFolderProblem(folder: string): string | undefined {
  const stats = fs.statSync(folder, { throwIfNoEntry: false });
  if (!stats) return 'does not exist';
  if (!stats.isDirectory()) return 'is a file, not a folder';
  return undefined;
}

/**
 * The nearest folder above `dir` that holds a newsgen config file: an editor
 * who runs `newsgen build` (or `new`) in `content/ekonomi` is told where the
 * site is, rather than only that `content/ekonomi/content` is missing.
 */
function findSiteAbove(dir: string): string | undefined {
  for (let child = dir, parent = path.dirname(dir); parent !== child; child = parent, parent = path.dirname(parent)) {
    const folder = parent;
    if (CONFIG_FILE_NAMES.some((name) => fs.existsSync(path.join(folder, name)))) return folder;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
