import type { Root } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type {} from 'remark-parse';
import type { Plugin } from 'unified';

/** Which GFM constructs a pipeline parses. */
export interface GfmParts {
  readonly autolinkLiteral: boolean;
  readonly footnote: boolean;
  readonly strikethrough: boolean;
  readonly table: boolean;
  readonly taskListItem: boolean;
}

/** Every GFM construct: what `remark-gfm` parses. */
export const ALL_GFM_PARTS: GfmParts = {
  autolinkLiteral: true,
  footnote: true,
  strikethrough: true,
  table: true,
  taskListItem: true,
};

/**
 * `remark-gfm` à la carte: the same micromark and mdast extensions, in the
 * same order, for the constructs asked for. Each construct costs parse time
 * on every line of every document whether it appears or not, so the Markdown
 * stage leaves out those a document cannot contain (no `|`, no table).
 * Parsing only: newsgen never serialises Markdown.
 */
export const remarkGfmParts: Plugin<[GfmParts], Root> = function (parts) {
  const data = this.data();
  const micromarkExtensions = (data.micromarkExtensions ??= []);
  const fromMarkdownExtensions = (data.fromMarkdownExtensions ??= []);
  if (parts.autolinkLiteral) {
    micromarkExtensions.push(gfmAutolinkLiteral());
    fromMarkdownExtensions.push(gfmAutolinkLiteralFromMarkdown());
  }
  if (parts.footnote) {
    micromarkExtensions.push(gfmFootnote());
    fromMarkdownExtensions.push(gfmFootnoteFromMarkdown());
  }
  if (parts.strikethrough) {
    micromarkExtensions.push(gfmStrikethrough());
    fromMarkdownExtensions.push(gfmStrikethroughFromMarkdown());
  }
  if (parts.table) {
    micromarkExtensions.push(gfmTable());
    fromMarkdownExtensions.push(gfmTableFromMarkdown());
  }
  if (parts.taskListItem) {
    micromarkExtensions.push(gfmTaskListItem());
    fromMarkdownExtensions.push(gfmTaskListItemFromMarkdown());
  }
};

/**
 * The GFM constructs a document could contain, from characters each one
 * needs: a table needs `|`, strikethrough `~`, a footnote `[^`, a task list
 * item `[ ]`/`[x]`. (Autolink literals are decided separately, on a parse.)
 */
export function detectGfmParts(markdown: string): Omit<GfmParts, 'autolinkLiteral'> {
  return {
    footnote: markdown.includes('[^'),
    strikethrough: markdown.includes('~'),
    table: markdown.includes('|'),
    taskListItem: /\[[ xX]\]/.test(markdown),
  };
}
