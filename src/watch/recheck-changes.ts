import { statSync } from 'node:fs';

/** Changes checked again a little later (see {@link createRechecks}). */
export interface Rechecks {
  /** Looks at `file` again once chokidar's window has passed. */
  later(file: string): void;
  /** Drops every pending check. */
  clear(): void;
}

/** A little longer than chokidar's window for swallowing repeated `change` events. */
const CHANGE_THROTTLE_MS = 75;

/**
 * chokidar drops a second `change` of a path within 50 ms (no trailing
 * event), so each change is checked again once that window has passed, and
 * `report` is called when the file differs by then: a save that landed
 * inside the window still gets built.
 */
export function createRechecks(report: (event: 'change' | 'unlink', file: string) => void): Rechecks {
  const timers = new Map<string, NodeJS.Timeout>();
  return {
    later(file) {
      const before = readSignature(file);
      clearTimeout(timers.get(file));
      const timer = setTimeout(() => {
        timers.delete(file);
        const after = readSignature(file);
        if (after !== before) report(after === 'missing' ? 'unlink' : 'change', file);
      }, CHANGE_THROTTLE_MS);
      timer.unref();
      timers.set(file, timer);
    },
    clear() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** Size, mtime and inode of a file, or `missing`: what tells one save from the next. */
function readSignature(file: string): string {
  try {
    const info = statSync(file);
    return `${info.size}:${info.mtimeMs}:${info.ino}`;
  } catch {
    return 'missing';
  }
}
