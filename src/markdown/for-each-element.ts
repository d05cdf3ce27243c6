import type { Element, Root } from 'hast';

/**
 * Calls `visit` for every element of a tree, in document order (parents
 * before their children), as `visit(tree, 'element', …)` from
 * unist-util-visit would for a visitor that only reads or sets properties.
 * The rehype steps that run on every body use this instead: unist-util-visit
 * tests every node and copies the list of ancestors at each level, several
 * times the cost of this walk on a whole tree, once per step and article.
 * The tree's depth is bounded before any walk (see `nesting-limit.ts`).
 */
export function forEachElement(tree: Root | Element, visit: (element: Element) => void): void {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    visit(child);
    forEachElement(child, visit);
  }
}
