import type { ErrorCode } from '../diagnostics/error-codes.js';

/** A problem with a body, at the first place `at` is in the written file. */
export interface BodyWarning {
  readonly at: string;
  readonly reason: string;
  readonly ruleId: ErrorCode;
}
