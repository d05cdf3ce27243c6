import { formatString } from '../i18n/strings.js';
import type { ViewContext } from './view-context.js';

/** The class of the scroll region around a table of an article's body (styled by the theme's article.css). */
export const TABLE_SCROLL_CLASS = 'table-scroll';

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
  let out = '';
  let last = 0;
  let depth = 0;
  let count = 0;
  for (const match of html.matchAll(TAG)) {
    if (match[2]?.toLowerCase() !== 'table') continue;
    const start = match.index;
    const end = start + match[0].length;
    if (match[1] === '/') {
      if (depth === 0) continue;
      depth -= 1;
      if (depth === 0) {
        out += `${html.slice(last, end)}</div>`;
        last = end;
      }
    } else {
      if (depth === 0) {
        count += 1;
        out += `${html.slice(last, start)}<div class="${TABLE_SCROLL_CLASS}" role="region" tabindex="0" aria-label="${escapeAttribute(label(count))}">`;
        last = start;
      }
      depth += 1;
    }
  }
  // A table left open (never in serialised HTML) keeps its wrapper closed at the end.
  return `${out}${html.slice(last)}${depth > 0 ? '</div>' : ''}`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * {@link wrapTables} with the site's `tableRegion` string (`Tabel 1`), the
 * number in the locale's digits.
 */
export function wrapBodyTables(html: string, context: Pick<ViewContext, 'strings' | 'config'>): string {
  if (!html.includes('<table')) return html;
  const template = context.strings['tableRegion'] ?? 'Table {number}';
  const digits = new Intl.NumberFormat(context.config.locale, { useGrouping: false });
  return wrapTables(html, (number) => formatString(template, { number: digits.format(number) }));
}
