import fs from 'node:fs';
import path from 'node:path';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
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
 * the site's folder or name one. Throws `NewsgenError`.
 */
export function checkInputFolders(root: string, loaded: LoadedConfig, inline: InlineConfig): void {
  const user = isRecord(loaded.value) ? loaded.value : {};
  for (const { key, flag, required } of INPUT_FOLDERS) {
    const fromFlag = inline[key];
    const fromKey = typeof user[key] === 'string' ? user[key] : undefined;
    const setting = fromFlag ?? fromKey;
    if (setting === undefined && !required) continue;
    const folder = path.resolve(root, setting ?? key);
    const problem = findFolderProblem(folder);
    if (problem === undefined) continue;
    if (fromFlag !== undefined) {
      throw new NewsgenError(`Unexpected ${flag} ${JSON.stringify(fromFlag)}: ${problem}`, {
        code: 'missing-input',
        hint: `Check the path given to ${flag}; relative paths start at ${root}.`,
      });
    }
    if (fromKey !== undefined) {
      const file = loaded.displayPath ?? 'config';
      const diagnostic = createDiagnostic({
        file,
        place: loaded.locate([key]),
        reason: `Unexpected ${key} folder ${JSON.stringify(fromKey)}: ${problem} (key \`${key}\`)`,
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
    throw new NewsgenError(`No ${key} folder: ${path.join(root, key)} ${problem.replace(/^it /, '')}`, {
      code: 'missing-input',
      hint: `Run newsgen in the site's folder, or pass ${flag} <dir> (or set \`${key}\` in the config file).`,
    });
  }
}

/** Why `folder` cannot be read as a folder, or undefined when it can. */
function findFolderProblem(folder: string): string | undefined {
  const stats = fs.statSync(folder, { throwIfNoEntry: false });
  if (!stats) return `it does not exist (${folder})`;
  if (!stats.isDirectory()) return `it is a file, not a folder (${folder})`;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
