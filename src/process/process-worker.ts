/**
 * Worker-thread entry for the per-file stages (parse → validate → markdown).
 * Each worker builds its own frozen Markdown processor once, on first use.
 */
import type { SourceFile } from '../content/source-file.js';
import { createMarkdownProcessor, type MarkdownProcessor } from '../markdown/create-processor.js';
import { type ProcessedSource, processSourceTimed } from './process-source.js';

/** A batch of files for one worker call. */
export interface ProcessTask {
  readonly sources: readonly SourceFile[];
  readonly timeZone: string;
  /** Files that take at least this many milliseconds are listed in `slow`. */
  readonly slowMs: number;
}

/** What a worker call returns: the results in order, and the files that were slow. */
export interface ProcessBatchResult {
  readonly results: ProcessedSource[];
  /** Index in the batch and milliseconds taken. */
  readonly slow: [number, number][];
}

// One processor per worker thread: building it is the expensive part, and a
// thread is this module's whole lifetime, so nothing is shared across threads.
let processor: MarkdownProcessor | undefined;

/** Processes a batch of content files and returns their results in order. */
export default function processBatch(task: ProcessTask): ProcessBatchResult {
  processor ??= createMarkdownProcessor();
  const active = processor;
  const slow: [number, number][] = [];
  const results = task.sources.map((source, index) =>
    processSourceTimed(source, { timeZone: task.timeZone }, active, {
      ms: task.slowMs,
      report: (ms) => slow.push([index, ms]),
    }),
  );
  return { results, slow };
}
