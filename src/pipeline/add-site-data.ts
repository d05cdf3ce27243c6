import { NO_PLUGINS } from '../plugins/load-plugins.js';
import { NO_SITE_DATA, type PluginSiteData } from '../plugins/run-plugin-hooks.js';
import type { SiteModel } from './model-site.js';
import type { SessionContext } from './session-memory.js';

/**
 * The model with the data plugins' `siteModel` hooks give templates. When
 * that data differs from the last build's, every page may show it, so the
 * shortcuts that assume only the changed articles' pages differ are off.
 */
export async function addSiteData(context: SessionContext, model: SiteModel): Promise<SiteModel> {
  const { memory, config } = context;
  const plugins = memory.plugins ?? NO_PLUGINS;
  let siteData: PluginSiteData = NO_SITE_DATA;
  if (plugins.list.some((plugin) => plugin.hooks.siteModel)) {
    const { runSiteModel } = await import('../plugins/run-plugin-hooks.js');
    siteData = await runSiteModel(plugins.list, model.site, config, context.options.hookMonitor);
  }
  const kept = siteData.hash === (memory.siteDataHash ?? '');
  return kept
    ? { ...model, siteData }
    : { ...model, siteData, patched: false, bodyOnly: undefined, publish: undefined };
}
