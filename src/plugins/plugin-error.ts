import { NewsgenError } from '../diagnostics/newsgen-error.js';
import type { HookCall } from './hook-monitor.js';

// How a failing plugin hook is reported, whether its call caught the error or the CLI's process-wide
// handlers did: apart from the hooks' runner, so the CLI loads only these few lines at start.

/**
 * A plugin's hook failed: names the plugin and the hook. `written`: the
 * build had written its output already (it runs `buildEnd` after that).
 */
export function pluginError(
  name: string,
  hook: string,
  reason: string,
  cause?: unknown,
  written = hook === 'buildEnd',
): NewsgenError {
  return new NewsgenError(`Plugin "${name}" failed in ${hook}: ${reason}`, {
    code: 'plugin-error',
    cause,
    hint: written
      ? 'The build itself succeeded and its output is in place; fix the plugin (or its options) and build again.'
      : `The error comes from the plugin "${name}": check its options in the config, or report it to its author.`,
  });
}

/**
 * A plugin's error no hook call could catch: thrown from a timer or a
 * callback its hook set up, or a promise it left rejected with no handler.
 * `afterBuild`: it came once the build had finished (and written its output).
 */
export function lateHookError(call: HookCall, error: unknown, afterBuild = false): NewsgenError {
  const reason = `${describeError(error)} (thrown by code the hook left running${afterBuild ? ', after the build' : ''})`;
  return pluginError(call.plugin, call.hook, reason, error, afterBuild || call.hook === 'buildEnd');
}

/** A hook whose promise never settled: the build had nothing left to wait for but it. */
export function unsettledHookError(call: HookCall): NewsgenError {
  return new NewsgenError(`Plugin "${call.plugin}" never finished its ${call.hook} hook: its promise never settled`, {
    code: 'plugin-error',
    hint: `A hook must resolve or reject the promise it returns. ${
      call.hook === 'buildEnd'
        ? 'The build itself succeeded and its output is in place.'
        : 'The build stopped waiting and changed nothing in the output.'
    } Check the options of "${call.plugin}", or report it to its author.`,
  });
}

/** The first line of an error's message, for a one-line report. */
export function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
