import { isJsonFile } from '../../src/config/load-config.js';
import type { LoadedConfig } from '../../src/config/loaded-config.js';
import { parseJsonConfig } from '../../src/config/parse-json-config.js';
import { parseYamlConfig } from '../../src/config/parse-yaml-config.js';

/**
 * Parses config text by the file's extension, as a build reads it (see
 * `readConfigText`), at once: `.json` as strict JSON, anything else as YAML,
 * positions kept and syntax errors thrown as positioned NewsgenErrors.
 */
export function parseConfigText(text: string, displayPath: string, file: string | undefined): LoadedConfig {
  return isJsonFile(file ?? displayPath)
    ? parseJsonConfig(text, displayPath, file)
    : parseYamlConfig(text, displayPath, file);
}
