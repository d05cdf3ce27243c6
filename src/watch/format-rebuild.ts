import { formatFailure } from '../diagnostics/format-diagnostics.js';
import { isNewsgenError } from '../diagnostics/newsgen-error.js';
import { formatDuration } from '../logger/format-duration.js';
import type { SessionBuildResult } from '../pipeline/build-session.js';

/** One line for a rebuild: `Rebuilt in 42 ms: 3 files written, 1 deleted`. */
export function formatRebuild(result: SessionBuildResult): string {
  if (result.upToDate || (result.written.length === 0 && result.deleted.length === 0))
    return `Rebuilt in ${formatDuration(result.durationMs)}: no output changed`;
  const written = `${result.written.length} ${result.written.length === 1 ? 'file' : 'files'} written`;
  return `Rebuilt in ${formatDuration(result.durationMs)}: ${written}${result.deleted.length > 0 ? `, ${result.deleted.length} deleted` : ''}`;
}

/**
 * A failed build for the terminal, the way `newsgen build` prints it: every
 * positioned diagnostic, then the error line; an unexpected error with its
 * stack, since it is a bug.
 */
export function formatRebuildFailure(error: unknown, options: { readonly color: boolean }): string {
  if (isNewsgenError(error)) return formatFailure(error, options);
  return `newsgen crashed while rebuilding; this is a bug, please report it.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
