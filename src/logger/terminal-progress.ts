import { clearLine, cursorTo } from 'node:readline';
import type { Writable } from 'node:stream';
import { formatCount } from './format-count.js';
import type { Progress } from './progress.js';

/** Timing of the terminal display; injected so tests need not wait. */
export interface ProgressClock {
  now(): number;
}

/** Show nothing for runs shorter than this: a quick build should not flicker. */
const DELAY_MS = 1000;
/** Redraw at most this often. */
const FRAME_MS = 100;

/**
 * A one-line display on a terminal: `markdown  4,210 / 10,000 files`,
 * redrawn in place at most ten times a second, shown only once the run has
 * taken a second, and cleared at the end so the summary line stands alone.
 */
export function createTerminalProgress(stream: Writable, clock: ProgressClock = performance): Progress {
  const begun = clock.now();
  let stage: { name: string; unit: string; total: number | undefined; done: number } | undefined;
  let shown = false;
  let drawnAt = -Infinity;
  const draw = (force: boolean) => {
    const now = clock.now();
    if (!stage || now - begun < DELAY_MS || (!force && now - drawnAt < FRAME_MS)) return;
    drawnAt = now;
    const total = stage.total === undefined ? '' : ` / ${formatCount(stage.total)}`;
    cursorTo(stream, 0);
    stream.write(`${stage.name.padEnd(9)} ${formatCount(stage.done)}${total} ${stage.unit}`);
    clearLine(stream, 1);
    shown = true;
  };
  return {
    start(name, unit, total) {
      stage = { name, unit, total, done: 0 };
      draw(true);
    },
    advance(count = 1) {
      if (!stage) return;
      stage.done += count;
      draw(false);
    },
    stop() {
      if (shown) {
        cursorTo(stream, 0);
        clearLine(stream, 0);
      }
      stage = undefined;
      shown = false;
    },
  };
}
