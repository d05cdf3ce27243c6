import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { isNewsgenError, NewsgenError } from '../diagnostics/newsgen-error.js';
import { checkBracketLimit } from './bracket-limit.js';
import { HTML_UNCLOSED } from './close-left-open.js';
import { compactString } from './compact-string.js';
import { containsAutolinkCandidate, showsAutolinkLiteral } from './contains-autolink-candidate.js';
import { createPipeline, type MarkdownPipeline } from './create-pipeline.js';
import type { MarkdownExtension } from './markdown-extension.js';
import { mayContainAutolinkLiteral } from './may-contain-autolink-literal.js';
import { PLUGIN_MESSAGES_KEY, PluginFailure, type PluginMessage } from './name-plugin.js';
import {
  createHtmlNestingError,
  createMarkdownNestingError,
  findNode,
  findTooDeep,
  HTML_NESTING,
  isStackOverflow,
} from './nesting-limit.js';
import { readParagraphs } from './read-paragraphs.js';
import { type BodyImageReference, IMAGES_DATA_KEY } from './rehype-collect-images.js';
import { type CollectedReferences, REFERENCES_DATA_KEY } from './rehype-collect-references.js';
import { DATELINE_DATA_KEY } from './rehype-dateline.js';
import { SPONSORED_DATA_KEY } from './rehype-sponsored-links.js';
import { mayContainDirective } from './remark-block-directives.js';
import { type EmbedRule, isEmbedRule, RELATED_DATA_KEY, type RelatedLinkRef } from './remark-embeds.js';
import { ALL_GFM_PARTS, detectGfmParts } from './remark-gfm-parts.js';
import {
  BODY_HOLDER_KEY,
  type BodyHolder,
  type BodyLiveUpdate,
  LIVE_UPDATE_RULE,
  LIVE_UPDATES_KEY,
  READ_UPDATE_TIME_KEY,
  type ReadUpdateTime,
} from './remark-live-updates.js';

export type { PluginMessage } from './name-plugin.js';

/** Code of the error a plugin's failure becomes (see `PluginFailure`). */
export const PLUGIN_ERROR = 'plugin-error';

/** Options for one `render` call. */
export interface RenderOptions {
  /** Place name that opens the first paragraph, e.g. `JAKARTA`; plain text, escaped on output. */
  readonly dateline?: string | undefined;
  /** The body is paid content: its outbound links get `rel="sponsored"`. */
  readonly sponsored?: boolean | undefined;
  /** Reads the `time` of a live blog's `:::update`; only a live blog has one (elsewhere an update is an error). */
  readonly readUpdateTime?: ReadUpdateTime | undefined;
  /** What the body belongs to when not an article (a `:::update` is reported as out of place there). */
  readonly holder?: BodyHolder | undefined;
}

/**
 * A problem with a body, placed within it: one that stops the build (an
 * embed component written wrong), or a warning (raw HTML left open).
 */
export interface MarkdownMessage {
  readonly reason: string;
  /** Permanent rule id, e.g. `embed-invalid`. */
  readonly ruleId: EmbedRule | typeof LIVE_UPDATE_RULE | typeof HTML_UNCLOSED;
  /** Line and column within the Markdown given to `render` (1-based). */
  readonly place: { readonly line: number; readonly column: number } | undefined;
  readonly hint: string | undefined;
}

/** A rendered Markdown body. */
export interface RenderedMarkdown {
  /** Sanitised HTML of the body. */
  readonly html: string;
  /**
   * Plain text of each of the body's paragraphs (no headings, code or
   * dateline), in order; for excerpts. Read from the tree as they are asked
   * for: most articles have a summary, a walk of every body cost a cold build
   * half a second of work at 10,000 articles, and an excerpt needs only the
   * first few paragraphs (see `createExcerptOfParagraphs`).
   */
  paragraphs(): Iterable<string>;
  /** The body's `<img>` sources with their places in `markdown`, for the image stage. */
  readonly images: readonly BodyImageReference[];
  /** Links and images that may point into the site, and images without alternative text, placed in `markdown`. */
  readonly references: CollectedReferences;
  /** What plugins said about the body (`file.message`), with their names; empty without plugins. */
  readonly pluginMessages: readonly PluginMessage[];
  /** Problems with the body's components; empty for almost every body. */
  readonly messages: readonly MarkdownMessage[];
  /** What was repaired in the body, to warn about (raw HTML left open at the end of a paragraph); mostly empty. */
  readonly warnings: readonly MarkdownMessage[];
  /** Slugs of the articles the body links with `::related`, in order, with their places. */
  readonly readAlso: readonly RelatedLinkRef[];
  /** A live blog's updates, newest first, with their places in `markdown`; empty for other bodies. */
  readonly liveUpdates: readonly BodyLiveUpdate[];
}

