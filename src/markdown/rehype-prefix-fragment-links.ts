import type { Element, Root } from 'hast';
import { forEachElement } from './for-each-element.js';
import { CLOBBER_PREFIX } from './sanitize-schema.js';

/**
 * A rehype plugin that makes same-page links follow the ids the sanitizer
 * will write: `href="#results"` becomes `href="#user-content-results"`,
 * matching `<h2 id="user-content-results">`; footnote references and
 * back-references are fixed the same way. Links that already carry the prefix
 * (copied from a rendered page) are left alone. Runs before the sanitizer.
 */
export function rehypePrefixFragmentLinks() {
  return function prefixFragmentLinks(tree: Root): undefined {
    forEachElement(tree, (node: Element) => {
      const href = node.properties['href'];
      if (node.tagName !== 'a' || typeof href !== 'string') return;
      if (href.length > 1 && href.startsWith('#') && !href.startsWith(`#${CLOBBER_PREFIX}`)) {
        node.properties['href'] = `#${CLOBBER_PREFIX}${href.slice(1)}`;
      }
    });
  };
}
