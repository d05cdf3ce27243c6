import { formatString } from '../i18n/strings.js';
import type { ViewContext } from './view-context.js';

/**
 * A tag or comment of serialised HTML. Attribute values are skipped whole,
 * quotes and all: the serialiser leaves `<` and `>` unescaped inside them
 * (`title="<table>"`), while text has them escaped.
 */
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?>/g;

/**
 * Wraps each outermost `<table>` of sanitised body HTML in a focusable,
 * labelled scroll region (`<div class="table-scroll" role="region"
 * tabindex="0" aria-label="Table 1">`): a table wider than the screen
 * scrolls sideways inside it, and browsers that do not make a scroll
 * container focusable on their own leave a keyboard no other way to scroll
 * it. Added here, after the sanitizer, which lets no `role`, `aria-label` or
 * class of the theme through from an author's HTML. `label` names the
 * region of the nth table (1-based); HTML without a table is returned as it is.
 */
export function wrapTables(html: string, label: (number: number) => string): string {
  if (!html.includes('<table')) return html;
  let depth = 0;
  let count = 0;
  return html.replace(TAG, (tag, slash: string | undefined, name: string | undefined) => {
    if (name?.toLowerCase() !== 'table') return tag;
    if (slash) return depth > 0 && --depth === 0 ? `${tag}</div>` : tag;
    if (depth++ > 0) return tag;
    count += 1;
    return `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeAttribute(label(count))}">${tag}`;
  });
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** {@link wrapTables} with the site's `tableRegion` string (`Tabel 1`). */
export function wrapBodyTables(html: string, context: Pick<ViewContext, 'strings' | 'formatNumber'>): string {
  const template = context.strings['tableRegion'] ?? 'Table {number}';
  return wrapTables(html, (number) => formatString(template, { number: context.formatNumber(number) }));
}
