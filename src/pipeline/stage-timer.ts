import { performance } from 'node:perf_hooks';
import { formatDuration } from '../logger/format-duration.js';
import type { PlannedOutput } from '../plan/plan-outputs.js';
import type { BuildSessionOptions } from './session-options.js';
import type { StageTiming } from './stage-timing.js';

/** Times stages into `timings`, reports each at debug level (`render    1.2 s`) and tells the progress display. */
export function createStageTimer(options: BuildSessionOptions, timings: StageTiming[]) {
  const report = (stage: StageTiming['stage'], ms: number) => {
    timings.push({ stage, ms });
    options.logger.debug(`${stage.padEnd(9)} ${formatDuration(ms)}`);
  };
  const time = async <T>(stage: StageTiming['stage'], run: () => T | Promise<T>): Promise<T> => {
    options.progress?.start(stage, stage === 'process' ? 'files' : 'steps');
    const start = performance.now();
    const value = await run();
    report(stage, performance.now() - start);
    return value;
  };
  return Object.assign(time, { report });
}

/** The same outputs, adding the time spent producing each one to `add`. */
export async function* timeIterable(
  outputs: AsyncIterable<PlannedOutput>,
  add: (ms: number) => void,
): AsyncGenerator<PlannedOutput> {
  const iterator = outputs[Symbol.asyncIterator]();
  try {
    for (;;) {
      const start = performance.now();
      const next = await iterator.next();
      add(performance.now() - start);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}
