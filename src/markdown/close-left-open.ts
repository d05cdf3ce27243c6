import type { Heading, Html, Nodes, Paragraph } from 'mdast';
import type { VFile } from 'vfile';
import { findLeftOpen } from './find-swallowing-html.js';

/** Code (and rule id) of the warning for raw HTML left open at the end of its paragraph. */
export const HTML_UNCLOSED = 'markdown-html-unclosed';

/** An element a paragraph or heading left open and that was closed at its end. */
export interface LeftOpen {
  /** Tag name, such as `b`. */
  readonly name: string;
  /** What it was left open in. */
  readonly block: 'paragraph' | 'heading';
  /** Where the raw start tag that opened it is (1-based, within the Markdown); undefined when none is found. */
  readonly place: { readonly line: number; readonly column: number } | undefined;
}

/**
 * Closes, at the end of a paragraph or heading, the elements its raw HTML
 * leaves open (`Harga <b>naik tajam.` then more paragraphs). Left open, a
 * `<b>`, `<a>` or `<em>` is reopened by the HTML parser in every later
 * paragraph (its "active formatting elements"), so one missing `</b>` made
 * the rest of the article bold, or one link. The end tags are added as raw
 * HTML after the block's content, so rehype-raw closes them there and the
 * sanitizer still sees everything. `around` is the start tags of the
 * elements around the block, `tag` its own element (`p`, `h2`) and
 * `sentence` its content as the parser sees it. Returns what it closed.
 */
export function closeLeftOpen(
  block: Paragraph | Heading,
  around: string,
  tag: string,
  sentence: string,
): readonly LeftOpen[] {
  const names = findLeftOpen(around, `<${tag}>${sentence}</${tag}>`).map((element) => element.tagName);
  if (names.length === 0) return [];
  for (const name of [...names].reverse()) block.children.push({ type: 'html', value: `</${name}>` });
  return names.map((name) => {
    const start = findLastStartTag(block, name)?.position?.start;
    return { name, block: block.type, place: start && { line: start.line, column: start.column } };
  });
}

/** The last raw start tag of `name` under `node`, in document order: the one left open, as a rule. */
function findLastStartTag(node: Nodes, name: string): Html | undefined {
  if (node.type === 'html') return new RegExp(`^<${name}(?=[\\s/>]|$)`, 'i').test(node.value) ? node : undefined;
  if (!('children' in node)) return undefined;
  let found: Html | undefined;
  for (const child of node.children) found = findLastStartTag(child, name) ?? found;
  return found;
}

/** Reports each element closed by {@link closeLeftOpen} on `file`, as a warning at its start tag. */
export function reportLeftOpen(file: VFile, closed: readonly LeftOpen[]): void {
  for (const { name, block, place } of closed) {
    const message = file.message(
      `Unexpected raw HTML \`<${name}>\` left open at the end of its ${block}, expected \`</${name}>\` in the same ${block}: it was closed there, so that it does not run on into the rest of the article`,
      { place, ruleId: HTML_UNCLOSED, source: 'newsgen' },
    );
    message.note = `Close it in the same ${block} (\`<${name}>…</${name}>\`), or use Markdown (\`**…**\`, \`_…_\`, \`[…](…)\`); to format several paragraphs, open and close it in each.`;
  }
}
