import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Page } from './site.js';

/**
 * Every standalone page's `layout` must name a page template of the theme
 * (or of the site's templates folder): reported at the key, before any page
 * is rendered.
 */
export function checkLayouts(
  pages: readonly Page[],
  templateNames: readonly string[],
  displayPathOf: (item: { readonly sourcePath: string }) => string,
): Diagnostic[] {
  const names = new Set(templateNames.filter((name) => !name.startsWith('partials/') && name !== 'layout'));
  const diagnostics: Diagnostic[] = [];
  for (const page of pages) {
    if (page.kind !== 'page' || names.has(page.entry.layout)) continue;
    diagnostics.push(
      createDiagnostic({
        file: displayPathOf(page.entry),
        place: page.entry.layoutPlace,
        reason: `Unexpected layout "${page.entry.layout}", expected a template of the theme: there is no ${page.entry.layout}.hbs`,
        ruleId: 'front-matter-layout',
        hint: `Add templates/${page.entry.layout}.hbs to the site, or use layout: page.`,
      }),
    );
  }
  return diagnostics;
}
