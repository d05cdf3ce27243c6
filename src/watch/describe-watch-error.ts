import { NewsgenError } from '../diagnostics/newsgen-error.js';

/** The command that raises the Linux limit on watched files. */
export const INOTIFY_FIX = 'sudo sysctl fs.inotify.max_user_watches=524288';

/**
 * Turns an error reported by the file watcher into a NewsgenError a person can
 * act on. Running out of inotify watches (ENOSPC) or file handles (EMFILE)
 * names the limit and the command that raises it; anything else keeps its
 * message.
 */
export function describeWatchError(error: unknown): NewsgenError {
  const code =
    typeof error === 'object' && error !== null && 'code' in error
      ? String((error as { code: unknown }).code)
      : undefined;
  if (code === 'ENOSPC' || code === 'EMFILE') {
    return new NewsgenError(`Cannot watch more files: the system limit on file watchers was reached (${code})`, {
      code: 'watch-limit',
      cause: error,
      hint: `Raise the limit with \`${INOTIFY_FIX}\` (add fs.inotify.max_user_watches=524288 to /etc/sysctl.conf to keep it), or for EMFILE also \`ulimit -n 65536\`, then restart newsgen.`,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new NewsgenError(`File watcher failed: ${message}`, { code: 'watch-failed', cause: error });
}
