import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { findConfigFile } from './find-config-file.js';
import { importConfig } from './import-config.js';
import { importPluginEntries } from './import-plugin-entries.js';
import { type LoadedConfig, NO_CONFIG_FILE } from './loaded-config.js';
import { parseJsonConfig } from './parse-json-config.js';

export { CONFIG_FILE_NAMES } from './find-config-file.js';
export type { LoadedConfig } from './loaded-config.js';

/**
 * Finds and reads the config file (an edge: file system and `import()`).
 * JSON and YAML keep every key's line and column for messages; JavaScript
 * and TypeScript configs are run and their default export used. Plugins
 * named by module are imported (see `importPluginEntries`).
 */
export async function loadConfig(root: string, explicit: string | undefined): Promise<LoadedConfig> {
  const file = findConfigFile(root, explicit);
  if (!file) return NO_CONFIG_FILE;
  const displayPath = path.relative(root, file) || file;
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats?.isFile()) {
    const named = explicit ? `--config ${displayPath}` : displayPath;
    throw new NewsgenError(
      stats ? `Unexpected ${named}: it is a folder, not a config file` : `Config file not found: ${displayPath}`,
      {
        code: 'config-missing',
        file: displayPath,
        exitCode: 2,
        hint: explicit
          ? 'Check the path given to --config: it names the config file itself, such as newsgen.config.json.'
          : `Remove or rename ${displayPath}: newsgen reads a config file of that name.`,
      },
    );
  }
  const loaded = /\.[cm]?[jt]s$/.test(file)
    ? await importConfig(file, displayPath)
    : await readConfigText(await readFile(file, 'utf8'), displayPath, file);
  return importPluginEntries(loaded);
}

/**
 * Parses config text by the file's extension: `.json` as strict JSON,
 * anything else as YAML. Both keep positions; syntax errors are positioned
 * NewsgenErrors. The YAML parser is loaded only for a YAML file: a site
 * configured in JSON never loads it to tell that nothing changed.
 */
export async function readConfigText(
  text: string,
  displayPath: string,
  file: string | undefined,
): Promise<LoadedConfig> {
  if (isJsonFile(file ?? displayPath)) return parseJsonConfig(text, displayPath, file);
  const { parseYamlConfig } = await import('./parse-yaml-config.js');
  return parseYamlConfig(text, displayPath, file);
}

/** True for a `.json` file (strict JSON); every other config or data file is YAML. */
export function isJsonFile(file: string): boolean {
  return /\.json$/i.test(file);
}
