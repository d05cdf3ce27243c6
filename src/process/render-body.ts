import type { BodyReference } from '../content/article.js';
import { findPlaceholder } from '../content/placeholder-body.js';
import { createDiagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { isNewsgenError } from '../diagnostics/newsgen-error.js';
import { MARKDOWN_BRACKETS } from '../markdown/bracket-limit.js';
import {
  type MarkdownMessage,
  type MarkdownProcessor,
  PLUGIN_ERROR,
  type RenderedMarkdown,
  type RenderOptions,
} from '../markdown/create-processor.js';
import { HTML_NESTING, MARKDOWN_NESTING } from '../markdown/nesting-limit.js';
import { HTML_SWALLOW } from '../markdown/remark-guard-raw-html.js';

/** Codes of the errors with which the renderer refuses a body (a plugin's failure too), each reported at its place in the file. */
const RENDER_REFUSALS: readonly string[] = [
  MARKDOWN_NESTING,
  HTML_NESTING,
  HTML_SWALLOW,
  MARKDOWN_BRACKETS,
  PLUGIN_ERROR,
];

/** Maps a place within a body to its place in the file (the body starts at `bodyLine`, column 1); no place: the body's start. */
export function bodyPlace(bodyLine: number): (place: Place | undefined) => Place {
  return (place) => (place ? { line: bodyLine + place.line - 1, column: place.column } : { line: bodyLine, column: 1 });
}

/**
 * Renders a body, turning the renderer's refusal of content it cannot take
 * (nesting beyond its limit), a plugin's failure on it and the problems it
 * found (an embed component written wrong) into diagnostics at the places
 * `toPlace` maps to, and what it repaired (raw HTML left open) into warnings.
 */
export function renderBody(
  processor: MarkdownProcessor,
  markdown: string,
  options: RenderOptions | undefined,
  file: string,
  toPlace: (place: Place | undefined) => Place | undefined,
): { ok: true; value: RenderedMarkdown; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] } {
  let rendered: RenderedMarkdown;
  try {
    rendered = processor.render(markdown, options);
  } catch (error) {
    if (!isNewsgenError(error) || !RENDER_REFUSALS.includes(error.code)) throw error;
    const diagnostic = createDiagnostic({
      file,
      place: toPlace(error.place),
      reason: error.message,
      ruleId: error.code,
      hint: error.hint,
    });
    return { ok: false, diagnostics: [diagnostic] };
  }
  const toDiagnostic = (message: MarkdownMessage, severity: 'error' | 'warning'): Diagnostic =>
    createDiagnostic({
      file,
      place: toPlace(message.place),
      severity,
      reason: message.reason,
      ruleId: message.ruleId,
      hint: message.hint,
    });
  if (rendered.messages.length > 0) {
    return { ok: false, diagnostics: rendered.messages.map((message) => toDiagnostic(message, 'error')) };
  }
  return { ok: true, value: rendered, warnings: rendered.warnings.map((message) => toDiagnostic(message, 'warning')) };
}

/**
 * A rendered body's links and images placed in its file, and a warning for
 * every image without alternative text (screen readers announce its file
 * name instead, and the W3C checker rejects the page).
 */
export function placeReferences(
  rendered: RenderedMarkdown,
  file: string,
  toPlace: (place: Place) => Place,
): { references: BodyReference[]; warnings: Diagnostic[] } {
  const references = rendered.references.references.map((reference) => ({
    kind: reference.kind,
    url: reference.url,
    place: toPlace(reference),
  }));
  const warnings = rendered.references.missingAlt.map((image) =>
    createDiagnostic({
      file,
      place: toPlace(image),
      severity: 'warning',
      reason: `Unexpected image ${image.url || '(no src)'} without alternative text, expected a description of what it shows`,
      ruleId: 'image-alt-missing',
      hint: 'Write it in the brackets, `![Warga mengungsi dengan perahu karet](banjir.jpg)`, or as `alt="…"` on a raw <img> (`alt=""` marks a purely decorative one).',
    }),
  );
  return { references, warnings };
}

/** What plugins said about a body, as warnings at their places in the file. */
export function pluginWarnings(
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

/**
 * A warning where a body still holds, as a paragraph of its own, the
 * placeholder `newsgen new` wrote in it: published so, it would read as the
 * story. (The same line in a code block is shown on purpose.)
 */
export function placeholderWarnings(
  body: string,
  rendered: RenderedMarkdown,
  file: string,
  toPlace: (place: Place | undefined) => Place,
  holder: 'article' | 'page',
): Diagnostic[] {
  let paragraphs: Set<string> | undefined;
  const isParagraph = (text: string) =>
    (paragraphs ??= new Set(Array.from(rendered.paragraphs(), (paragraph) => paragraph.trim()))).has(text);
  const found = findPlaceholder(body, isParagraph);
  if (!found) return [];
  return [
    createDiagnostic({
      file,
      place: toPlace(found.place),
      severity: 'warning',
      reason: `Unexpected placeholder "${found.text}" that newsgen new wrote, expected the text of the ${holder}`,
      ruleId: 'body-placeholder',
      hint: `Write the text in its place, or delete the line: until then, readers of the ${holder} see the placeholder.`,
    }),
  ];
}
