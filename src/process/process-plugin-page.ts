import type { FrontMatter } from '../content/front-matter.js';
import { pluginPagePath } from '../content/standalone-page.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { MarkdownProcessor } from '../markdown/create-processor.js';
import type { PluginPageSource } from '../plugins/run-pages-hook.js';
import { replaceXmlForbiddenInData } from '../text/replace-xml-forbidden.js';
import { processPage } from './process-page.js';
import { addWarnings, type ProcessedSource, type ProcessResult } from './process-result.js';

/** A plugin's page as processed: what messages call it, its result as a content file's, and what it was made from. */
export interface ProcessedPluginPage {
  readonly source: { readonly displayPath: string };
  readonly result: ProcessResult;
  /** Hash of its fields, Markdown and the time zone. */
  readonly key: string;
  readonly processor: MarkdownProcessor;
}

/**
 * A page a plugin's `pages` hook gave, through the stages of a file of
 * `content/pages/`: its fields checked as front matter, its Markdown through
 * the same processor (the plugins' steps, then the sanitizer). It is at the
 * URL the plugin gave, and messages name it by {@link pluginPagePath}
 * (`plugin "pilkada" /pilkada/jawa-tengah/`), the body's lines counted from
 * the Markdown's first. Pure given the processor.
 */
export function processPluginPage(
  spec: PluginPageSource,
  options: { timeZone: string },
  processor: MarkdownProcessor,
): ProcessedSource {
  const shown = pluginPagePath(spec.plugin, spec.url);
  // As a page's file's front matter is read: characters XML cannot hold (feeds, sitemaps) replaced, with a warning.
  const cleaned = replaceXmlForbiddenInData(spec.fields, () => undefined, shown);
  const frontMatter: FrontMatter = { data: cleaned.data, locate: () => undefined, body: spec.markdown, bodyLine: 1 };
  // A path the URL checks of `checkPage` would read as a page's file gives it its URL; the plugin's URL and key are kept.
  const source = { path: `pages${spec.url.slice(0, -1)}.md`, displayPath: shown, bytes: new Uint8Array() };
  const processed = processPage(source, frontMatter, options, processor);
  const { result } = processed;
  if (result.kind === 'failed')
    return { result: { kind: 'failed', diagnostics: result.diagnostics.map(unplaceField) } };
  if (result.kind !== 'page') return processed;
  const page = { ...result.page, sourcePath: shown, key: spec.url.slice(1, -1), url: spec.url, plugin: spec.plugin };
  const placed = { ...processed, result: { ...result, page } };
  return cleaned.warnings.length === 0 ? placed : { ...placed, result: addWarnings(placed.result, cleaned.warnings) };
}

/** A field's problem without the line 1 a file's front matter would give it: the fields have no lines, the body has. */
function unplaceField(diagnostic: Diagnostic): Diagnostic {
  if (!diagnostic.ruleId.startsWith('front-matter-')) return diagnostic;
  const { place: _place, ...unplaced } = diagnostic;
  return unplaced;
}
