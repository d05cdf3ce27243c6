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

/**
 * A monitor for the CLI, whose process-wide handlers name the plugin of an
 * error no hook call could catch, and the hook that kept a build waiting on
 * a promise that never settles.
 */
export function createHookMonitor(): WatchingHookMonitor {
  const scope = new AsyncLocalStorage<HookCall>();
  const running = new Set<HookCall>();
  return {
    async run(call, hook) {
      // A fresh object per call: the same plugin and hook may run again in a later build of a session.
      const entry = { ...call };
      running.add(entry);
      try {
        return await scope.run(entry, hook);
      } finally {
        running.delete(entry);
      }
    },
    current: () => scope.getStore(),
    pending: () => [...running],
  };
}
