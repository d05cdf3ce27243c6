import path from 'node:path';
import type { HelperDelegate } from 'handlebars';
import { hashBytes } from '../hash/hash-bytes.js';
import type { MarkdownExtension } from '../markdown/markdown-extension.js';
import {
  checkEmbeds,
  checkHelpers,
  checkHook,
  checkPartials,
  checkPluginStrings,
  checkSanitize,
  checkUnifiedEntries,
} from './check-plugin-parts.js';
import type { ConfigChecker, KeyPath } from './config-checker.js';
import type { KeyTree } from './config-keys.js';
import { describeValue } from './describe-value.js';
import { findPackageVersion } from './find-package-version.js';
import type { NewsgenPlugin } from './newsgen-plugin.js';
import type { PluginIdentity, PluginPartials } from './resolved-config.js';

/** A plugin's hooks. */
export type PluginHooks = Pick<NewsgenPlugin, 'configResolved' | 'siteModel' | 'pages' | 'buildEnd'>;

/** One plugin checked and taken apart: what the build knows of it, and its code. */
export interface SitePlugin {
  readonly identity: PluginIdentity;
  readonly markdown: MarkdownExtension | undefined;
  readonly helpers: Readonly<Record<string, HelperDelegate>>;
  readonly partials: PluginPartials | undefined;
  /** UI strings by lower-case locale (`id`, `id-id`, `en`). */
  readonly strings: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly hooks: PluginHooks;
}

/** The plugin keys that may also stand directly in a config (its own one-off plugin). */
export const CONFIG_PLUGIN_KEYS = ['remarkPlugins', 'rehypePlugins', 'helpers', 'partials', 'embeds', 'sanitize'];
const HOOKS = ['configResolved', 'siteModel', 'pages', 'buildEnd'] as const;
/** Every key a plugin object may hold. */
const PLUGIN_KEYS: KeyTree = {
  name: true,
  options: true,
  strings: true,
  ...Object.fromEntries(CONFIG_PLUGIN_KEYS.map((key) => [key, true])),
  sanitize: { elements: true, attributes: true, classes: true },
  ...Object.fromEntries(HOOKS.map((key) => [key, true])),
};

/** Where a config came from: plugins' folders resolve against `root`, their packages are looked up from the config's folder. */
export interface PluginSource {
  readonly root: string;
  readonly configFile: string | undefined;
  /** The name the config's own keys go by, as a plugin (`newsgen.config.ts`). */
  readonly configName: string;
}

/**
 * Reads the site's plugins from a config value: every entry of `plugins`
 * (`false`, `null` and `undefined` entries skipped, for conditional plugins),
 * then the config's own plugin keys as one more plugin named after the
 * config file. Every problem is reported on `check` at its key; an entry
 * that is not a plugin is left out. Names are unique.
 */
export function readPlugins(check: ConfigChecker, user: Record<string, unknown>, source: PluginSource): SitePlugin[] {
  const from = source.configFile ? path.dirname(source.configFile) : source.root;
  const read = (value: Record<string, unknown>, at: KeyPath, name: string) =>
    readPlugin(check, { value, at, name }, source.root, from);
  const plugins: SitePlugin[] = [];
  const list = user['plugins'];
  if (list !== undefined && list !== null && !Array.isArray(list))
    check.error(['plugins'], 'Unexpected value, expected a list of plugins');
  const seen = new Set<string>();
  for (const [index, item] of (Array.isArray(list) ? list : []).entries()) {
    if (item === false || item === null || item === undefined) continue;
    const at = ['plugins', index];
    if (typeof item !== 'object' || Array.isArray(item)) {
      check.error(at, 'Unexpected value, expected a plugin: an object with a `name`');
      continue;
    }
    const value = item as Record<string, unknown>;
    check.checkKeys(value, PLUGIN_KEYS, at);
    const name = value['name'];
    if (typeof name !== 'string' || name.trim() === '')
      check.error([...at, 'name'], 'Unexpected plugin without a name');
    else if (seen.has(name)) check.error([...at, 'name'], `Unexpected second plugin named "${name}"`);
    else {
      seen.add(name);
      plugins.push(read(value, at, name));
    }
  }
  const own = Object.fromEntries(CONFIG_PLUGIN_KEYS.filter((key) => user[key] != null).map((key) => [key, user[key]]));
  if (Object.keys(own).length > 0) plugins.push(read(own, [], source.configName));
  return plugins;
}

function readPlugin(
  check: ConfigChecker,
  entry: { value: Record<string, unknown>; at: KeyPath; name: string },
  root: string,
  from: string,
): SitePlugin {
  const { value, at, name } = entry;
  const remarkPlugins = checkUnifiedEntries(check, value['remarkPlugins'], [...at, 'remarkPlugins']);
  const rehypePlugins = checkUnifiedEntries(check, value['rehypePlugins'], [...at, 'rehypePlugins']);
  const embeds = checkEmbeds(check, value['embeds'], [...at, 'embeds']);
  const sanitize = value['sanitize'] == null ? undefined : checkSanitize(check, value['sanitize'], [...at, 'sanitize']);
  const helpers = checkHelpers(check, value['helpers'], [...at, 'helpers']);
  const partials =
    value['partials'] == null ? undefined : checkPartials(check, value['partials'], [...at, 'partials'], root);
  const hooks: PluginHooks = {};
  for (const hook of HOOKS) {
    const fn = checkHook<NonNullable<PluginHooks[typeof hook]>>(check, value[hook], [...at, hook]);
    if (fn) Object.assign(hooks, { [hook]: fn });
  }
  const version = findPackageVersion(name, from);
  const adds = remarkPlugins.length + rehypePlugins.length + embeds.length > 0 || sanitize !== undefined;
  const markdown: MarkdownExtension | undefined = adds
    ? { name, remarkPlugins, rehypePlugins, embeds, ...(sanitize ? { sanitize } : {}) }
    : undefined;
  return {
    identity: {
      name,
      version,
      fingerprint: hashBytes(describeValue([version, value])),
      // Options too: a remark or rehype step made by the plugin's factory may read them from a closure.
      markdown:
        markdown &&
        hashBytes(describeValue([version, value['options'], remarkPlugins, rehypePlugins, embeds, sanitize])),
      helpers: Object.keys(helpers).length > 0,
    },
    markdown,
    helpers,
    partials: partials && { plugin: name, ...partials },
    strings: checkPluginStrings(check, value['strings'], [...at, 'strings']),
    hooks,
  };
}

/**
 * The plugins' UI strings for a locale, in plugin order: each plugin's
 * English ones, then its language's (`id`), then its exact locale's
 * (`id-id`), as the built-in dictionary falls back.
 */
export function pluginStringsFor(locale: string, plugins: readonly SitePlugin[]): Record<string, string> {
  const exact = locale.toLowerCase();
  const language = exact.split('-')[0] ?? exact;
  const strings: Record<string, string> = {};
  for (const plugin of plugins)
    Object.assign(strings, plugin.strings['en'], plugin.strings[language], plugin.strings[exact]);
  return strings;
}
