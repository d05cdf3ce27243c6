import { describe, expect, it } from 'vitest';
import { createHookMonitor } from '../../src/plugins/hook-monitor.js';

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
});
