import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';

/** Key in `file.data` that holds the dateline for `rehypeDateline`. */
export const DATELINE_DATA_KEY = 'dateline';

/**
 * A rehype plugin that starts the body with the dateline found in
 * `file.data.dateline` (a string; nothing happens without one):
 * `<span class="dateline">JAKARTA</span> ` goes at the start of the first
 * paragraph, or in a new paragraph when the body does not open with one.
 * The dateline is a text node, so the serializer escapes it. Runs before the
 * sanitizer, which allows exactly this class on `span`.
 */
export function rehypeDateline() {
  return function insertDateline(tree: Root, file: VFile): undefined {
    const dateline = file.data[DATELINE_DATA_KEY];
    if (typeof dateline !== 'string' || dateline.trim() === '') return;
    const span: Element = {
      type: 'element',
      tagName: 'span',
      properties: { className: ['dateline'] },
      children: [{ type: 'text', value: dateline.trim() }],
    };
    const first = findFirstBlock(tree.children);
    if (first?.type === 'element' && first.tagName === 'p') {
      first.children.unshift(span, { type: 'text', value: ' ' });
      return;
    }
    tree.children.unshift(createParagraph([span]), { type: 'text', value: '\n' });
  };
}

/** Finds the first node that is not inter-element whitespace or a comment. */
function findFirstBlock(children: readonly RootContent[]): RootContent | undefined {
  return children.find(
    (node) => node.type !== 'comment' && node.type !== 'doctype' && !(node.type === 'text' && node.value.trim() === ''),
  );
}

/** Creates a `<p>` holding the given content. */
function createParagraph(children: ElementContent[]): Element {
  return { type: 'element', tagName: 'p', properties: {}, children };
}
