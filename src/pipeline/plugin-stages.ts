import type { BuildReport } from '../config/newsgen-plugin.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { freezeCopy } from '../plugins/freeze-copy.js';
import { type LoadedPlugins, NO_PLUGINS } from '../plugins/load-plugins.js';
import type { SessionContext } from './session-memory.js';

/**
 * The session's plugins, loaded on its first build from the config file
 * (and each plugin's `configResolved` called then); a site without plugins
 * loads nothing.
 */
export async function preparePlugins(context: SessionContext): Promise<LoadedPlugins> {
  const { config, memory } = context;
  if (memory.plugins) return memory.plugins;
  if (config.plugins.length === 0) return (memory.plugins = NO_PLUGINS);
  const [{ loadPlugins }, { runConfigResolved }] = await Promise.all([
    import('../plugins/load-plugins.js'),
    import('../plugins/run-plugin-hooks.js'),
  ]);
  const plugins = await loadPlugins(config);
  await runConfigResolved(plugins.list, config, context.options.hookMonitor);
  return (memory.plugins = plugins);
}

/**
 * Hash of what the plugins add to the Markdown pipeline: per-file results
 * made with a different one are processed again (see `SessionState.processing`).
 * Empty when no plugin adds anything there.
 */
export function processingKey(config: ResolvedConfig): string {
  const added = config.plugins.map((plugin) => plugin.markdown ?? null);
  return added.some((fingerprint) => fingerprint !== null) ? hashBytes(JSON.stringify(added)) : '';
}

/** Every plugin's `buildEnd`, after a build that wrote its output (or found it up to date). */
export async function endBuild(context: SessionContext, report: Omit<BuildReport, 'config' | 'outDir'>): Promise<void> {
  const plugins = context.memory.plugins ?? NO_PLUGINS;
  if (!plugins.list.some((plugin) => plugin.hooks.buildEnd)) return;
  const { runBuildEnd } = await import('../plugins/run-plugin-hooks.js');
  await runBuildEnd(
    plugins.list,
    {
      ...report,
      written: [...report.written].sort(),
      deleted: [...report.deleted].sort(),
      config: freezeCopy(context.config),
      outDir: context.config.outDir,
    },
    context.options.hookMonitor,
  );
}
