import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type PluggableList, type Plugin, unified } from 'unified';
import { BUILTIN_EXTENSIONS } from './builtin-extensions.js';
import { extendSanitizeSchema } from './extend-sanitize-schema.js';
import type { MarkdownExtension } from './markdown-extension.js';
import { namePlugin } from './name-plugin.js';
import { rehypeNestingLimit } from './nesting-limit.js';
import { rehypeCollectImages } from './rehype-collect-images.js';
import { rehypeCollectReferences } from './rehype-collect-references.js';
import { rehypeEmbedAllowlist } from './rehype-embed-allowlist.js';
import { rehypeKeepCodeNewline } from './rehype-keep-code-newline.js';
import { rehypeMatchRawProperties } from './rehype-match-raw-properties.js';
import { rehypePrefixFragmentLinks } from './rehype-prefix-fragment-links.js';
import { rehypeSponsoredLinks } from './rehype-sponsored-links.js';
import { rehypeStripScriptUrls } from './rehype-strip-script-urls.js';
import { rehypeTableAlign } from './rehype-table-align.js';
import { remarkBlockDirectives } from './remark-block-directives.js';
import { remarkEmbeds, remarkUnknownComponents } from './remark-embeds.js';
import { ALL_GFM_PARTS, type GfmParts, remarkGfmParts } from './remark-gfm-parts.js';
import { remarkGuardRawHtml } from './remark-guard-raw-html.js';
import { remarkLiveUpdates } from './remark-live-updates.js';
import { sanitizeSchema } from './sanitize-schema.js';

/** Which GFM variant a pipeline parses with. */
export interface PipelineOptions {
  /** `true`: full `remark-gfm`; `false`: GFM without autolink literals (cheaper). */
  readonly autolinkLiterals: boolean;
  /** Further GFM constructs to leave out (see `detectGfmParts`). @default all of them parsed */
  readonly gfm?: Omit<GfmParts, 'autolinkLiteral'>;
  /**
   * Parse raw HTML with rehype-raw. Only needed when the Markdown contains a
   * `<` (every HTML construct starts with one); without raw nodes rehype-raw
   * would only re-parse the tree it was given, a large share of the pipeline's cost.
   * @default true
   */
  readonly rawHtml?: boolean;
  /** The site's plugins' additions, in order, after newsgen's own (`BUILTIN_EXTENSIONS`). @default none */
  readonly extensions?: readonly MarkdownExtension[];
  /**
   * Parse block directives (`::youtube{…}`, `:::gallery`) into the theme's
   * components. Only needed when the Markdown contains `::`.
   * @default true
   */
  readonly directives?: boolean;
}

/**
 * Builds one frozen unified pipeline, Markdown to sanitised HTML:
 * remark-parse → GFM → raw HTML that would swallow text escaped or refused →
 * block directives into components (`remarkEmbeds`) → a live blog's updates
 * newest first (`remarkLiveUpdates`) → plugins' remark steps →
 * directives no plugin took reported (`remarkUnknownComponents`) →
 * remark-rehype (raw HTML kept) → code blocks' leading line feeds kept →
 * rehype-raw → HTML nesting limit → rehype steps: heading ids, dateline (from
 * `file.data.dateline`), then the plugins' → embed allowlist → same-page link
 * prefixes → table alignment as classes → image list
 * (`file.data.newsgenImages`) → links and images to check
 * (`file.data.newsgenReferences`) → paid links marked (`file.data.sponsored`) → rehype-sanitize → (when plugins widened the
 * schema) script URLs and event handlers stripped → rehype-stringify.
 * Steps that cannot change a document without raw HTML (or without
 * footnotes) are left out of the pipelines for such documents.
 * Raw HTML is parsed into the tree first, every rewrite follows, and the
 * sanitizer runs last, so nothing added before it escapes the schema.
 */
export function createPipeline(options: PipelineOptions) {
  const parts: GfmParts = { ...ALL_GFM_PARTS, ...options.gfm, autolinkLiteral: options.autolinkLiterals };
  // Everything on is exactly remark-gfm; anything less is the same extensions à la carte.
  const gfm: [Plugin<[], Root>] | [Plugin<[GfmParts], Root>, GfmParts] = Object.values(parts).every(Boolean)
    ? [remarkGfm]
    : [remarkGfmParts, parts];
  const raw = options.rawHtml ?? true;
  const added = options.extensions ?? [];
  const extensions = [...BUILTIN_EXTENSIONS, ...added];
  const embeds = extensions.flatMap((extension) => extension.embeds ?? []);
  const schema = extendSanitizeSchema(
    sanitizeSchema,
    extensions.flatMap((extension) => (extension.sanitize ? [extension.sanitize] : [])),
    embeds,
  );
  // The base schema refuses script URLs and handlers by itself; a widened one gets a last check.
  const widened = added.some(
    (extension) => extension.sanitize || extension.embeds?.some((rule) => rule.attributes.length),
  );
  const directives = options.directives ?? true;
  return (
    unified()
      .use(remarkParse)
      .use([gfm])
      // Raw HTML that would hide the text after it is shown as text, or refused (see remarkGuardRawHtml).
      .use(raw ? [remarkGuardRawHtml] : [])
      .use(directives ? [remarkBlockDirectives, remarkEmbeds, remarkLiveUpdates] : [])
      .use(pluginsOf(added, 'remarkPlugins'))
      // After the plugins: a directive one of them handles (`:::pullquote`) is theirs, not unknown.
      .use(directives ? [remarkUnknownComponents] : [])
      // No prefix here: the sanitizer adds its own to footnote ids, exactly once.
      .use(remarkRehype, { allowDangerousHtml: raw, clobberPrefix: '' })
      // Only footnotes make `data-*` properties that rehype-raw would re-spell.
      .use(
        raw ? [rehypeKeepCodeNewline, rehypeRaw, rehypeNestingLimit] : parts.footnote ? [rehypeMatchRawProperties] : [],
      )
      .use([...pluginsOf(BUILTIN_EXTENSIONS, 'rehypePlugins'), ...pluginsOf(added, 'rehypePlugins')])
      // An iframe can only come from raw HTML, or from a plugin's rehype step.
      .use(raw || added.some((extension) => extension.rehypePlugins?.length) ? [[rehypeEmbedAllowlist, embeds]] : [])
      .use(rehypePrefixFragmentLinks)
      .use(parts.table || raw ? [rehypeTableAlign] : [])
      .use(rehypeCollectImages)
      .use(rehypeCollectReferences)
      // An object: unified turns a plugin given `false` off.
      .use(rehypeSponsoredLinks, { keepRel: schema.attributes?.['a']?.includes('rel') === true })
      .use(rehypeSanitize, schema)
      .use(widened ? [rehypeStripScriptUrls] : [])
      .use(rehypeStringify)
      .freeze()
  );
}

/** The unified plugins of one kind from extensions, in order; a plugin's own are named after it, newsgen's are not. */
function pluginsOf(extensions: readonly MarkdownExtension[], kind: 'remarkPlugins' | 'rehypePlugins'): PluggableList {
  return extensions.flatMap((extension) =>
    (extension[kind] ?? []).map((entry) =>
      BUILTIN_EXTENSIONS.includes(extension) ? entry : namePlugin(extension.name, entry),
    ),
  );
}

/** A frozen pipeline made by `createPipeline`. */
export type MarkdownPipeline = ReturnType<typeof createPipeline>;
