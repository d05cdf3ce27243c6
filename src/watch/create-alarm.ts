/** setTimeout's longest delay: later instants are waited for in steps of it. */
const MAX_DELAY = 2 ** 31 - 1;

/** A timer set to an instant, set again (or cleared) whenever the instant changes. */
export interface Alarm {
  /** Rings `ring` at `instant` (ms since the epoch), replacing the last one; undefined or never: no alarm. */
  set(instant: number | undefined): void;
  clear(): void;
}

/**
 * An alarm for the next instant at which a previewed site changes by
 * itself. It never keeps the process alive (the watcher and server do),
 * and an instant beyond setTimeout's range is waited for in steps.
 */
export function createAlarm(ring: () => void, now: () => number = Date.now): Alarm {
  let timer: NodeJS.Timeout | undefined;
  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  const set = (instant: number | undefined): void => {
    clear();
    if (instant === undefined || !Number.isFinite(instant)) return;
    const delay = Math.max(0, instant - now());
    timer = setTimeout(() => (delay > MAX_DELAY ? set(instant) : ring()), Math.min(delay, MAX_DELAY));
    timer.unref();
  };
  return { set, clear };
}
