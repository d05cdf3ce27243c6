/** newsgen's public API: build a site from code, type a config file. */
export { build, type BuildResult } from './build/build.js';
export { generateSite, type GeneratedSite } from './build/generate-site.js';
export { loadConfig, CONFIG_FILE_NAMES } from './config/load-config.js';
export { resolveConfig, type InlineConfig } from './config/resolve-config.js';
export type { ResolvedConfig } from './config/resolved-config.js';
export { defineConfig, type UserConfig } from './config/user-config.js';
export type { Diagnostic, Place } from './diagnostics/diagnostic.js';
export { NewsgenError, isNewsgenError } from './diagnostics/newsgen-error.js';
