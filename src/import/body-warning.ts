import type { ErrorCode } from '../diagnostics/error-codes.js';

/** A problem with a body, at a place of `at` in the written file's body: the first, or the `occurrence`th (from 0). */
export interface BodyWarning {
  readonly at: string;
  readonly occurrence?: number;
  readonly hint?: string;
  readonly reason: string;
  readonly ruleId: ErrorCode;
}
