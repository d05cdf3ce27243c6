import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown, gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown, gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown, gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown, gfmTaskListItemToMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Data, Plugin } from 'unified';
import type {} from 'remark-parse';

/** A `mdast-util-to-markdown` extension (typed here: `remark-stringify`, which declares the field, is not used). */
type ToMarkdownExtension = ReturnType<typeof gfmTableToMarkdown>;

/**
 * A remark plugin that enables GFM footnotes, strikethrough, tables and task
 * lists, but not autolink literals (`www.x.com`, `https://…`, `a@b.c` in plain
 * text). It registers the same extensions, in the same order, as `remark-gfm`
 * does internally, minus the autolink-literal pair, which is by far the most
 * expensive part of GFM. Use it only for documents in which
 * `containsAutolinkCandidate` found nothing, so the output matches `remark-gfm`.
 */
export const remarkGfmWithoutAutolinkLiterals: Plugin<[], Root> = function () {
  const data: Data & { toMarkdownExtensions?: ToMarkdownExtension[] } = this.data();
  const micromarkExtensions = data.micromarkExtensions ?? (data.micromarkExtensions = []);
  const fromMarkdownExtensions = data.fromMarkdownExtensions ?? (data.fromMarkdownExtensions = []);
  const toMarkdownExtensions = data.toMarkdownExtensions ?? (data.toMarkdownExtensions = []);

  micromarkExtensions.push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  fromMarkdownExtensions.push([
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  ]);
  toMarkdownExtensions.push({
    extensions: [
      gfmFootnoteToMarkdown(),
      gfmStrikethroughToMarkdown(),
      gfmTableToMarkdown(),
      gfmTaskListItemToMarkdown(),
    ],
  });
};
