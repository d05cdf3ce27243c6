import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';

/** Key in `file.data` that holds the dateline for `rehypeDateline`. */
export const DATELINE_DATA_KEY = 'dateline';

/** Elements that hold no prose: a body may open with them, and the dateline goes past them. */
const MEDIA_TAGS: ReadonlySet<string> = new Set(['figure', 'iframe', 'img', 'picture', 'video', 'audio']);

/**
 * A rehype plugin that starts the body's text with the dateline found in
 * `file.data.dateline` (a string; nothing happens without one):
 * `<span class="dateline">JAKARTA</span> ` goes at the start of the first
 * paragraph of text, past any photos, embeds or "read also" links the body
 * opens with; when other content (a heading, a list) comes before any such
 * paragraph (or the body has no text), the dateline gets a paragraph of
 * its own just before it.
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
    const index = tree.children.findIndex((node) => !isBlank(node) && !isMedia(node));
    const first = tree.children[index];
    if (first?.type === 'element' && first.tagName === 'p') {
      first.children.unshift(span, { type: 'text', value: ' ' });
      return;
    }
    // A body of photos or embeds alone keeps the dateline at its start.
    tree.children.splice(Math.max(index, 0), 0, createParagraph([span]), { type: 'text', value: '\n' });
  };
}

/** Inter-element whitespace, comments and doctypes. */
function isBlank(node: RootContent | ElementContent): boolean {
  return node.type === 'comment' || node.type === 'doctype' || (node.type === 'text' && node.value.trim() === '');
}

/** A photo, an embed (or a component's placeholder), a paragraph holding only images, or a "read also" link. */
function isMedia(node: RootContent | ElementContent): boolean {
  if (node.type !== 'element') return false;
  if (MEDIA_TAGS.has(node.tagName)) return true;
  if (node.tagName === 'div' && node.properties['dataComponent'] !== undefined) return true;
  if (node.tagName === 'p') {
    if (node.properties['dataRelated'] !== undefined) return true;
    return node.children.length > 0 && node.children.every((child) => isBlank(child) || isImageOnly(child));
  }
  return false;
}

function isImageOnly(node: ElementContent): boolean {
  if (node.type !== 'element') return false;
  if (node.tagName === 'img' || node.tagName === 'picture' || node.tagName === 'br') return true;
  return node.tagName === 'a' && node.children.every((child) => isBlank(child) || isImageOnly(child));
}

/** Creates a `<p>` holding the given content. */
function createParagraph(children: ElementContent[]): Element {
  return { type: 'element', tagName: 'p', properties: {}, children };
}
