import { checkPage } from '../content/check-page.js';
import type { FrontMatter } from '../content/front-matter.js';
import { checkUnknownKeys, PAGE_KEYS } from '../content/known-keys.js';
import { checkLeadImageAlt } from '../content/read-image.js';
import type { SourceFile } from '../content/source-file.js';
import type { PageContent } from '../content/standalone-page.js';
import { createExcerptOfParagraphs } from '../markdown/create-excerpt.js';
import type { MarkdownProcessor } from '../markdown/create-processor.js';
import { failed, type ProcessedSource } from './process-result.js';
import { bodyPlace, placeholderWarnings, placeReferences, pluginWarnings, renderBody } from './render-body.js';

const PAGE_BODY = { holder: 'page' } as const;

/** `pages/**.md`: a standalone page, its body rendered like an article's (without a dateline). */
export function processPage(
  source: SourceFile,
  frontMatter: FrontMatter,
  options: { timeZone: string },
  processor: MarkdownProcessor,
): ProcessedSource {
  // Reported with the errors too: a typo'd key is often why a required one is missing.
  const unknownKeys = checkUnknownKeys(frontMatter, PAGE_KEYS, source.displayPath);
  const checked = checkPage(source.path, source.displayPath, frontMatter, options);
  // Rendered even when the front matter has errors: the body's own are reported in the same run.
  const toPlace = bodyPlace(frontMatter.bodyLine);
  const rendered = renderBody(processor, frontMatter.body, PAGE_BODY, source.displayPath, toPlace);
  if (!checked.ok)
    return failed([...unknownKeys, ...checked.diagnostics, ...(rendered.ok ? [] : rendered.diagnostics)]);
  if (!rendered.ok) return failed([...unknownKeys, ...rendered.diagnostics]);
  const { references, warnings } = placeReferences(rendered.value, source.displayPath, toPlace);
  warnings.unshift(...unknownKeys, ...checkLeadImageAlt(source.displayPath, frontMatter, checked.page.image));
  warnings.push(...rendered.warnings, ...pluginWarnings(rendered.value, source.displayPath, toPlace));
  warnings.push(...placeholderWarnings(frontMatter.body, rendered.value, source.displayPath, toPlace, 'page'));
  const excerpt =
    checked.page.summary ?? checked.page.description ?? createExcerptOfParagraphs(rendered.value.paragraphs());
  const page: PageContent = { ...checked.page, excerpt, references };
  const images = rendered.value.images.map(({ src, line, column }) => ({ src, place: toPlace({ line, column }) }));
  return {
    result: {
      kind: 'page',
      page,
      ...(warnings.length > 0 ? { warnings } : {}),
      ...(images.length > 0 ? { images } : {}),
    },
    html: rendered.value.html,
  };
}
