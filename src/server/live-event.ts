import { isNewsgenError } from '../diagnostics/newsgen-error.js';

/** One problem as the browser overlay shows it. */
export interface OverlayError {
  /** Path of the file, relative to the site folder when possible; empty when unknown. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** What the dev server tells open pages. */
export type LiveEvent =
  /** A build changed the output (or recovered from an error): reload the page. */
  | { readonly type: 'reload' }
  /** A build failed: keep the page, show the errors over it. */
  | { readonly type: 'build-error'; readonly errors: readonly OverlayError[] };

/**
 * The errors of a failed build for the overlay: every diagnostic a
 * NewsgenError carries (file, line, column, reason and rule id), or the error
 * itself when it carries none.
 */
export function toOverlayErrors(error: unknown): OverlayError[] {
  if (!isNewsgenError(error)) return [{ file: '', message: error instanceof Error ? error.message : String(error) }];
  if (error.diagnostics.length > 0) {
    return error.diagnostics.map((diagnostic) => ({
      file: diagnostic.file,
      ...(diagnostic.place ? { line: diagnostic.place.line, column: diagnostic.place.column } : {}),
      message: `${diagnostic.reason} (${diagnostic.ruleId})`,
    }));
  }
  return [
    {
      file: error.file ?? '',
      ...(error.place ? { line: error.place.line, column: error.place.column } : {}),
      message: `${error.message} (${error.code})`,
    },
  ];
}
