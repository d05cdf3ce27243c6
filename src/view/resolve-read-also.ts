import { stringifyEntities } from 'stringify-entities';
import { READ_ALSO_PLACEHOLDER } from '../markdown/embeds/related-link.js';

/** An article a `::related` link points at, ready to print. */
export interface ReadAlsoTarget {
  readonly title: string;
  /** Root-relative URL, base path included. */
  readonly url: string;
}

/**
 * Fills the `::related` placeholders of an article's HTML with "read also"
 * links (`<p class="read-also"><span>Baca juga:</span> <a href="…">Title</a></p>`),
 * the target found by slug. A placeholder without a target (there is none
 * once the model has checked the links) is removed. Title and URL are escaped.
 */
export function resolveReadAlso(html: string, targets: ReadonlyMap<string, ReadAlsoTarget>, label: string): string {
  if (!html.includes('<p data-related="')) return html;
  return html.replace(READ_ALSO_PLACEHOLDER, (placeholder, slug: string) => {
    const target = targets.get(slug);
    if (!target) return '';
    const line = placeholder.endsWith('\n') ? '\n' : '';
    return `<p class="read-also"><span>${escapeText(label)}:</span> <a href="${escapeText(target.url)}">${escapeText(target.title)}</a></p>${line}`;
  });
}

function escapeText(text: string): string {
  return stringifyEntities(text, { escapeOnly: true, useNamedReferences: true });
}
