import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PluginPageSpec } from './check-plugin-pages.js';

// The result of the plugins' `pages` hooks, apart from the code that runs and
// checks them: every build reads this, while the hooks' checks (with the slug
// rules) load only for a site with a plugin that has the hook.

/** A page a plugin added, checked: the plugin's name with it. */
export interface PluginPageSource extends PluginPageSpec {
  readonly plugin: string;
}

/** What the plugins' `pages` hooks gave: their pages in URL order, a hash of them, and the problems found. */
export interface PluginPages {
  readonly pages: readonly PluginPageSource[];
  /** Empty when no plugin gave a page. */
  readonly hash: string;
  /** The problems the hooks reported, and every invalid page they gave (`plugin-error`). */
  readonly diagnostics: readonly Diagnostic[];
}

/** No pages from plugins. */
export const NO_PLUGIN_PAGES: PluginPages = Object.freeze({ pages: [], hash: '', diagnostics: [] });
