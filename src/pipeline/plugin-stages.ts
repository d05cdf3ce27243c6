import type { BuildReport } from '../config/newsgen-plugin.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { failOnErrors } from '../diagnostics/fail-on-errors.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { applyStrict } from '../diagnostics/strict.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { freezeCopy } from '../plugins/freeze-copy.js';
import { type LoadedPlugins, NO_PLUGINS } from '../plugins/load-plugins.js';
import type { SessionContext } from './session-memory.js';

/**
 * The session's plugins, taken from the session's options (as
 * `resolveConfig` read them) or loaded on its first build from the config file
 * (and each plugin's `configResolved` called then: the problems it reports
 * are kept for every build of the session, see `pluginWarnings`; an error
 * fails the build, and the next build of a watch calls it again); a site
 * without plugins loads nothing.
 */
export async function preparePlugins(context: SessionContext): Promise<LoadedPlugins> {
  const { config, memory } = context;
  if (memory.plugins) return memory.plugins;
  if (config.plugins.length === 0) return (memory.plugins = NO_PLUGINS);
  const [{ loadPlugins, takeResolvedPlugins }, { runConfigResolved }] = await Promise.all([
    import('../plugins/load-plugins.js'),
    import('../plugins/run-plugin-hooks.js'),
  ]);
  // The plugins resolveConfig read, when the caller passed them on: the config file does not run again.
  const plugins = takeResolvedPlugins(config, context.options.plugins) ?? (await loadPlugins(config));
  const reported = applyStrict(
    await runConfigResolved(plugins.list, config, context.options.hookMonitor),
    config.strict,
  );
  failOnErrors(reported, 'plugins');
  memory.pluginWarnings = reported;
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

/**
 * Every plugin's `buildEnd`, after a build that wrote its output (or found
 * it up to date): the build's result with the warnings they reported. An
 * error they report (or, with `strict`, a warning) fails the build, whose
 * output is in place.
 */
export async function endBuild<T extends Omit<BuildReport, 'config' | 'outDir'>>(
  context: SessionContext,
  report: T,
): Promise<T> {
  const plugins = context.memory.plugins ?? NO_PLUGINS;
  if (!plugins.list.some((plugin) => plugin.hooks.buildEnd)) return report;
  const { runBuildEnd } = await import('../plugins/run-plugin-hooks.js');
  const found = await runBuildEnd(
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
  const reported = applyStrict(found, context.config.strict);
  const errors = reported.filter((each) => each.severity === 'error').length;
  if (errors > 0)
    throw new NewsgenError(
      `Plugins reported ${errors} ${errors === 1 ? 'error' : 'errors'} after the build (buildEnd)`,
      {
        code: 'plugin-error',
        diagnostics: reported,
        hint: 'The build itself succeeded and its output is in place; fix what the plugins report and build again.',
      },
    );
  return reported.length > 0 ? { ...report, warnings: [...report.warnings, ...reported] } : report;
}
