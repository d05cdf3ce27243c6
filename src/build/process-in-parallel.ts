import { availableParallelism } from 'node:os';
import type { SourceFile } from '../content/source-file.js';
import type { ProcessResult } from './process-article.js';

/** Worker threads: a number, or `auto` for one per core once there are enough files to pay for them. */
export type Concurrency = number | 'auto';

/** Below this many files, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 400;
/** Files per message to a worker: large enough to amortise messaging, small enough to balance load. */
const BATCH_SIZE = 64;

/**
 * Runs the per-file stages for `sources` in `concurrency` worker threads
 * (`auto`: one per core, and only for many files), else on this thread. The Markdown stack is
 * loaded only here, so a build with nothing to process never pays for it.
 * Results come back in the order of `sources`.
 */
export async function processInParallel(sources: readonly SourceFile[], options: { timeZone: string }, concurrency: Concurrency): Promise<ProcessResult[]> {
  if (sources.length === 0) return [];
  const threads = concurrency === 'auto' ? (sources.length < WORKER_THRESHOLD ? 1 : availableParallelism()) : concurrency;
  if (threads <= 1) {
    const [{ createMarkdownProcessor }, { processSource }] = await Promise.all([import('../markdown/create-processor.js'), import('./process-article.js')]);
    const processor = createMarkdownProcessor();
    return sources.map((source) => processSource(source, options, processor));
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename: new URL('./process-worker.js', import.meta.url).href, minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  try {
    const batches: SourceFile[][] = [];
    for (let i = 0; i < sources.length; i += BATCH_SIZE) batches.push(sources.slice(i, i + BATCH_SIZE));
    const results = await Promise.all(batches.map((batch) => pool.run({ sources: batch, timeZone: options.timeZone }) as Promise<ProcessResult[]>));
    return results.flat();
  } finally {
    await pool.destroy();
  }
}