/** Turns Markdown bodies into sanitised HTML. Holds no per-document state: safe to reuse for every article. */
export interface MarkdownProcessor {
  /**
   * Renders one body. Throws a `NewsgenError` for a body nested too deeply:
   * `MARKDOWN_NESTING` beyond `MAX_NESTING`, placed within `markdown`, and
   * `HTML_NESTING` beyond `MAX_HTML_NESTING`, placed at its first raw HTML;
   * for raw HTML that would hide the text after it (`HTML_SWALLOW`); for
   * a paragraph of more than `MAX_BRACKETS` brackets (`MARKDOWN_BRACKETS`);
   * and `PLUGIN_ERROR` when a plugin fails, naming it (placed when it gave a place).
   */
  render(markdown: string, options?: RenderOptions): RenderedMarkdown;
}

/**
 * Creates the Markdown processor for one build (or one worker thread); call
 * `render` for every article. CommonMark + GFM (tables, task lists,
 * footnotes, strikethrough, autolink literals), raw HTML parsed and then
 * sanitised (see `sanitizeSchema`), heading ids, an optional dateline, and
 * the plugins' `extensions` (their remark and rehype steps run on every
 * document, so documents always take the pipelines that keep raw HTML nodes
 * a remark step may add).
 * Frozen pipelines share the work, each picked only when it gives the same
 * output as the full one: rehype-raw only for documents with a `<`; GFM
 * tables, strikethrough, footnotes and task lists only when the characters
 * they need occur; and the costly autolink-literal construct only when a
 * cheap parse shows text where a literal could form (see
 * `mayContainAutolinkLiteral`), or straight away when the source shows a bare
 * URL or address (`showsAutolinkLiteral`), instead of parsing twice.
 */
