import type { Pluggable } from 'unified';

/**
 * A unified plugin as a config names it: the plugin alone, or the plugin and
 * its options (`[remarkSmartypants, { dashes: 'oldschool' }]`).
 */
export type PluginEntry = Pluggable;

/** One more host whose pages articles may embed with `<iframe>`, and what its iframes may carry. */
export interface EmbedRule {
  /** Hostname compared exactly with the iframe `src` (`e.infogram.com`); only `https:` URLs pass. */
  readonly host: string;
  /**
   * Further iframe attributes this host's iframes keep, as written in HTML
   * (`scrolling`, `data-id`), beyond the ones every embed keeps. Event
   * handlers, `style`, `srcdoc` and `http-equiv` are never allowed.
   */
  readonly attributes: readonly string[];
}

/**
 * A narrow widening of the sanitizer's schema: more elements, attributes or
 * classes may survive. Attribute names are HTML names (`data-id`, `aria-label`);
 * event handlers (`on*`), `style`, `srcdoc` and `http-equiv` are refused, and
 * whatever is allowed, no attribute value that is a `javascript:`,
 * `vbscript:` or `data:` URL survives (see `rehypeStripScriptUrls`).
 */
export interface SanitizeExtension {
  /** Elements kept (`details`, `abbr`, even `script`): the plugin answers for what it lets through. */
  readonly elements?: readonly string[];
  /** Attributes kept, by element (`'*'`: on every element). */
  readonly attributes?: Readonly<Record<string, readonly string[]>>;
  /** Classes kept, by element: `{ a: ['external'] }`. */
  readonly classes?: Readonly<Record<string, readonly string[]>>;
}

/**
 * What one plugin (or one built-in feature) adds to the Markdown pipeline.
 * Remark plugins run on the Markdown tree after parsing; rehype plugins on
 * the HTML tree after heading ids and before the embed allowlist, the
 * dateline and the sanitizer, which always runs last.
 */
export interface MarkdownExtension {
  /** Named in errors: `Plugin "x" failed: …`. */
  readonly name: string;
  readonly remarkPlugins?: readonly PluginEntry[];
  readonly rehypePlugins?: readonly PluginEntry[];
  readonly embeds?: readonly EmbedRule[];
  readonly sanitize?: SanitizeExtension;
}

/**
 * Attribute names no plugin may allow, whatever it asks for: event handlers
 * run script, `style` restyles the page around the article, `srcdoc` is a
 * whole document inside an iframe and `http-equiv` turns `<meta>` into a
 * redirect. Lower case, as HTML compares them.
 */
export function isForbiddenAttribute(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('on') || lower === 'style' || lower === 'srcdoc' || lower === 'http-equiv';
}
