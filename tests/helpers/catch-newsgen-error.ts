import { isNewsgenError, type NewsgenError } from '../../src/diagnostics/newsgen-error.js';

/** The NewsgenError `run` throws; any other error is thrown again, and returning fails the test. */
export function catchNewsgenError(run: () => unknown): NewsgenError {
  try {
    run();
  } catch (error) {
    if (isNewsgenError(error)) return error;
    throw error;
  }
  throw new Error('Expected a NewsgenError');
}
