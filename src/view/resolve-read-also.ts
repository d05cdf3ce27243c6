import { READ_ALSO_PLACEHOLDER } from '../markdown/embeds/related-link.js';
import type { RenderComponent } from '../markdown/expand-components.js';

/** An article a `::related` link points at, ready to print. */
export interface ReadAlsoTarget {
  readonly title: string;
  /** Root-relative URL, base path included. */
  readonly url: string;
}

/**
 * Fills the `::related` placeholders of an article's HTML with "read also"
 * links, printed by the theme's `related` component partial with the target
 * found by slug (`{ slug, title, url }`). A placeholder without a target
 * (there is none once the model has checked the links), or without a
 * renderer, is removed.
 */
export function resolveReadAlso(
  html: string,
  targets: ReadonlyMap<string, ReadAlsoTarget>,
  render: RenderComponent | undefined,
): string {
  if (!html.includes('<p data-related="')) return html;
  return html.replace(READ_ALSO_PLACEHOLDER, (placeholder, slug: string) => {
    const target = targets.get(slug);
    if (!target || !render) return '';
    const line = placeholder.endsWith('\n') ? '\n' : '';
    return `${render('related', { slug, title: target.title, url: target.url })}${line}`;
  });
}
