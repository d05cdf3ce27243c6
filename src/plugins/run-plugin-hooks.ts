import type { BuildReport, PluginData } from '../config/newsgen-plugin.js';
import type { SitePlugin } from '../config/read-plugins.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hashBytes } from '../hash/hash-bytes.js';
import type { Site } from '../site/site.js';
import { createPluginSite } from './create-plugin-site.js';
import { freezeCopy, freezeDeep } from './freeze-copy.js';
import { type HookMonitor, UNMONITORED } from './hook-monitor.js';
import { createPluginReporter } from './plugin-context.js';
import { describeError, pluginError } from './plugin-error.js';

/** What `siteModel` hooks gave templates (`site.data`), and a hash of it for page fingerprints. */
export interface PluginSiteData {
  readonly data: PluginData;
  /** Empty when no plugin gave data. */
  readonly hash: string;
  /** The problems the hooks reported, plugin by plugin in their order, each plugin's in their total order. */
  readonly diagnostics: readonly Diagnostic[];
}

/** No data from plugins. */
export const NO_SITE_DATA: PluginSiteData = Object.freeze({ data: Object.freeze({}), hash: '', diagnostics: [] });

/**
 * Calls every plugin's `configResolved` with a frozen copy of the config (a
 * hook that keeps it keeps a copy no change of which reaches the build).
 * Returns the problems they reported.
 */
export async function runConfigResolved(
  plugins: readonly SitePlugin[],
  config: ResolvedConfig,
  monitor: HookMonitor = UNMONITORED,
): Promise<Diagnostic[]> {
  const hooked = plugins.filter((plugin) => plugin.hooks.configResolved);
  if (hooked.length === 0) return [];
  const copy = freezeCopy(config);
  const found: Diagnostic[] = [];
  for (const plugin of hooked) {
    const reporter = createReporter(plugin, config);
    await runHook(monitor, plugin, 'configResolved', () => plugin.hooks.configResolved?.(copy, reporter.context));
    found.push(...reporter.diagnostics());
  }
  return found;
}

/**
 * Calls every plugin's `siteModel` with a read-only view of the site and
 * merges what they give into one object for templates. The data goes
 * through JSON (so templates see plain values, the same on every thread);
 * two plugins giving the same key is an error naming both.
 */
export async function runSiteModel(
  plugins: readonly SitePlugin[],
  site: Site,
  config: ResolvedConfig,
  monitor: HookMonitor = UNMONITORED,
): Promise<PluginSiteData> {
  const hooked = plugins.filter((plugin) => plugin.hooks.siteModel);
  if (hooked.length === 0) return NO_SITE_DATA;
  // A frozen copy of the config, as `configResolved` gets: `site.config.title = …` must not reach the build.
  const view = createPluginSite(site, freezeCopy(config));
  const data: Record<string, unknown> = {};
  const owners = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const plugin of hooked) {
    const name = plugin.identity.name;
    const reporter = createReporter(plugin, config);
    const given = await runHook(monitor, plugin, 'siteModel', () => plugin.hooks.siteModel?.(view, reporter.context));
    diagnostics.push(...reporter.diagnostics());
    if (given === undefined || given === null) continue;
    const plain = runHookSync(plugin, 'siteModel', () => toPlainData(given));
    for (const [key, value] of Object.entries(plain)) {
      const owner = owners.get(key);
      if (owner !== undefined)
        throw pluginError(name, 'siteModel', `gives site.data.${key}, which plugin "${owner}" gives already`);
      owners.set(key, name);
      data[key] = value;
    }
  }
  const json = JSON.stringify(data);
  return { data: freezeDeep(data), hash: json === '{}' ? '' : hashBytes(json), diagnostics };
}

/** Calls every plugin's `buildEnd` with what the build did; returns the problems they reported. */
export async function runBuildEnd(
  plugins: readonly SitePlugin[],
  report: BuildReport,
  monitor: HookMonitor = UNMONITORED,
): Promise<Diagnostic[]> {
  const found: Diagnostic[] = [];
  for (const plugin of plugins.filter((each) => each.hooks.buildEnd)) {
    const reporter = createReporter(plugin, report.config);
    await runHook(monitor, plugin, 'buildEnd', () => plugin.hooks.buildEnd?.(report, reporter.context));
    found.push(...reporter.diagnostics());
  }
  return found;
}

/** A hook's context: problems without a file of their own are the config file's, where the plugin is named. */
export function createReporter(plugin: SitePlugin, config: ResolvedConfig) {
  return createPluginReporter(plugin.identity.name, {
    root: config.root,
    contentDir: config.contentDir,
    fallback: config.configFile ?? config.root,
  });
}

/** Calls a plugin's hook: what it throws becomes a `plugin-error` naming the plugin and the hook. */
export async function runHook<T>(
  monitor: HookMonitor,
  plugin: SitePlugin,
  hook: string,
  call: () => T | Promise<T>,
): Promise<T> {
  try {
    return await monitor.run({ plugin: plugin.identity.name, hook }, call);
  } catch (error) {
    throw pluginError(plugin.identity.name, hook, describeError(error), error);
  }
}

function runHookSync<T>(plugin: SitePlugin, hook: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw pluginError(plugin.identity.name, hook, describeError(error), error);
  }
}

/** An object of JSON values, as templates and other threads see it. */
function toPlainData(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || Array.isArray(value))
    throw new Error('it returned something other than an object of data for templates');
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
