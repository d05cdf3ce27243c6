import type { HelperDelegate } from 'handlebars';
import { createConfigChecker } from '../config/config-checker.js';
import { loadConfig } from '../config/load-config.js';
import { readPlugins, type SitePlugin } from '../config/read-plugins.js';
import { pluginSource } from '../config/resolve-config.js';
import type { PluginIdentity, ResolvedConfig } from '../config/resolved-config.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import type { MarkdownExtension } from '../markdown/markdown-extension.js';

/** A plugin's Handlebars helper, with the plugin it comes from. */
export interface PluginHelper {
  readonly name: string;
  readonly plugin: string;
  readonly helper: HelperDelegate;
}

/** A site's plugins with their code, as one thread loaded them. */
export interface LoadedPlugins {
  readonly list: readonly SitePlugin[];
  /** What they add to the Markdown pipeline, in order. */
  readonly markdown: readonly MarkdownExtension[];
  readonly helpers: readonly PluginHelper[];
}

/** A site without plugins. */
export const NO_PLUGINS: LoadedPlugins = Object.freeze({ list: [], markdown: [], helpers: [] });

/** How errors name the main thread. */
const MAIN_THREAD = 'this thread';

/** What loading plugins needs from the config (a worker gets these as plain data). */
export type PluginConfig = Pick<ResolvedConfig, 'root' | 'configFile' | 'plugins'>;

/**
 * Loads the code of the plugins `config` names by running its config file
 * again, the same way on the main thread and in every worker thread (code
 * cannot be sent to a thread), and checks that each plugin came out as the
 * config describes it: same names, same order, same fingerprints. A plugin
 * that is missing or different is an error naming it. `thread` says where,
 * for that error (`a worker thread`).
 */
export async function loadPlugins(config: PluginConfig, thread = MAIN_THREAD): Promise<LoadedPlugins> {
  if (config.plugins.length === 0) return NO_PLUGINS;
  const names = config.plugins.map((plugin) => `"${plugin.name}"`).join(', ');
  if (config.configFile === undefined)
    throw new NewsgenError(`Cannot load the plugins ${names} in ${thread}: they come from no config file`, {
      code: 'plugin-worker',
      hint: 'Give plugins in a config file (newsgen.config.ts, .mjs or .js): threads load them from there.',
    });
  const loaded = await loadConfig(config.root, config.configFile);
  const check = createConfigChecker(loaded);
  const value = loaded.value;
  const user = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  const list = readPlugins(check, user as Record<string, unknown>, pluginSource(config.root, loaded));
  if (check.errors.length > 0) throw check.failure();
  checkSamePlugins(config.plugins, list, loaded.displayPath ?? config.configFile, thread);
  return collectPlugins(list);
}

/**
 * The plugins `resolveConfig` gave with `config` (the config file already
 * ran once for them), when they are the ones `config` describes; else
 * undefined, and they are loaded from the config file.
 */
export function takeResolvedPlugins(
  config: PluginConfig,
  resolved: readonly SitePlugin[] | undefined,
): LoadedPlugins | undefined {
  if (resolved === undefined || resolved.length !== config.plugins.length) return undefined;
  // The very identities resolveConfig put in the config: plugins of another config are not taken.
  if (!resolved.every((plugin, index) => plugin.identity === config.plugins[index])) return undefined;
  return resolved.length === 0 ? NO_PLUGINS : collectPlugins(resolved);
}

function collectPlugins(list: readonly SitePlugin[]): LoadedPlugins {
  return {
    list,
    markdown: list.flatMap((plugin) => (plugin.markdown ? [plugin.markdown] : [])),
    helpers: list.flatMap((plugin) =>
      Object.entries(plugin.helpers).map(([name, helper]) => ({ name, plugin: plugin.identity.name, helper })),
    ),
  };
}

/** Every plugin the config describes, and no other, came out of the config file the same. */
function checkSamePlugins(
  expected: readonly PluginIdentity[],
  actual: readonly SitePlugin[],
  file: string,
  thread: string,
): void {
  const length = Math.max(expected.length, actual.length);
  for (let index = 0; index < length; index++) {
    const want = expected[index];
    const got = actual[index]?.identity;
    if (want && got?.name === want.name && got.fingerprint === want.fingerprint) continue;
    const name = want?.name ?? got?.name ?? '';
    const reason =
      want && got?.name === want.name
        ? 'its code or options differ from the ones the build was started with'
        : want
          ? `${file} gives no plugin of that name at that place here`
          : `${file} gives it only here`;
    throw new NewsgenError(`Plugin "${name}" could not be loaded in ${thread}: ${reason}`, {
      code: 'plugin-worker',
      file,
      // On the main thread `--concurrency 1` is no way out: it loads the plugins' code this way too.
      hint:
        thread === MAIN_THREAD
          ? 'The config file runs again to load the plugins’ code, and gave other plugins or options this time: it must give the same ones every time it runs (no Date.now(), Math.random() or other values that differ per run in a plugin’s options).'
          : 'Threads run the config file again: it must give the same plugins with the same options every time (no values that differ per run or per thread). Or build with --concurrency 1.',
    });
  }
}
