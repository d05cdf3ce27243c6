/** newsgen's public API: build a site from code, type a config file. */

export { CONFIG_FILE_NAMES, loadConfig } from './config/load-config.js';
export type {
  BuildReport,
  EmbedHost,
  NewsgenPlugin,
  PluginArticle,
  PluginContext,
  PluginData,
  PluginEntry,
  PluginPage,
  PluginPagesSite,
  PluginProblemPlace,
  PluginSite,
  PluginTerm,
  SanitizeExtension,
} from './config/newsgen-plugin.js';
export { type InlineConfig, type ResolvedConfigResult, resolveConfig } from './config/resolve-config.js';
export type { PluginIdentity, ResolvedConfig } from './config/resolved-config.js';
export { defineConfig, type UserConfig } from './config/user-config.js';
export type { Diagnostic, Place } from './diagnostics/diagnostic.js';
export { isNewsgenError, NewsgenError } from './diagnostics/newsgen-error.js';
export { type BuildResult, build } from './pipeline/build.js';
