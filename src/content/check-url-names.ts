import type { ErrorCode } from '../diagnostics/error-codes.js';
import { findSegmentProblem } from '../url/path-segment.js';
import { createSlug } from '../url/slug.js';
import { type FieldContext, reportField } from './field-checks.js';

/**
 * Reports tag or author names that cannot become a URL: without letters or
 * digits they would silently vanish from term pages, and a slug that is no
 * safe folder name (`CON`, which Windows reserves; longer than 255 bytes)
 * would fail the build when its page is written, far from the article that
 * named it. Each is reported at its own list item.
 */
export function checkNameSlugs(
  context: FieldContext,
  key: string,
  names: readonly string[],
  raw: unknown,
  slugOf: (name: string) => string = createSlug,
): void {
  const noun = key === 'tags' ? 'tag' : 'author';
  for (const name of names) {
    const path = Array.isArray(raw) ? [key, raw.findIndex((item) => String(item).trim() === name)] : [key];
    const slug = slugOf(name);
    const problem = slug ? findSegmentProblem(slug) : 'has no letters or digits';
    if (problem === undefined) continue;
    reportField(
      context,
      path,
      slug
        ? `Unexpected ${noun} "${name}" whose URL slug "${shorten(slug)}" ${problem.replace(/^has "[^"]*", /, 'is ')}, expected a name that is safe as a folder name`
        : `Unexpected ${noun} "${name}", expected a name with letters or digits to make a URL from`,
      `front-matter-${key === 'tags' ? 'tags' : 'author'}`,
    );
  }
}

/**
 * Reports an article slug or section whose URL slug is no safe folder name,
 * at `path` (the `slug` or `section` field, or the title when the slug comes
 * from the file or folder name).
 */
export function checkSlugSegment(
  context: FieldContext,
  path: readonly string[],
  what: string,
  slug: string,
  ruleId: ErrorCode,
): void {
  const problem = findSegmentProblem(slug);
  if (problem === undefined) return;
  reportField(
    context,
    path,
    `Unexpected ${what} "${shorten(slug)}" that ${problem.replace(/^has "[^"]*", /, 'is ')}, expected a URL slug that is safe as a folder name`,
    ruleId,
    'Choose a shorter `slug:` (or `section:`), or one that is not a reserved device name.',
  );
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
