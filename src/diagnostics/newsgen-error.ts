import type { Diagnostic, Place } from './diagnostic.js';
import type { ErrorCode } from './error-codes.js';

/** Exit code for a failed build (content, template or config errors). */
export const EXIT_BUILD_ERROR = 1;
/** Exit code for usage errors and unsafe arguments. */
export const EXIT_USAGE = 2;

/** Options of a {@link NewsgenError}. */
export interface NewsgenErrorOptions {
  readonly code: ErrorCode;
  readonly file?: string | undefined;
  readonly place?: Place | undefined;
  readonly hint?: string | undefined;
  readonly cause?: unknown;
  /** Process exit code the CLI uses for this error. @default 1 */
  readonly exitCode?: number;
  /** Further positioned messages carried by this error (e.g. every broken article). */
  readonly diagnostics?: readonly Diagnostic[];
}

/**
 * The one error type for expected, operational failures: bad config, bad content,
 * unsafe arguments, template errors. The CLI prints these as clean messages
 * without a stack; anything else is a bug and is printed with its stack.
 */
export class NewsgenError extends Error {
  override readonly name = 'NewsgenError';
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly place: Place | undefined;
  readonly hint: string | undefined;
  readonly exitCode: number;
  readonly diagnostics: readonly Diagnostic[];

  constructor(message: string, options: NewsgenErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.file = options.file;
    this.place = options.place;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? EXIT_BUILD_ERROR;
    this.diagnostics = options.diagnostics ?? [];
  }
}

/** Type guard usable across module copies (checks the name, not the prototype). */
export function isNewsgenError(error: unknown): error is NewsgenError {
  return error instanceof Error && error.name === 'NewsgenError' && 'code' in error;
}
