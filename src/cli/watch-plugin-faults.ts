import {
  createHookMonitor,
  type HookMonitor,
  type SlowHookWatch,
  type WatchingHookMonitor,
} from '../plugins/hook-monitor.js';
import { lateHookError, unsettledHookError } from '../plugins/plugin-error.js';

/** What a watched build is given: its plugins' hooks run through the monitor, and the signal stops it. */
export interface PluginWatch {
  readonly hookMonitor: HookMonitor;
  readonly signal: AbortSignal;
}

/**
 * Runs one build (or check) with process-wide handlers for what no `try`
 * around a hook can catch, so a plugin's mistake is reported as one, naming
 * the plugin, never as Node's stack trace or a silent exit code:
 *
 * - an error thrown from a timer or callback a hook set up, or a promise it
 *   left rejected, is blamed on that hook (found through the asynchronous
 *   context the monitor gave it) and aborts the build's signal: the build
 *   stops before it touches the output folder. An error no plugin started
 *   is a bug, and is thrown as it is (the CLI prints its stack).
 * - a build still waiting when the event loop has nothing left to do (a
 *   hook's promise that never settles, which Node ends with exit code 13)
 *   is an error naming the hook that never finished.
 *
 * A fault after the output folder was replaced (the commit is the build's
 * last step, and is not interrupted) still fails the command. One after
 * the command returned (a hook's timer that fires later) goes to `onLate`,
 * once: a second one ends the process as Node would. A hook still running
 * after a while is told to `slow` (the CLI prints it), as many times as it
 * says.
 */
export async function runWatchingPlugins<T>(
  run: (watch: PluginWatch) => Promise<T>,
  onLate?: (error: unknown) => void,
  slow?: SlowHookWatch,
): Promise<T> {
  const hookMonitor = createHookMonitor(slow);
  const controller = new AbortController();
  const { signal } = controller;
  const fail = (error: unknown) => {
    if (signal.aborted) return;
    const call = hookMonitor.current();
    controller.abort(call ? lateHookError(call, error) : error);
  };
  let stop: (reason: unknown) => void = () => undefined;
  const drained = new Promise<never>((_, reject) => {
    stop = reject;
  });
  const onEmptyLoop = () => stop(signal.aborted ? signal.reason : unsettledError(hookMonitor));
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  process.on('beforeExit', onEmptyLoop);
  try {
    const result = await Promise.race([run({ hookMonitor, signal }), drained]);
    signal.throwIfAborted();
    return result;
  } catch (error) {
    // The fault comes first: what failed after it (the build it aborted) is its consequence.
    throw signal.aborted ? signal.reason : error;
  } finally {
    process.off('uncaughtException', fail);
    process.off('unhandledRejection', fail);
    process.off('beforeExit', onEmptyLoop);
    if (onLate) watchLate(hookMonitor, onLate);
  }
}

function watchLate(hookMonitor: WatchingHookMonitor, onLate: (error: unknown) => void): void {
  const late = (error: unknown) => {
    process.off('uncaughtException', late);
    process.off('unhandledRejection', late);
    const call = hookMonitor.current();
    onLate(call ? lateHookError(call, error, true) : error);
  };
  process.on('uncaughtException', late);
  process.on('unhandledRejection', late);
}

/** Why a build that has nothing left to run has not finished: the oldest hook call still pending. */
function unsettledError(monitor: WatchingHookMonitor): Error {
  const call = monitor.pending()[0];
  return call
    ? unsettledHookError(call)
    : new Error('The build stopped: it waited on a promise that nothing was left to settle');
}
