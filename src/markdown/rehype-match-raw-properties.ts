import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Makes a tree that did not go through rehype-raw carry its properties the
 * way one that did would: a `data-*` property set to `true` (GFM footnote
 * markers) comes back from the HTML parser as an empty string, and prints as
 * `data-footnote-ref=""`. With this, documents with and without raw HTML are
 * serialised the same way, so skipping rehype-raw never changes the output.
 */
export function rehypeMatchRawProperties() {
  return function normalise(tree: Root): undefined {
    visit(tree, 'element', (node) => {
      for (const [key, value] of Object.entries(node.properties)) {
        if (value === true && /^data[A-Z]/.test(key)) node.properties[key] = '';
      }
    });
  };
}
