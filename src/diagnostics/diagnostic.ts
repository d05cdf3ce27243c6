import type { ErrorCode } from './error-codes.js';

/** Where in a file something is: 1-based line and column. */
export interface Place {
  readonly line: number;
  readonly column: number;
}

/**
 * A plugin's own rule, namespaced by the plugin's name
 * (`newsgen-plugin-warta/byline-missing`): not in the catalogue, which no
 * code of newsgen's own has a slash in.
 */
export type PluginRuleId = `${string}/${string}`;

/** A positioned message about one input file (content, template or config). */
export interface Diagnostic {
  /** Path of the file, relative to the working directory when possible. */
  readonly file: string;
  readonly place?: Place;
  readonly severity: 'error' | 'warning';
  /** What is wrong, as a sentence: "Unexpected X, expected Y". */
  readonly reason: string;
  /**
   * Permanent kebab-case id from the catalogue (`ERROR_CODES`), e.g.
   * `front-matter-date`, or a plugin's own rule (`<plugin name>/<rule>`).
   */
  readonly ruleId: ErrorCode | PluginRuleId;
  /** What to do about it. */
  readonly hint?: string;
  /** A related place, e.g. the first definition for a duplicate. */
  readonly cause?: { readonly file: string; readonly place?: Place };
}

/** Builds a diagnostic, dropping optional fields that are undefined (for exactOptionalPropertyTypes). */
export function createDiagnostic(input: {
  file: string;
  reason: string;
  ruleId: ErrorCode | PluginRuleId;
  severity?: 'error' | 'warning';
  place?: Place | undefined;
  hint?: string | undefined;
  cause?: { file: string; place?: Place | undefined } | undefined;
}): Diagnostic {
  const diagnostic: {
    -readonly [K in keyof Diagnostic]: Diagnostic[K];
  } = { file: input.file, reason: input.reason, ruleId: input.ruleId, severity: input.severity ?? 'error' };
  if (input.place) diagnostic.place = input.place;
  if (input.hint) diagnostic.hint = input.hint;
  if (input.cause) {
    diagnostic.cause = input.cause.place
      ? { file: input.cause.file, place: input.cause.place }
      : { file: input.cause.file };
  }
  return diagnostic;
}

/** True when any diagnostic is an error (warnings do not fail a build). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Total order for diagnostics: file, line, column, rule, reason. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    (a.place?.line ?? 0) - (b.place?.line ?? 0) ||
    (a.place?.column ?? 0) - (b.place?.column ?? 0) ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.reason, b.reason)
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A copy of `diagnostics` in the order of {@link compareDiagnostics}. A list
 * in order already is only checked: the build sorts its warnings once, and the
 * terminal's list, the JSON report and the annotations sort what they are given.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const copy = [...diagnostics];
  return isSorted(copy) ? copy : copy.sort(compareDiagnostics);
}

/** True when `diagnostics` are in order already. */
function isSorted(diagnostics: readonly Diagnostic[]): boolean {
  for (let index = 1; index < diagnostics.length; index++)
    if (compareDiagnostics(diagnostics[index - 1] as Diagnostic, diagnostics[index] as Diagnostic) > 0) return false;
  return true;
}
