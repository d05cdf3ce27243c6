import { availableParallelism } from 'node:os';
import type { SourceFile } from '../content/source-file.js';
import { isErrorCode } from '../diagnostics/error-codes.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import type { MarkdownProcessor } from '../markdown/create-processor.js';
import type { MarkdownExtension } from '../markdown/markdown-extension.js';
import type { PluginConfig } from '../plugins/load-plugins.js';
import { WORKER_HEAP } from '../thread/worker-heap.js';
import type { Concurrency } from './concurrency.js';
import type { ProcessedSource, SlowFileWatch } from './process-source.js';
import type { ProcessBatchResult, ProcessFailure, ProcessTask } from './process-worker.js';

/** Keeps this thread's Markdown processor between calls (a watch session reuses it for every save). */
export interface ProcessorHolder {
  processor?: MarkdownProcessor;
}

/** What processing reads besides the files: the site's time zone, and its Markdown plugins. */
export interface ProcessOptions {
  readonly timeZone: string;
  /**
   * The plugins' Markdown extensions for this thread, and where worker
   * threads load them from (they run the config file again). @default none
   */
  readonly plugins?: { readonly config: PluginConfig; readonly markdown: readonly MarkdownExtension[] };
}

export type { Concurrency } from './concurrency.js';

/** What a caller does with each file around processing. */
export interface ProcessHooks<T> {
  /** Gives a file its bytes when it is about to be processed (files may be listed before they are read). */
  readonly read?: (source: SourceFile) => SourceFile;
  /**
   * Turns a result into what is kept of it, as soon as its batch is done:
   * a large build moves the HTML out of memory here, so the bodies of
   * thousands of files never wait in memory for the last batch.
   */
  readonly keep?: (processed: ProcessedSource) => T;
  /** Told of every file whose processing took at least {@link SLOW_FILE_MS} (or `slowMs`), with the milliseconds. */
  readonly onSlow?: (source: SourceFile, ms: number) => void;
  /** @default SLOW_FILE_MS */
  readonly slowMs?: number;
}

/**
 * A file that takes this long to process gets a warning naming it: articles
 * take a few milliseconds, while some inputs (runs of thousands of brackets or
 * emphasis marks, quotes nested thousands deep) keep the Markdown parser busy
 * for minutes, and a build that seems stuck should say where.
 */
export const SLOW_FILE_MS = 5_000;

/** Below this many files, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 400;
/** Files per message to a worker: large enough to amortise messaging, small enough to balance load. */
const BATCH_SIZE = 64;
/**
 * Files this thread processes between looks at the event loop. A worker that
 * finishes a batch waits for this thread to send the next one, so this
 * thread must not work through a whole batch of its own before looking.
 */
const YIELD_EVERY = 4;
/**
 * Batches kept in flight per worker: a second one waits in the worker's
 * queue, so it starts on it the moment it finishes one, rather than when
 * this thread next looks at the event loop (a worker of a cold build of the
 * 10,000-article bench corpus waited 0.5 s of its 9.7 s so; the stage's time
 * moved within the noise of six interleaved pairs).
 */
const IN_FLIGHT = 2;

/**
 * Runs the per-file stages for `sources` on `concurrency` threads: this one
 * and `concurrency - 1` workers (`auto`: one thread per core, and workers only
 * for many files). This thread works too, so a two-core machine pays for one
 * extra isolate, not two. Threads take batches from one queue, so a slow
 * batch never leaves another thread idle. The Markdown stack is loaded only
 * here: a build with nothing to process never pays for it. Results come back
 * in the order of `sources`.
 */
export async function processInParallel<T = ProcessedSource>(
  sources: readonly SourceFile[],
  options: ProcessOptions,
  concurrency: Concurrency,
  holder: ProcessorHolder = {},
  hooks: ProcessHooks<T> = {},
): Promise<T[]> {
  const read = hooks.read ?? ((source: SourceFile) => source);
  const keep = hooks.keep ?? ((processed: ProcessedSource) => processed as T);
  if (sources.length === 0) return [];
  // Starting a worker costs hundreds of milliseconds: never for a few files (an editor's save).
  const enough = sources.length >= (concurrency === 'auto' ? WORKER_THRESHOLD : BATCH_SIZE / 2);
  const threads = !enough ? 1 : concurrency === 'auto' ? availableParallelism() : concurrency;
  const [{ createMarkdownProcessor }, { createArticleCheckOptions, processSourceTimed }] = await Promise.all([
    import('../markdown/create-processor.js'),
    import('./process-source.js'),
  ]);
  const markdown = options.plugins?.markdown ?? [];
  const processor = (holder.processor ??= createMarkdownProcessor(markdown));
  const slowMs = hooks.slowMs ?? SLOW_FILE_MS;
  const onSlow = hooks.onSlow ?? (() => undefined);
  const watch = (source: SourceFile): SlowFileWatch => ({ ms: slowMs, report: (ms) => onSlow(source, ms) });
  const sourceOptions = createArticleCheckOptions(options.timeZone);
  const processHere = (source: SourceFile) => processSourceTimed(source, sourceOptions, processor, watch(source));
  if (threads <= 1) return sources.map((source) => keep(processHere(read(source))));
  const results: T[][] = [];
  const queue = Array.from({ length: Math.ceil(sources.length / BATCH_SIZE) }, (_, index) => index);
  const batchOf = (index: number) => sources.slice(index * BATCH_SIZE, (index + 1) * BATCH_SIZE).map(read);
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: new URL('./process-worker.js', import.meta.url).href,
    minThreads: threads - 1,
    maxThreads: threads - 1,
    // Posted to the worker at once: its second batch is there when it finishes the first.
    concurrentTasksPerWorker: IN_FLIGHT,
    idleTimeout: 1000,
    resourceLimits: WORKER_HEAP,
  });
  // Workers load the plugins themselves, and only when some add to the Markdown pipeline.
  const plugins = markdown.length > 0 ? options.plugins?.config : undefined;
  const runWorker = async () => {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      const batch = batchOf(index);
      const task: ProcessTask = { sources: batch, timeZone: options.timeZone, slowMs, plugins };
      const done = checkBatch((await pool.run(task)) as ProcessBatchResult | ProcessFailure);
      for (const [position, ms] of done.slow) onSlow(batch[position] as SourceFile, ms);
      results[index] = done.results.map(keep);
    }
  };
  const runHere = async () => {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      const batch = batchOf(index);
      const kept: T[] = [];
      for (const source of batch) {
        kept.push(keep(processHere(source)));
        // Let the event loop hand a waiting worker its next batch.
        if (kept.length % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      results[index] = kept;
    }
  };
  try {
    await Promise.all([...Array.from({ length: (threads - 1) * IN_FLIGHT }, runWorker), runHere()]);
    return results.flat();
  } finally {
    await pool.destroy();
  }
}

/** A worker's batch, or the error that kept the worker from starting, thrown here. */
function checkBatch(done: ProcessBatchResult | ProcessFailure): ProcessBatchResult {
  if (!('error' in done)) return done;
  const { message, code, file, hint } = done.error;
  throw new NewsgenError(message, { code: isErrorCode(code) ? code : 'plugin-worker', file, hint });
}
