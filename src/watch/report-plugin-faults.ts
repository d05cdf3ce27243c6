import type { NewsgenError } from '../diagnostics/newsgen-error.js';
import type { WatchingHookMonitor } from '../plugins/hook-monitor.js';
import { lateHookError } from '../plugins/plugin-error.js';

/**
 * For the rest of the process (a hook's timer may fire after the preview
 * stopped, and keeps the process until it does): an error thrown from a
 * timer or callback a plugin's hook set up, or a promise it left rejected,
 * is reported as that plugin's (`report`) and the preview goes on, as after
 * a failed build, instead of Node ending the process with a stack trace.
 * An error no hook started is a bug: it is thrown again once these handlers
 * are gone, so Node ends the process with its stack as before.
 */
export function reportPluginFaults(monitor: WatchingHookMonitor, report: (fault: NewsgenError) => void): void {
  const remove = () => {
    process.off('uncaughtException', onFault);
    process.off('unhandledRejection', onFault);
  };
  function onFault(error: unknown): void {
    const call = monitor.current();
    if (call) {
      report(lateHookError(call, error));
      return;
    }
    remove();
    setImmediate(() => {
      throw error;
    });
  }
  process.on('uncaughtException', onFault);
  process.on('unhandledRejection', onFault);
}
