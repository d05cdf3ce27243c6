import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Keeps the first line of a code block that starts with a blank line through
 * rehype-raw. The HTML parser behind it (parse5) drops a line feed that comes
 * first in a `pre`, even inside the `code` element that Markdown code blocks
 * put there; browsers drop it only right after `<pre>`. Doubling that line
 * feed beforehand leaves the block as Markdown wrote it, the same as in a
 * document that skips rehype-raw. Runs right before rehype-raw, when the only
 * `pre` elements are Markdown's own (raw HTML is still unparsed then).
 */
export function rehypeKeepCodeNewline() {
  return function keepNewline(tree: Root): undefined {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'pre') return;
      const code = node.children[0];
      const text = code?.type === 'element' && code.tagName === 'code' ? code.children[0] : undefined;
      if (text?.type === 'text' && text.value.startsWith('\n')) text.value = `\n${text.value}`;
    });
  };
}
