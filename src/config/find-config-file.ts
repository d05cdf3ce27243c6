import { existsSync } from 'node:fs';
import path from 'node:path';
import { NewsgenError } from '../diagnostics/newsgen-error.js';

/** File names a site's config may have, looked for in its root. */
export const CONFIG_FILE_NAMES = [
  'newsgen.config.json',
  'newsgen.config.yaml',
  'newsgen.config.yml',
  'newsgen.config.js',
  'newsgen.config.mjs',
  'newsgen.config.ts',
] as const;

/**
 * The config file a build reads: the one given to `--config`, or the one
 * config file in `root`. Two or more candidates are an error naming them
 * all: using one silently would ignore edits made to the other.
 */
export function findConfigFile(root: string, explicit: string | undefined): string | undefined {
  if (explicit) return path.resolve(root, explicit);
  const found = CONFIG_FILE_NAMES.filter((name) => existsSync(path.join(root, name)));
  if (found.length > 1) {
    throw new NewsgenError(`Unexpected ${found.length} config files (${found.join(', ')}), expected one`, {
      code: 'config-ambiguous',
      file: found[0],
      hint: `Keep one of ${found.join(' and ')} and delete the others, or choose one with --config.`,
    });
  }
  return found[0] === undefined ? undefined : path.join(root, found[0]);
}
