import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAlarm } from '../../src/watch/create-alarm.js';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createAlarm', () => {
  it('rings once at the instant set, and only at the last one set', () => {
    const rung: number[] = [];
    const alarm = createAlarm(() => rung.push(Date.now()));
    alarm.set(5000);
    alarm.set(3000);
    vi.advanceTimersByTime(10_000);
    expect(rung).toEqual([3000]);
  });

  it('rings at once for an instant passed, and never without one or after clear', () => {
    const rung: number[] = [];
    const alarm = createAlarm(() => rung.push(Date.now()));
    alarm.set(undefined);
    alarm.set(Number.POSITIVE_INFINITY);
    vi.advanceTimersByTime(10_000);
    expect(rung).toEqual([]);
    alarm.set(-1);
    vi.advanceTimersByTime(0);
    expect(rung).toEqual([10_000]);
    alarm.set(20_000);
    alarm.clear();
    vi.advanceTimersByTime(20_000);
    expect(rung).toEqual([10_000]);
  });

  it('waits for an instant beyond setTimeout’s range in steps', () => {
    const rung: number[] = [];
    const alarm = createAlarm(() => rung.push(Date.now()));
    const instant = 40 * 86_400_000;
    alarm.set(instant);
    vi.advanceTimersByTime(2 ** 31);
    expect(rung).toEqual([]);
    vi.advanceTimersByTime(instant);
    expect(rung).toEqual([instant]);
  });
});
