import { describe, expect, it } from 'vitest';
import { runBounded } from '../../src/output/run-bounded.js';

/** A promise and the function that resolves it. */
function createGate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('runBounded', () => {
  it('never runs more tasks at once than the limit, and runs them all', async () => {
    let active = 0;
    let busiest = 0;
    const done: number[] = [];
    await runBounded(
      Array.from({ length: 25 }, (_, i) => i),
      4,
      async (item) => {
        active += 1;
        busiest = Math.max(busiest, active);
        // A macrotask, like real I/O, so other tasks get a chance to start.
        await new Promise((resolve) => setImmediate(resolve));
        active -= 1;
        done.push(item);
      },
    );
    expect(busiest).toBe(4);
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('stops taking items after a failure and waits for the tasks already started', async () => {
    const pulled: number[] = [];
    const finished: number[] = [];
    const slow = createGate();
    function* items(): Generator<number> {
      for (let i = 0; i < 100; i += 1) {
        pulled.push(i);
        yield i;
      }
    }
    const run = runBounded(items(), 2, async (item) => {
      if (item === 0) {
        await slow.promise;
        finished.push(item);
        return;
      }
      throw new Error(`task ${item} failed`);
    });
    setTimeout(slow.open, 10);
    await expect(run).rejects.toThrow('task 1 failed');
    expect(finished).toEqual([0]);
    expect(pulled.length).toBeLessThan(10);
  });

  it('rejects a limit that is not a positive integer', async () => {
    await expect(runBounded([1], 0, async () => undefined)).rejects.toThrow(RangeError);
  });
});
