import { afterEach, describe, expect, it, vi } from 'vitest';
import { runWatchingPlugins } from '../../src/cli/watch-plugin-faults.js';
import { createHookMonitor, describeSlowHook, type HookCall } from '../../src/plugins/hook-monitor.js';

describe('the hook monitor', () => {
  it('names the hook call that set up a timer when the timer runs, after the hook has returned', async () => {
    const monitor = createHookMonitor();
    const seen = await new Promise((resolve) => {
      void monitor.run({ plugin: 'jam', hook: 'siteModel' }, () => {
        setTimeout(() => resolve(monitor.current()), 5);
      });
    });
    expect(seen).toEqual({ plugin: 'jam', hook: 'siteModel' });
    expect(monitor.current()).toBeUndefined();
  });

  it('lists the hook calls whose promise has not settled, and forgets each once it settles', async () => {
    const monitor = createHookMonitor();
    let finish: () => void = () => undefined;
    const running = monitor.run({ plugin: 'lambat', hook: 'buildEnd' }, () => new Promise<void>((r) => (finish = r)));
    await monitor.run({ plugin: 'cepat', hook: 'buildEnd' }, () => undefined);
    expect(monitor.pending()).toEqual([{ plugin: 'lambat', hook: 'buildEnd' }]);
    finish();
    await running;
    expect(monitor.pending()).toEqual([]);
  });

  describe('with a watch for slow hooks', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('tells of a hook still running after the wait, then at each interval, and no more once it settles', async () => {
      vi.useFakeTimers();
      const told: HookCall[] = [];
      const monitor = createHookMonitor({ onSlow: (call) => told.push(call), afterMs: 10_000, everyMs: 60_000 });
      let finish: () => void = () => undefined;
      const running = monitor.run({ plugin: 'cms', hook: 'buildStart' }, () => new Promise<void>((r) => (finish = r)));
      await monitor.run({ plugin: 'cepat', hook: 'buildStart' }, () => undefined);
      await vi.advanceTimersByTimeAsync(9_999);
      expect(told).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(told).toEqual([{ plugin: 'cms', hook: 'buildStart' }]);
      await vi.advanceTimersByTimeAsync(120_000);
      expect(told).toHaveLength(3);
      finish();
      await running;
      await vi.advanceTimersByTimeAsync(600_000);
      expect(told).toHaveLength(3);
      expect(vi.getTimerCount()).toBe(0);
    });

    it('is how the CLI names a plugin whose hook keeps a build waiting', async () => {
      const told: string[] = [];
      const result = await runWatchingPlugins(
        ({ hookMonitor }) =>
          hookMonitor.run({ plugin: 'cms', hook: 'buildEnd' }, () => new Promise((r) => setTimeout(() => r('ok'), 80))),
        undefined,
        { onSlow: (call, ms) => told.push(describeSlowHook(call, ms)), afterMs: 20, everyMs: 1_000 },
      );
      expect(result).toBe('ok');
      expect(told).toEqual([
        expect.stringMatching(
          /^Waiting for plugin "cms": its buildEnd hook has been running for 0 s\. .*give its requests a timeout\.$/,
        ),
      ]);
    });
  });
});
