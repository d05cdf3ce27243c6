import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { createPositionFinder } from '../text/text-position.js';
import type { TemplateSource } from './read-theme-files.js';

/** Template data newsgen once gave and gives no more, with what a template uses instead. */
const RETIRED: readonly { readonly path: string; readonly instead: string }[] = [
  {
    path: 'site.relativeTimeScript',
    instead: 'Link the theme’s script instead: <script src="{{site.assetsUrl}}relative-time.js" defer></script>.',
  },
];

/**
 * A warning at every place a template reads retired data (`{{{site.relativeTimeScript}}}`
 * in a layout copied from an older theme): Handlebars prints nothing for a
 * missing field, so without it the page would silently lose what it gave.
 */
export function findRetiredTemplateData(
  templates: readonly TemplateSource[],
  displayPath: (file: string) => string,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const template of templates)
    for (const { path, instead } of RETIRED) {
      if (!template.source.includes(path)) continue;
      const placeOf = createPositionFinder(template.source);
      const pattern = new RegExp(`\\b${path.replaceAll('.', '\\.')}\\b`, 'g');
      for (const match of template.source.matchAll(pattern))
        diagnostics.push(
          createDiagnostic({
            file: displayPath(template.file),
            place: placeOf(match.index),
            severity: 'warning',
            reason: `Unexpected ${path}, which newsgen no longer gives: the template prints nothing there`,
            ruleId: 'template-retired-data',
            hint: instead,
          }),
        );
    }
  return diagnostics;
}
