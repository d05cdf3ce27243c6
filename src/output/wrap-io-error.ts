import { isNewsgenError, NewsgenError } from '../diagnostics/newsgen-error.js';

/**
 * Wraps a file-system failure of the write stage in `NewsgenError` `output-io`, naming
 * what was being done and to which file; a `NewsgenError` passes through unchanged.
 */
export function wrapIoError(error: unknown, action: string, file: string): NewsgenError {
  if (isNewsgenError(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new NewsgenError(`Could not ${action} ${file}: ${detail}`, {
    code: 'output-io',
    file,
    cause: error,
    hint: 'Check that the disk has room and that you may write to the output folder and read the static folder.',
  });
}
