import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { failOnErrors } from '../diagnostics/fail-on-errors.js';

/**
 * Model errors no broken file can cause or hide: two pages at one URL, an
 * alias over a page, a static file in a page's way, an unknown layout, an
 * invisible character in a rule of the site's own `_redirects` (aliases and
 * config addresses are checked before the model, with their files). A
 * `::related` link or a menu entry may name a page a broken file would have
 * made, so those wait until the content is whole.
 */
const INDEPENDENT_RULES: ReadonlySet<string> = new Set([
  'duplicate-url',
  'url-case-collision',
  'duplicate-id',
  'alias-collision',
  'alias-outside',
  'redirect-loop',
  'output-collision',
  'front-matter-layout',
  'url-invisible-character',
]);

/**
 * Throws the content's errors when it has any, with the model's errors
 * among the files that did parse (`model`, worked out only then) that are
 * independent of the broken files: every broken file in one run, where a
 * duplicate URL used to appear only once the YAML of another file was fixed.
 */
export function failOnContentErrors(content: readonly Diagnostic[], model: () => readonly Diagnostic[]): void {
  if (!content.some((found) => found.severity === 'error')) return;
  const independent = model().filter(
    (found) => found.severity === 'error' && INDEPENDENT_RULES.has(found.ruleId ?? ''),
  );
  failOnErrors([...content, ...independent], 'content');
}
