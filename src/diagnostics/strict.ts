import type { Diagnostic } from './diagnostic.js';

/** With `strict` (`--strict`, `strict: true`), every warning counts as an error; otherwise the diagnostics as they are. */
export function applyStrict(diagnostics: readonly Diagnostic[], strict: boolean): readonly Diagnostic[] {
  if (!strict) return diagnostics;
  return diagnostics.map((diagnostic) =>
    diagnostic.severity === 'warning' ? { ...diagnostic, severity: 'error' as const } : diagnostic,
  );
}
