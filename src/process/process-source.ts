import { type ArticleCheckOptions, checkArticle } from '../content/check-article.js';
import { copyArticle } from '../content/copy-article.js';
import { decodeSource } from '../content/decode-source.js';
import { type FrontMatter, parseFrontMatter } from '../content/front-matter.js';
import { ARTICLE_KEYS, checkUnknownKeys } from '../content/known-keys.js';
import { AUTHORS_DATA_FILES } from '../content/load-content.js';
import { checkLeadImageAlt } from '../content/read-image.js';
import type { SourceFile } from '../content/source-file.js';
import { PAGES_FOLDER } from '../content/standalone-page.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createExcerptOfParagraphs } from '../markdown/create-excerpt.js';
import type { MarkdownProcessor, RenderOptions } from '../markdown/create-processor.js';
import { replaceXmlForbiddenInData } from '../text/replace-xml-forbidden.js';
import { createUpdateTimeReader, readLiveUpdates } from './live-updates.js';
import { processPage } from './process-page.js';
import { processAuthorsData, processProfile } from './process-profile.js';
import { addWarnings, failed, type ProcessedSource } from './process-result.js';
import { bodyPlace, placeholderWarnings, placeReferences, pluginWarnings, renderBody } from './render-body.js';

export { createArticleCheckOptions } from '../content/check-article.js';

/** Folder under `content/` that holds author profiles rather than articles. */
export const AUTHORS_FOLDER = 'authors/';

export type { BodyImagePlace, ProcessedSource, ProcessResult } from './process-result.js';

/**
 * The per-file stages (parse → validate → markdown) for one content file:
 * an article, a standalone page (`pages/`), or author profiles.
 * Pure given the processor: safe to run for many files in parallel.
 */
export function processSource(
  source: SourceFile,
  options: ArticleCheckOptions,
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

function processText(
  text: string,
  source: SourceFile,
  options: ArticleCheckOptions,
  processor: MarkdownProcessor,
): ProcessedSource {
  if (AUTHORS_DATA_FILES.includes(source.path)) return { result: processAuthorsData(text, source, processor) };
  const parsed = parseFrontMatter(text, source.displayPath);
  if (!parsed.ok) return failed(parsed.diagnostics);
  const cleaned = replaceXmlForbiddenInData(parsed.value.data, parsed.value.locate, source.displayPath);
  const processed = processFrontMatter({ ...parsed.value, data: cleaned.data }, source, options, processor);
  const warnings = [...(parsed.value.warnings ?? []), ...cleaned.warnings];
  return warnings.length === 0 ? processed : withWarnings(processed, warnings);
}

function processFrontMatter(
  frontMatter: FrontMatter,
  source: SourceFile,
  options: ArticleCheckOptions,
  processor: MarkdownProcessor,
): ProcessedSource {
  if (source.path.startsWith(AUTHORS_FOLDER)) return { result: processProfile(source, frontMatter, processor) };
  if (source.path.startsWith(PAGES_FOLDER)) return processPage(source, frontMatter, options, processor);
  // Reported with the errors too: a typo'd key is often why a required one is missing.
  const unknownKeys = checkUnknownKeys(frontMatter, ARTICLE_KEYS, source.displayPath);
  const checked = checkArticle(source.path, source.displayPath, frontMatter, options);
  if (!checked.ok) return failed([...unknownKeys, ...checked.diagnostics]);
  const dateline = checked.article.dateline;
  const renderOptions: RenderOptions = {
    dateline: dateline && (/[:–—-]$/.test(dateline) ? dateline : `${dateline}:`),
    sponsored: checked.article.kind === 'sponsored',
    readUpdateTime: checked.article.live ? createUpdateTimeReader(options.timeZone) : undefined,
  };
  const toPlace = bodyPlace(frontMatter.bodyLine);
  const rendered = renderBody(processor, frontMatter.body, renderOptions, source.displayPath, toPlace);
  if (!rendered.ok) return failed([...unknownKeys, ...rendered.diagnostics]);
  const { references, warnings } = placeReferences(rendered.value, source.displayPath, toPlace);
  warnings.unshift(
    ...unknownKeys,
    ...checked.warnings,
    ...checkLeadImageAlt(source.displayPath, frontMatter, checked.article.image),
  );
  warnings.push(...rendered.warnings, ...pluginWarnings(rendered.value, source.displayPath, toPlace));
  warnings.push(...placeholderWarnings(frontMatter.body, rendered.value, source.displayPath, toPlace, 'article'));
  const excerpt = checked.article.summary ?? createExcerptOfParagraphs(rendered.value.paragraphs());
  const readAlsoLinks = rendered.value.readAlso.map((link) => ({ slug: link.slug, place: toPlace(link.place) }));
  const livePlace = frontMatter.locate(['live'], { key: true });
  const live = readLiveUpdates(checked.article, rendered.value.liveUpdates, source.displayPath, toPlace, livePlace);
  warnings.push(...live.warnings);
  const data =
    live.updated === checked.article.updated ? checked.article : { ...checked.article, updated: live.updated };
  const article = copyArticle(data, { excerpt, references, readAlsoLinks, liveUpdates: live.updates });
  const images = rendered.value.images.map(({ src, line, column }) => ({ src, place: toPlace({ line, column }) }));
  return {
    result: {
      kind: 'article',
      article,
      ...(warnings.length > 0 ? { warnings } : {}),
      ...(images.length > 0 ? { images } : {}),
    },
    html: rendered.value.html,
  };
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
  options: ArticleCheckOptions,
  processor: MarkdownProcessor,
  slow: SlowFileWatch,
): ProcessedSource {
  const start = performance.now();
  const result = processSource(source, options, processor);
  const ms = performance.now() - start;
  if (ms >= slow.ms) slow.report(ms);
  return result;
}
