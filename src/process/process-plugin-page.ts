import type { FrontMatter } from '../content/front-matter.js';
import { pluginPagePath } from '../content/standalone-page.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { MarkdownProcessor } from '../markdown/create-processor.js';
import type { PluginPageSource } from '../plugins/run-pages-hook.js';
import { replaceXmlForbiddenInData } from '../text/replace-xml-forbidden.js';
import { processPage } from './process-page.js';
import {
  addWarnings,
  type BodyImagePlace,
  failed,
  type ProcessedSource,
  type ProcessResult,
} from './process-result.js';

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
 * the Markdown's first. Its images go through the image stage as a content
 * page's do, so each must be a site path or a URL: a relative one has no
 * folder to be in (`image-outside`). Pure given the processor.
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
  const relative = findRelativeImages(result.page.image, result.images ?? [], shown);
  if (relative.length > 0) return failed([...relative, ...(result.warnings ?? [])]);
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

/** Neither a site path (`/images/a.jpg`, `//cdn…`) nor a URL (`https:`, `data:`): a file beside a page's file. */
function isRelative(src: string): boolean {
  return !src.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(src);
}

/**
 * An error for every relative path among a plugin page's images (its lead
 * image's has no line: its fields have none). Such a path would resolve
 * against a content file's folder, and the page has none.
 */
function findRelativeImages(
  lead: { readonly src: string } | undefined,
  body: readonly BodyImagePlace[],
  shown: string,
): Diagnostic[] {
  const uses = [...(lead ? [{ src: lead.src, place: undefined, field: 'image' }] : []), ...body];
  return uses
    .filter((use) => isRelative(use.src))
    .map((use) => {
      const bare = use.src.replace(/^(\.\/)+/, '');
      return createDiagnostic({
        file: shown,
        place: use.place,
        reason: `Unexpected relative image path "${use.src}"${'field' in use ? ' in `image`' : ''}, expected a path from the site's root such as /${bare} (for static/${bare}) or a URL: a plugin's page has no folder for the image to be in`,
        ruleId: 'image-outside',
      });
    });
}
