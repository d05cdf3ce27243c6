import type { Element, Nodes } from 'hast';

/** Elements whose paragraphs are not body text: code, footnotes, embedded and hidden content. */
const SKIPPED_TAGS: ReadonlySet<string> = new Set(['pre', 'code', 'iframe', 'figcaption', 'table', 'script', 'style']);

/**
 * The plain text of each paragraph of a rendered body (`<p>` elements, also
 * inside quotes and list items), in order and with whitespace as written,
 * for excerpts. Headings, code blocks, tables, figure captions, the
 * footnotes section, footnote reference numbers and the dateline are left
 * out. Read as they are asked for: an excerpt needs the first few, and a
 * walk of a 4 MB body took a third of a second.
 */
export function* readParagraphs(node: Nodes): Generator<string, void, undefined> {
  if (node.type !== 'root' && node.type !== 'element') return;
  if (node.type === 'element') {
    if (SKIPPED_TAGS.has(node.tagName) || isFootnoteSection(node)) return;
    if (node.tagName === 'p') {
      yield readInlineText(node);
      return;
    }
  }
  for (const child of node.children) yield* readParagraphs(child);
}

/** Reads the text inside a paragraph, skipping the dateline and footnote markers. */
function readInlineText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (node.tagName === 'br') return ' ';
  if (isDateline(node) || isFootnoteReference(node)) return '';
  return node.children.map(readInlineText).join('');
}

/** Checks whether an element is the inserted `<span class="dateline">`. */
function isDateline(node: Element): boolean {
  const className = node.properties['className'];
  return node.tagName === 'span' && Array.isArray(className) && className.includes('dateline');
}

/** Checks whether an element is a GFM footnote call (`<sup><a data-footnote-ref>`). */
function isFootnoteReference(node: Element): boolean {
  return (
    node.tagName === 'sup' &&
    node.children.some((child) => child.type === 'element' && child.properties['dataFootnoteRef'] !== undefined)
  );
}

/** Checks whether an element is the GFM footnotes `<section data-footnotes>`. */
function isFootnoteSection(node: Element): boolean {
  return node.tagName === 'section' && node.properties['dataFootnotes'] !== undefined;
}
