import { AsyncLocalStorage } from 'node:async_hooks';

/** One call of a plugin's hook. */
export interface HookCall {
  readonly plugin: string;
  readonly hook: string;
}

/** Runs plugins' hook calls, and may keep track of them. */
export interface HookMonitor {
  run<T>(call: HookCall, hook: () => T | Promise<T>): Promise<T>;
}

/** A monitor that only runs the hooks (a library build, a test). */
export const UNMONITORED: HookMonitor = Object.freeze({
  run: async <T>(_: HookCall, hook: () => T | Promise<T>) => hook(),
});

/** A monitor that can tell, afterwards, whose code was running and which hooks never finished. */
export interface WatchingHookMonitor extends HookMonitor {
  /**
   * The hook call that started the code running now, through any timer,
   * callback or promise it set up: an error a plugin throws from a timer
   * reaches `uncaughtException` with no caller to name, but still in the
   * asynchronous context of the hook that set the timer.
   */
  current(): HookCall | undefined;
  /** The hook calls whose promise has not settled yet, oldest first. */
  pending(): readonly HookCall[];
}

/** Told of a hook call still running after `afterMs` and then every `everyMs` (see {@link createHookMonitor}). */
export interface SlowHookWatch {
  readonly onSlow: (call: HookCall, runningMs: number) => void;
  /** @default 10,000 */
  readonly afterMs?: number;
  /** @default 60,000 */
  readonly everyMs?: number;
}

/**
 * A monitor for the CLI, whose process-wide handlers name the plugin of an
 * error no hook call could catch, and the hook that kept a build waiting on
 * a promise that never settles. With `slow`, a hook call still running
 * after a while is told (a plugin waiting on a server that never answers
 * keeps a CI job silent for hours otherwise); its timers never keep the
 * process alive.
 */
export function createHookMonitor(slow?: SlowHookWatch): WatchingHookMonitor {
  const scope = new AsyncLocalStorage<HookCall>();
  const running = new Set<HookCall>();
  return {
    async run(call, hook) {
      // A fresh object per call: the same plugin and hook may run again in a later build of a session.
      const entry = { ...call };
      running.add(entry);
      const stopWatching = slow && watchSlow(entry, slow);
      try {
        return await scope.run(entry, hook);
      } finally {
        running.delete(entry);
        stopWatching?.();
      }
    },
    current: () => scope.getStore(),
    pending: () => [...running],
  };
}

/** Tells `slow.onSlow` of `call` after `afterMs`, then every `everyMs`, until the returned function stops it. */
function watchSlow(call: HookCall, slow: SlowHookWatch): () => void {
  const started = performance.now();
  const tell = () => slow.onSlow(call, Math.round(performance.now() - started));
  let repeat: NodeJS.Timeout | undefined;
  // Started outside the hook's asynchronous context: an error of onSlow is not the plugin's.
  const first = setTimeout(() => {
    tell();
    repeat = setInterval(tell, slow.everyMs ?? 60_000).unref();
  }, slow.afterMs ?? 10_000).unref();
  return () => {
    clearTimeout(first);
    clearInterval(repeat);
  };
}

/** What the CLI prints of a hook call still running (see {@link SlowHookWatch}). */
export function describeSlowHook(call: HookCall, runningMs: number): string {
  return `Waiting for plugin "${call.plugin}": its ${call.hook} hook has been running for ${Math.round(runningMs / 1000)} s. A hook that never finishes keeps the build waiting; if it waits on a server, give its requests a timeout.`;
}
