import { failOnErrors } from '../diagnostics/fail-on-errors.js';
import { applyStrict } from '../diagnostics/strict.js';
import { NO_PLUGINS } from '../plugins/load-plugins.js';
import { NO_SITE_DATA, type PluginSiteData } from '../plugins/run-plugin-hooks.js';
import type { FailedModel } from './dry-run.js';
import type { SiteModel } from './model-site.js';
import type { SessionContext } from './session-memory.js';

/**
 * The model with the data plugins' `siteModel` hooks give templates, and
 * the problems they report among its warnings. When that data differs from
 * the last build's, every page may show it, so the shortcuts that assume
 * only the changed articles' pages differ are off. The hooks run on every
 * build that gets this far, so a warm build reports what a cold one does.
 * An error they report fails the build before anything is written (a dry
 * run's comes back as its failures, for `newsgen check`).
 */
export async function addSiteData(
  context: SessionContext,
  model: SiteModel,
  dryRun = false,
): Promise<SiteModel | FailedModel> {
  const { memory, config } = context;
  const plugins = memory.plugins ?? NO_PLUGINS;
  let siteData: PluginSiteData = NO_SITE_DATA;
  if (plugins.list.some((plugin) => plugin.hooks.siteModel)) {
    const { runSiteModel } = await import('../plugins/run-plugin-hooks.js');
    siteData = await runSiteModel(plugins.list, model.site, config, context.options.hookMonitor);
  }
  const reported = applyStrict(siteData.diagnostics, config.strict);
  if (dryRun && reported.some((found) => found.severity === 'error'))
    return { failures: [...model.modelWarnings, ...reported], content: model.articles ?? [] };
  failOnErrors([...model.warnings, ...reported], 'plugins');
  const warnings = reported.length > 0 ? [...model.warnings, ...reported] : model.warnings;
  const kept = siteData.hash === (memory.siteDataHash ?? '');
  return kept
    ? { ...model, siteData, warnings }
    : { ...model, siteData, warnings, patched: false, bodyOnly: undefined, publish: undefined };
}
