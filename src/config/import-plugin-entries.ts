import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { hashBytes } from '../hash/hash-bytes.js';
import type { LoadedConfig } from './loaded-config.js';

/** A plugin named by its module: the specifier, and the options its factory is called with. */
interface ModuleEntry {
  readonly index: number;
  readonly specifier: string;
  readonly options: unknown;
}

/**
 * Replaces the plugins a config names by module (`"newsgen-plugin-warta"`,
 * `"./plugins/reading-time.mjs"`, or `[module, options]`) with the plugins
 * those modules give, so a YAML or JSON config can use plugins too. A
 * module is resolved from the config file's folder as Node resolves
 * `import` there (packages in `node_modules`, or a path), and its default
 * export is the plugin, or a factory called with the options. An entry that
 * cannot be loaded is an error at its place in the config; every such entry
 * is reported at once. Threads that load plugins run this again.
 */
export async function importPluginEntries(loaded: LoadedConfig): Promise<LoadedConfig> {
  const value = loaded.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return loaded;
  const list = (value as Record<string, unknown>)['plugins'];
  const entries = Array.isArray(list) ? list.flatMap(moduleEntry) : [];
  if (!Array.isArray(list) || entries.length === 0) return loaded;
  const from = pathToFileURL(path.join(path.dirname(loaded.file ?? path.resolve('newsgen.config')), '/')).href;
  const plugins = [...list];
  const errors: Diagnostic[] = [];
  for (const entry of entries) {
    try {
      plugins[entry.index] = await importPlugin(entry, from);
    } catch (error) {
      errors.push(
        createDiagnostic({
          file: loaded.displayPath ?? 'newsgen.config',
          place: loaded.locate(['plugins', entry.index]),
          reason: `Cannot load the plugin "${entry.specifier}": ${explain(error, entry.specifier)}`,
          ruleId: 'plugin-load',
        }),
      );
    }
  }
  if (errors.length > 0)
    throw new NewsgenError(`Cannot load the plugins of ${loaded.displayPath ?? 'the config'}`, {
      code: 'plugin-load',
      file: loaded.displayPath,
      place: errors[0]?.place,
      diagnostics: errors,
    });
  return { ...loaded, value: { ...value, plugins } };
}

/** The entry at `index` when it names a module: `"name"` or `["name", options]`. */
function moduleEntry(item: unknown, index: number): ModuleEntry[] {
  if (typeof item === 'string') return [{ index, specifier: item, options: undefined }];
  if (Array.isArray(item) && typeof item[0] === 'string' && item.length <= 2)
    return [{ index, specifier: item[0], options: item[1] }];
  return [];
}

async function importPlugin(entry: ModuleEntry, from: string): Promise<unknown> {
  // Loaded only for configs that name plugins by module.
  const { resolve } = await import('import-meta-resolve');
  const module = (await import(versioned(resolve(entry.specifier, from)))) as { default?: unknown };
  const exported = module.default;
  if (typeof exported === 'function') {
    const plugin: unknown = await (exported as (options: unknown) => unknown)(entry.options);
    if (isPluginObject(plugin)) return plugin;
    throw new Error(
      `its default export gave ${describe(plugin)}, not a newsgen plugin (an object with a name); a remark or rehype plugin belongs in remarkPlugins or rehypePlugins, in a .js, .mjs or .ts config`,
    );
  }
  if (!isPluginObject(exported))
    throw new Error(`its default export is ${describe(exported)}, not a newsgen plugin or a function that makes one`);
  if (entry.options !== undefined)
    throw new Error('it exports a plugin object, which takes no options: leave the options out');
  return exported;
}

/**
 * A site's own plugin file under a URL of its bytes: Node keeps a module for
 * the life of the process, and `watch` must see the file edited. Installed
 * packages keep their URL (their version keys the cache).
 */
function versioned(url: string): string {
  if (!url.startsWith('file:') || url.includes('/node_modules/')) return url;
  return `${url}?version=${hashBytes(readFileSync(fileURLToPath(url)))}`;
}

function isPluginObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'name' in value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object without a name' : `a ${typeof value}`;
}

/** Why a module could not be loaded, in the user's terms when it is simply not there. */
function explain(error: unknown, specifier: string): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'ENOENT')
    return /^(?:\.{1,2}\/|\/|file:)/.test(specifier)
      ? 'no such file (a path is relative to the config file)'
      : 'the package is not installed in the site';
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