export function createMarkdownProcessor(extensions: readonly MarkdownExtension[] = []): MarkdownProcessor {
  // Frozen pipelines by feature set, built on first use: at most 64, a handful in practice.
  const pipelines = new Map<string, MarkdownPipeline>();
  const pick = (
    autolinkLiterals: boolean,
    rawHtml: boolean,
    gfm: ReturnType<typeof detectGfmParts>,
    directives: boolean,
  ): MarkdownPipeline => {
    const key = JSON.stringify([autolinkLiterals, rawHtml, gfm, directives]);
    let pipeline = pipelines.get(key);
    if (!pipeline)
      pipelines.set(key, (pipeline = createPipeline({ autolinkLiterals, rawHtml, gfm, directives, extensions })));
    return pipeline;
  };
  const plugged = extensions.length > 0;
  // Plugins are set up once now, so a plugin that cannot start fails the build once, not once per article.
  if (plugged) startPlugins(() => pick(true, true, ALL_GFM_PARTS, true));
  const remarkSteps = extensions.some((extension) => extension.remarkPlugins?.length);
  return {
    render(markdown, options) {
      checkBracketLimit(markdown);
      const rawHtml = remarkSteps || markdown.includes('<');
      const gfm = detectGfmParts(markdown);
      const directives = mayContainDirective(markdown);
      const file = new VFile({
        value: markdown,
        data: {
          [DATELINE_DATA_KEY]: options?.dateline,
          [SPONSORED_DATA_KEY]: options?.sponsored,
          [READ_UPDATE_TIME_KEY]: options?.readUpdateTime,
          [BODY_HOLDER_KEY]: options?.holder,
        },
      });
      // A body with a bare URL would be parsed twice (cheap, then with autolinks): go straight to the second.
      const literal = showsAutolinkLiteral(markdown);
      let pipeline = pick(literal, rawHtml, gfm, directives);
      let mdast = parseWithinLimit(pipeline, file);
      if (!literal && containsAutolinkCandidate(markdown) && mayContainAutolinkLiteral(mdast)) {
        pipeline = pick(true, rawHtml, gfm, directives);
        mdast = parseWithinLimit(pipeline, file);
      }
      try {
        const tree = pipeline.runSync(mdast, file);
        const html = compactString(pipeline.stringify(tree, file));
        const images = (file.data[IMAGES_DATA_KEY] as BodyImageReference[] | undefined) ?? [];
        const references = (file.data[REFERENCES_DATA_KEY] as CollectedReferences | undefined) ?? NO_REFERENCES;

        const pluginMessages = (file.data[PLUGIN_MESSAGES_KEY] as PluginMessage[] | undefined) ?? [];
        return {
          html,
          paragraphs: () => readParagraphs(tree),
          images,
          references,
          pluginMessages,
          messages: file.messages.flatMap((message) =>
            isEmbedRule(message.ruleId) || message.ruleId === LIVE_UPDATE_RULE
              ? [toMarkdownMessage(message, message.ruleId)]
              : [],
          ),
          warnings: file.messages.flatMap((message) =>
            message.ruleId === HTML_UNCLOSED ? [toMarkdownMessage(message, HTML_UNCLOSED)] : [],
          ),
          readAlso: readRelatedLinks(file),
          liveUpdates: (file.data[LIVE_UPDATES_KEY] as BodyLiveUpdate[] | undefined) ?? [],
        };
      } catch (error) {
        if (error instanceof PluginFailure) throw toPluginError(error);
        // The Markdown is within its limit, so only raw HTML can nest this deep.
        if (isStackOverflow(error) || (isNewsgenError(error) && error.code === HTML_NESTING)) {
          throw createHtmlNestingError(findNode(mdast, (node) => node.type === 'html')?.position?.start, error);
        }
        throw error;
      }
    },
  };
}

const NO_REFERENCES: CollectedReferences = { references: [], missingAlt: [] };
/** Builds a pipeline now, so that a plugin failing to set itself up is one error naming it. */
function startPlugins(build: () => unknown): void {
  try {
    build();
  } catch (error) {
    if (!(error instanceof PluginFailure)) throw error;
    throw toPluginError(error, 'could not start');
  }
}

/** A plugin's failure as the error newsgen reports: the plugin named, placed when the plugin gave a place. */
function toPluginError(failure: PluginFailure, what = 'failed'): NewsgenError {
  return new NewsgenError(`Plugin "${failure.plugin}" ${what}: ${failure.message}`, {
    code: PLUGIN_ERROR,
    place: failure.place,
    cause: failure.cause,
    hint: `The error comes from the plugin "${failure.plugin}": check its options in the config, or report it to its author.`,
  });
}

/** Parses a document and checks its nesting before any tree walk recurses into it. */
function parseWithinLimit(pipeline: MarkdownPipeline, file: VFile): Root {
  const mdast = pipeline.parse(file);
  const tooDeep = findTooDeep(mdast);
  if (tooDeep) throw createMarkdownNestingError(tooDeep.position?.start);
  return mdast;
}

/**
 * One of newsgen's own messages as a plain value (it crosses to worker
 * threads and into the cache); other plugins' messages are not ours to stop
 * the build on.
 */
function toMarkdownMessage(message: VFile['messages'][number], ruleId: MarkdownMessage['ruleId']): MarkdownMessage {
  return {
    reason: message.reason,
    ruleId,
    place: message.line === undefined ? undefined : { line: message.line, column: message.column ?? 1 },
    hint: message.note,
  };
}

/** The `::related` links `remarkEmbeds` recorded (none when the body had no directive). */
function readRelatedLinks(file: VFile): readonly RelatedLinkRef[] {
  const links = file.data[RELATED_DATA_KEY];
  return Array.isArray(links) ? (links as RelatedLinkRef[]) : [];
}
