import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Alignments a table cell can have, each as the class the theme styles. */
const ALIGN_CLASSES: Readonly<Record<string, string>> = {
  left: 'align-left',
  center: 'align-center',
  right: 'align-right',
};

/**
 * A rehype plugin that turns the `align` attribute of table cells (GFM's
 * `| --: |` columns, or raw HTML) into an `align-*` class: `align` is
 * obsolete in HTML (the Nu checker reports it), and a stylesheet rule for
 * cells would override it anyway. Runs before the sanitizer, which allows
 * exactly these classes on `th` and `td`.
 */
export function rehypeTableAlign() {
  return function alignCells(tree: Root): undefined {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'td' && node.tagName !== 'th') return;
      const align = node.properties['align'];
      if (align === undefined) return;
      delete node.properties['align'];
      const name = ALIGN_CLASSES[String(align).toLowerCase()];
      if (name) node.properties['className'] = [name];
    });
  };
}
