import type { PluginData } from '../config/newsgen-plugin.js';
import { pluginPagePath } from '../content/standalone-page.js';
import { failOnErrors } from '../diagnostics/fail-on-errors.js';
import { applyStrict } from '../diagnostics/strict.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { NO_PLUGINS } from '../plugins/load-plugins.js';
import { NO_PLUGIN_PAGES, type PluginPages } from '../plugins/plugin-page-set.js';
import type { ProcessedPluginPage } from '../process/process-plugin-page.js';
import { type DataFiles, readDataFiles } from './read-data-files.js';
import type { SessionContext } from './session-memory.js';

/** The site's data files, and the pages plugins give. */
export interface SiteData extends DataFiles {
  readonly pluginPages: PluginPages;
}

/**
 * The site's data files, read on every build (they are few and small, so an
 * edit needs no watcher flag of its own), and the pages plugins' `pages`
 * hooks give with them: asked on every build too, before anything is found
 * up to date, as a hook may read an API.
 */
export async function readSiteData(context: SessionContext): Promise<SiteData> {
  const files = await readDataFiles(context.config.dataDir, context.config.root);
  return { ...files, pluginPages: await readPluginPages(context, files.data) };
}

/**
 * The pages plugins' `pages` hooks add. What they report and every invalid
 * page fail the build here, before anything is written; their warnings are
 * the inputs' own, found again by every build.
 */
async function readPluginPages(context: SessionContext, data: PluginData): Promise<PluginPages> {
  const { config, memory } = context;
  const plugins = memory.plugins ?? NO_PLUGINS;
  if (!plugins.list.some((plugin) => plugin.hooks.pages)) return NO_PLUGIN_PAGES;
  const { runPagesHooks } = await import('../plugins/run-pages-hook.js');
  const found = await runPagesHooks(plugins.list, config, data, context.options.hookMonitor);
  const reported = applyStrict(found.diagnostics, config.strict);
  failOnErrors(reported, 'plugins');
  return { ...found, diagnostics: reported };
}

/**
 * The `process` stage for the plugins' pages: each through the stages of a
 * file of `content/pages/` on this thread (the same processor on every
 * thread count), its body kept in the body store. A page the last build of
 * the session processed the same way (same fields and Markdown, processor
 * and time zone, its body still held) is taken as it was, so a watch
 * session with thousands of them renders only those that change; the
 * bodies of pages no longer given are forgotten.
 */
export async function processPluginPages(context: SessionContext, pages: PluginPages): Promise<void> {
  const { config, memory } = context;
  const last = memory.pluginPages;
  if (pages.pages.length === 0 && last.length === 0) return;
  const [{ createMarkdownProcessor }, { processPluginPage }] = await Promise.all([
    import('../markdown/create-processor.js'),
    import('../process/process-plugin-page.js'),
  ]);
  const processor = (memory.processor.processor ??= createMarkdownProcessor(memory.plugins?.markdown ?? []));
  const before = new Map(last.map((page) => [page.source.displayPath, page]));
  const processed = pages.pages.map((spec): ProcessedPluginPage => {
    const displayPath = pluginPagePath(spec.plugin, spec.url);
    const key = hashBytes(JSON.stringify([config.timeZone, spec.fields, spec.markdown]));
    const kept = before.get(displayPath);
    if (
      kept?.key === key &&
      kept.processor === processor &&
      (kept.result.kind !== 'page' || memory.bodies.has(displayPath))
    )
      return kept;
    const { result, html } = processPluginPage(spec, { timeZone: config.timeZone }, processor);
    if (result.kind === 'page' && html !== undefined) memory.bodies.keep(displayPath, html);
    return { source: { displayPath }, result, key, processor };
  });
  const given = new Set(processed.map((page) => page.source.displayPath));
  for (const { source } of last) if (!given.has(source.displayPath)) memory.bodies.forget(source.displayPath);
  memory.pluginPages = processed;
}
