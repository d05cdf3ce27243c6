import type { PluginData } from '../config/newsgen-plugin.js';
import type { SitePlugin } from '../config/read-plugins.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { compareDiagnostics, createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { compareText } from '../site/compare.js';
import { checkPluginPages } from './check-plugin-pages.js';
import { freezeCopy } from './freeze-copy.js';
import { type HookMonitor, UNMONITORED } from './hook-monitor.js';
import { showFile } from './plugin-context.js';
import { NO_PLUGIN_PAGES, type PluginPageSource, type PluginPages } from './plugin-page-set.js';
import { createReporter, runHook } from './run-plugin-hooks.js';

export type { PluginPageSource, PluginPages } from './plugin-page-set.js';

/**
 * Calls every plugin's `pages` hook with a frozen copy of the config and
 * of the site's data files, and checks what each returns (see
 * `checkPluginPages`): an invalid page is a `plugin-error` at the config
 * file naming the plugin, the field and the page's path, and is left out.
 * The pages are sorted by URL (then plugin), so the order a hook returns
 * them in changes nothing; the hash is what the build compares with the last one's.
 */
export async function runPagesHooks(
  plugins: readonly SitePlugin[],
  config: ResolvedConfig,
  data: PluginData,
  monitor: HookMonitor = UNMONITORED,
): Promise<PluginPages> {
  const hooked = plugins.filter((plugin) => plugin.hooks.pages);
  if (hooked.length === 0) return NO_PLUGIN_PAGES;
  const view = Object.freeze({ config: freezeCopy(config), data: freezeCopy(data) });
  const pages: PluginPageSource[] = [];
  const diagnostics: Diagnostic[] = [];
  const configFile = showFile(config.configFile ?? config.root, config.root);
  for (const plugin of hooked) {
    const name = plugin.identity.name;
    const reporter = createReporter(plugin, config);
    const given = await runHook(monitor, plugin, 'pages', () => plugin.hooks.pages?.(view, reporter.context));
    diagnostics.push(...reporter.diagnostics());
    const checked = checkPluginPages(given);
    for (const problem of checked.problems)
      diagnostics.push(
        createDiagnostic({
          file: configFile,
          reason: `${problem.reason} (plugin "${name}"${problem.path === undefined ? '' : `, page ${problem.path}`})`,
          ruleId: 'plugin-error',
          hint: hintOf(name),
        }),
      );
    pages.push(...checked.pages.map((page) => ({ plugin: name, ...page })));
  }
  // Stable: two plugins' pages at one URL stay in the plugins' order, for the model's duplicate-url error.
  pages.sort((a, b) => compareText(a.url, b.url));
  const unique = pages.filter((page, index) => {
    const before = pages[index - 1];
    if (before?.url !== page.url || before.plugin !== page.plugin) return true;
    const reason = `Unexpected second page at ${page.url}, expected one page per path (plugin "${page.plugin}", page ${page.url})`;
    diagnostics.push(createDiagnostic({ file: configFile, reason, ruleId: 'plugin-error', hint: hintOf(page.plugin) }));
    return false;
  });
  return {
    pages: unique,
    hash: unique.length === 0 ? '' : hashBytes(JSON.stringify(unique)),
    diagnostics: diagnostics.sort(compareDiagnostics),
  };
}

function hintOf(plugin: string): string {
  return `The page comes from the plugin "${plugin}": check its data and options, or report it to its author.`;
}
