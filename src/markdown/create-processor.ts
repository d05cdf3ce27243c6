import { VFile } from 'vfile';
import { containsAutolinkCandidate } from './contains-autolink-candidate.js';
import { createPipeline, type MarkdownPipeline } from './create-pipeline.js';
import { mayContainAutolinkLiteral } from './may-contain-autolink-literal.js';
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
/**
 * Creates the Markdown stage once per build (or per worker thread). Four
 * frozen pipelines share the work, each picked only when it gives the same
 * output as the full one: rehype-raw only for documents with a `<`, and the
 * costly GFM autolink-literal construct only when a cheap parse shows text
 * where a literal could form (see `mayContainAutolinkLiteral`).
 */
export function createMarkdownProcessor(): MarkdownProcessor {
  const pipelines = new Map<string, MarkdownPipeline>();
  const pick = (autolinkLiterals: boolean, rawHtml: boolean): MarkdownPipeline => {
    const key = `${autolinkLiterals} ${rawHtml}`;
    let pipeline = pipelines.get(key);
    if (!pipeline) pipelines.set(key, (pipeline = createPipeline({ autolinkLiterals, rawHtml })));
    return pipeline;
  };
  return {
    render(markdown, options) {
      const rawHtml = markdown.includes('<');
      const file = new VFile({ value: markdown, data: { [DATELINE_DATA_KEY]: options?.dateline } });
      let pipeline = pick(false, rawHtml);
      let mdast = pipeline.parse(file);
      if (containsAutolinkCandidate(markdown) && mayContainAutolinkLiteral(mdast)) {
        pipeline = pick(true, rawHtml);
        mdast = pipeline.parse(file);
      }
      const tree = pipeline.runSync(mdast, file);
      return { html: pipeline.stringify(tree, file), text: extractParagraphText(tree) };
    },
  };
}
