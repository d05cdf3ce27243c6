import type { Article } from '../content/article.js';
import type { AuthorProfile } from '../content/author-profile.js';
import { checkArticle } from '../content/check-article.js';
import { checkAuthorProfile } from '../content/check-author-profile.js';
import { decodeSource } from '../content/decode-source.js';
import { type FrontMatter, parseFrontMatter, parseYamlMapping } from '../content/front-matter.js';
import { AUTHORS_DATA_FILES } from '../content/load-content.js';
import type { SourceFile } from '../content/source-file.js';
import { createDiagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { isNewsgenError } from '../diagnostics/newsgen-error.js';
import { MARKDOWN_BRACKETS } from '../markdown/bracket-limit.js';
import { createExcerpt } from '../markdown/create-excerpt.js';
import {
  type MarkdownProcessor,
  PLUGIN_ERROR,
  type RenderedMarkdown,
  type RenderOptions,
} from '../markdown/create-processor.js';
import { HTML_NESTING, MARKDOWN_NESTING } from '../markdown/nesting-limit.js';
import { HTML_SWALLOW } from '../markdown/remark-guard-raw-html.js';
import { replaceXmlForbiddenInData } from '../text/replace-xml-forbidden.js';

/** Codes of the errors with which the renderer refuses a body (a plugin's failure too), each reported at its place in the file. */
const RENDER_REFUSALS: readonly string[] = [
  MARKDOWN_NESTING,
  HTML_NESTING,
  HTML_SWALLOW,
  MARKDOWN_BRACKETS,
  PLUGIN_ERROR,
];

/** Folder under `content/` that holds author profiles rather than articles. */
export const AUTHORS_FOLDER = 'authors/';

/** An image an article's body shows: its `src` as written and its place in the file. */
export interface BodyImagePlace {
  readonly src: string;
  readonly place: Place;
}

/** The outcome of processing one content file: a value, or its diagnostics. Article bodies are kept apart (see {@link ProcessedSource}). */
export type ProcessResult =
  | {
      readonly kind: 'article';
      readonly article: Article;
      readonly warnings?: readonly Diagnostic[];
      /** The body's images, for the image stage (absent when it shows none). */
      readonly images?: readonly BodyImagePlace[];
    }
  | { readonly kind: 'profile'; readonly profile: AuthorProfile; readonly warnings?: readonly Diagnostic[] }
  | {
      readonly kind: 'profiles';
      readonly profiles: readonly AuthorProfile[];
      readonly warnings?: readonly Diagnostic[];
    }
  | { readonly kind: 'failed'; readonly diagnostics: readonly Diagnostic[] };

/** One processed file: its result, and an article's body HTML, which the build keeps apart from the model. */
export interface ProcessedSource {
  readonly result: ProcessResult;
  readonly html?: string | undefined;
}

/**
 * The per-file stages (parse → validate → markdown) for one content file.
 * Pure given the processor: safe to run for many files in parallel.
 */
export function processSource(
  source: SourceFile,
  options: { timeZone: string },
  processor: MarkdownProcessor,
): ProcessedSource {
  const decoded = decodeSource(source.bytes, source.displayPath);
  if (!decoded.ok) return failed([decoded.diagnostic]);
  const processed = processText(decoded.text, source, options, processor);
  return decoded.warnings.length === 0 ? processed : withWarnings(processed, decoded.warnings);
}

/** A file's outcome carrying `warnings` before the ones it had. */
function withWarnings(processed: ProcessedSource, warnings: readonly Diagnostic[]): ProcessedSource {
  return { ...processed, result: addWarnings(processed.result, warnings) };
}

function addWarnings(result: ProcessResult, warnings: readonly Diagnostic[]): ProcessResult {
  if (result.kind === 'failed') return { kind: 'failed', diagnostics: [...warnings, ...result.diagnostics] };
  return { ...result, warnings: [...warnings, ...(result.warnings ?? [])] };
}

function processText(
  text: string,
  source: SourceFile,
  options: { timeZone: string },
  processor: MarkdownProcessor,
): ProcessedSource {
  if (AUTHORS_DATA_FILES.includes(source.path)) return { result: processAuthorsData(text, source, processor) };
  const parsed = parseFrontMatter(text, source.displayPath);
  if (!parsed.ok) return failed(parsed.diagnostics);
  const cleaned = replaceXmlForbiddenInData(parsed.value.data, parsed.value.locate, source.displayPath);
  const processed = processFrontMatter({ ...parsed.value, data: cleaned.data }, source, options, processor);
  return cleaned.warnings.length === 0 ? processed : withWarnings(processed, cleaned.warnings);
}

function processFrontMatter(
  frontMatter: FrontMatter,
  source: SourceFile,
  options: { timeZone: string },
  processor: MarkdownProcessor,
): ProcessedSource {
  if (source.path.startsWith(AUTHORS_FOLDER)) return { result: processProfile(source, frontMatter, processor) };
  const checked = checkArticle(source.path, source.displayPath, frontMatter, options);
  if (!checked.ok) return failed(checked.diagnostics);
  const dateline = checked.article.dateline;
  const renderOptions: RenderOptions = { dateline: dateline && (/[:–—-]$/.test(dateline) ? dateline : `${dateline}:`) };
  const toFile = bodyPlace(frontMatter.bodyLine);
  const rendered = renderBody(processor, frontMatter.body, renderOptions, source.displayPath, toFile);
  if (!rendered.ok) return failed([rendered.diagnostic]);
  // Object.assign, not a spread: far faster for objects of twenty-odd fields.
  const excerpt = checked.article.summary ?? createExcerpt(rendered.value.text);
  const article = Object.assign({}, checked.article, { excerpt });
  const images = rendered.value.images.map(({ src, line, column }) => ({ src, place: toFile({ line, column }) }));
  const warnings = pluginWarnings(rendered.value, source.displayPath, toFile);
  const result: ProcessResult = images.length > 0 ? { kind: 'article', article, images } : { kind: 'article', article };
  return {
    result: warnings.length > 0 ? { ...result, warnings } : result,
    html: rendered.value.html,
  };
}

/** What plugins said about a body, as warnings at their places in the file. */
function pluginWarnings(
  rendered: RenderedMarkdown,
  file: string,
  toPlace: (place: Place | undefined) => Place | undefined,
): Diagnostic[] {
  return rendered.pluginMessages.map((message) =>
    createDiagnostic({
      file,
      place: toPlace(message.place),
      reason: `${message.reason} (plugin "${message.plugin}")`,
      ruleId: 'plugin-warning',
      severity: 'warning',
    }),
  );
}

function failed(diagnostics: readonly Diagnostic[]): ProcessedSource {
  return { result: { kind: 'failed', diagnostics } };
}

/** `authors/<slug>.md`: the profile, with its body rendered as the bio. */
function processProfile(source: SourceFile, frontMatter: FrontMatter, processor: MarkdownProcessor): ProcessResult {
  const checked = checkAuthorProfile(source.path, source.displayPath, frontMatter);
  if (!checked.ok) return { kind: 'failed', diagnostics: checked.diagnostics };
  const bio = frontMatter.body.trim()
    ? renderBody(processor, frontMatter.body, undefined, source.displayPath, bodyPlace(frontMatter.bodyLine))
    : undefined;
  if (bio && !bio.ok) return { kind: 'failed', diagnostics: [bio.diagnostic] };
  return { kind: 'profile', profile: { ...checked.profile, bioHtml: bio?.value.html } };
}

/** When a file's processing counts as slow, and what to do then. */
export interface SlowFileWatch {
  readonly ms: number;
  report(ms: number): void;
}

/**
 * {@link processSource}, telling `slow` when the file took at least `slow.ms`.
 * Articles take milliseconds; a file that takes seconds holds something the
 * Markdown parser is slow on, and the user should learn which file it is.
 */
export function processSourceTimed(
  source: SourceFile,
  options: { timeZone: string },
  processor: MarkdownProcessor,
  slow: SlowFileWatch,
): ProcessedSource {
  const start = performance.now();
  const result = processSource(source, options, processor);
  const ms = performance.now() - start;
  if (ms >= slow.ms) slow.report(ms);
  return result;
}

/**
 * `authors.yml`: author profiles as one mapping, each entry like the front
 * matter of `authors/<slug>.md` with the bio as Markdown in `bio`. Every
 * problem is reported at its own key.
 */
function processAuthorsData(text: string, source: SourceFile, processor: MarkdownProcessor): ProcessResult {
  const parsed = parseYamlMapping(text, source.displayPath, 0, 'authors data file');
  if (!parsed.ok) return { kind: 'failed', diagnostics: parsed.diagnostics };
  const cleaned = replaceXmlForbiddenInData(parsed.value.data, parsed.value.locate, source.displayPath);
  const result = processProfiles(cleaned.data, parsed.value.locate, source, processor);
  return cleaned.warnings.length === 0 ? result : addWarnings(result, cleaned.warnings);
}

function processProfiles(
  data: Readonly<Record<string, unknown>>,
  locate: FrontMatter['locate'],
  source: SourceFile,
  processor: MarkdownProcessor,
): ProcessResult {
  const profiles: AuthorProfile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [key, entry] of Object.entries(data)) {
    const fields =
      entry && typeof entry === 'object' && !Array.isArray(entry)
        ? (entry as Record<string, unknown>)
        : { name: entry };
    const bio = typeof fields['bio'] === 'string' ? fields['bio'] : '';
    const view: FrontMatter = {
      data: fields,
      locate: (path, options) => locate([key, ...path], options) ?? locate([key], { key: true }),
      body: bio,
      bodyLine: 1,
    };
    const checked = checkAuthorProfile(source.path, source.displayPath, view);
    if (!checked.ok) {
      diagnostics.push(...checked.diagnostics);
      continue;
    }
    // The bio is a YAML string: its own lines are not the file's, so a problem is shown at its key.
    const bioPlace = view.locate(['bio']);
    const rendered = bio.trim() ? renderBody(processor, bio, undefined, source.displayPath, () => bioPlace) : undefined;
    if (rendered && !rendered.ok) diagnostics.push(rendered.diagnostic);
    else profiles.push({ ...checked.profile, bioHtml: rendered?.value.html });
  }
  return diagnostics.length > 0 ? { kind: 'failed', diagnostics } : { kind: 'profiles', profiles };
}

/** Maps a place within a body to its place in the file (the body starts at `bodyLine`, column 1); no place: the body's start. */
function bodyPlace(bodyLine: number): (place: Place | undefined) => Place {
  return (place) => (place ? { line: bodyLine + place.line - 1, column: place.column } : { line: bodyLine, column: 1 });
}

/**
 * Renders a body, turning the renderer's refusal of content it cannot take
 * (nesting beyond its limit) and a plugin's failure on it into a diagnostic
 * at the place `toPlace` maps to.
 */
function renderBody(
  processor: MarkdownProcessor,
  markdown: string,
  options: RenderOptions | undefined,
  file: string,
  toPlace: (place: Place | undefined) => Place | undefined,
): { ok: true; value: RenderedMarkdown } | { ok: false; diagnostic: Diagnostic } {
  try {
    return { ok: true, value: processor.render(markdown, options) };
  } catch (error) {
    if (!isNewsgenError(error) || !RENDER_REFUSALS.includes(error.code)) throw error;
    return {
      ok: false,
      diagnostic: createDiagnostic({
        file,
        place: toPlace(error.place),
        reason: error.message,
        ruleId: error.code,
        hint: error.hint,
      }),
    };
  }
}
