import type { Root } from 'mdast';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import type {} from 'remark-parse';
import type { Plugin } from 'unified';

/**
 * The block forms of the generic directive syntax (the syntax of
 * `remark-directive`, from the same micromark and mdast extensions): leaf
 * directives (`::youtube[Title]{id=…}`) and containers (`:::gallery … :::`).
 * Text directives (`:name` inside a sentence) are left out on purpose: with
 * them, ordinary prose such as `Catatan:penting` or `:smile:` would become
 * a directive and vanish, and every embed is a block anyway.
 */
export const remarkBlockDirectives: Plugin<[], Root> = function () {
  const data = this.data();
  const { flow } = directive();
  (data.micromarkExtensions ??= []).push({ flow });
  (data.fromMarkdownExtensions ??= []).push(directiveFromMarkdown());
};

/**
 * Whether a document can hold a block directive: both forms start with `::`.
 * Documents without one skip the directive construct (and its cost) entirely.
 */
export function mayContainDirective(markdown: string): boolean {
  return markdown.includes('::');
}
