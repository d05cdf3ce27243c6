import { VFile } from 'vfile';
import { containsAutolinkCandidate } from './contains-autolink-candidate.js';
import { createPipeline } from './create-pipeline.js';
import { extractParagraphText } from './extract-paragraph-text.js';
import { DATELINE_DATA_KEY } from './rehype-dateline.js';

/** Options for one `render` call. */
export interface RenderOptions {
  /** Place name that opens the first paragraph, e.g. `JAKARTA`; plain text, escaped on output. */
  readonly dateline?: string | undefined;
}

/** A rendered Markdown body. */
export interface RenderedMarkdown {
  /** Sanitised HTML of the body. */
  readonly html: string;
  /** Plain text of the body's paragraphs (no headings, code or dateline), whitespace collapsed; for excerpts. */
  readonly text: string;
}

/** Turns Markdown bodies into sanitised HTML. Holds no per-document state: safe to reuse for every article. */
export interface MarkdownProcessor {
  render(markdown: string, options?: RenderOptions): RenderedMarkdown;
}

/**
 * Creates the Markdown processor for one build: CommonMark + GFM (tables,
 * task lists, footnotes, strikethrough, autolink literals), raw HTML parsed
 * and then sanitised (see `sanitizeSchema`), heading ids, and an optional
 * dateline. Two frozen pipelines are built once, with and without GFM
 * autolink literals; documents with nothing an autolink literal could match
 * use the cheaper one, with byte-identical output. Create one per build (or
 * per worker thread) and call `render` for every article.
 */
export function createMarkdownProcessor(): MarkdownProcessor {
  const withAutolinks = createPipeline({ autolinkLiterals: true });
  const withoutAutolinks = createPipeline({ autolinkLiterals: false });
  return {
    render(markdown, options) {
      const pipeline = containsAutolinkCandidate(markdown) ? withAutolinks : withoutAutolinks;
      const file = new VFile({ value: markdown, data: { [DATELINE_DATA_KEY]: options?.dateline } });
      const tree = pipeline.runSync(pipeline.parse(file), file);
      return { html: pipeline.stringify(tree, file), text: extractParagraphText(tree) };
    },
  };
}
