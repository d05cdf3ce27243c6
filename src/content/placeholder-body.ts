import type { Place } from '../diagnostics/diagnostic.js';

/** The body `newsgen new` writes for a new article, by the starter content's language. */
export const ARTICLE_PLACEHOLDERS = {
  id: 'Tulis isi berita di sini.',
  en: 'Write the story here.',
  ar: 'اكتب نص الخبر هنا.',
} as const;

/** The body `newsgen new --page` writes for a new standalone page, by the starter content's language. */
export const PAGE_PLACEHOLDERS = {
  id: 'Tulis isi halaman di sini.',
  en: 'Write the page here.',
  ar: 'اكتب نص الصفحة هنا.',
} as const;

const PLACEHOLDERS: readonly string[] = [...Object.values(ARTICLE_PLACEHOLDERS), ...Object.values(PAGE_PLACEHOLDERS)];

/** A placeholder `newsgen new` wrote, still in a body, and where (line and column within the body). */
export interface FoundPlaceholder {
  readonly text: string;
  readonly place: Place;
}

/**
 * The first line of `body` that is nothing but one of the placeholders
 * `newsgen new` writes (in any of its languages, whatever the site's locale
 * is now), or undefined. A sentence that only quotes one inside other text
 * is the writer's own, and so is a placeholder `isParagraph` says no
 * paragraph of the rendered body consists of (one shown in a code block, on
 * a page about newsgen). Pure.
 */
export function findPlaceholder(
  body: string,
  isParagraph: (text: string) => boolean = () => true,
): FoundPlaceholder | undefined {
  for (const text of PLACEHOLDERS) {
    if (!body.includes(text) || !isParagraph(text)) continue;
    for (let at = body.indexOf(text); at !== -1; at = body.indexOf(text, at + 1)) {
      const lineStart = body.lastIndexOf('\n', at - 1) + 1;
      const next = body.indexOf('\n', at);
      const lineEnd = next === -1 ? body.length : next;
      if (body.slice(lineStart, lineEnd).trim() !== text) continue;
      const line = countLines(body, lineStart);
      return { text, place: { line, column: at - lineStart + 1 } };
    }
  }
  return undefined;
}

function countLines(text: string, before: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < before; at = text.indexOf('\n', at + 1)) line += 1;
  return line;
}
