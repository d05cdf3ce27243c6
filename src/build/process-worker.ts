/**
 * Worker-thread entry for the per-file stages (parse → validate → markdown).
 * Each worker builds its own frozen Markdown processor once, on first use.
 */
import type { SourceFile } from '../content/source-file.js';
import { createMarkdownProcessor, type MarkdownProcessor } from '../markdown/create-processor.js';
import { processSource, type ProcessResult } from './process-article.js';

/** A batch of files for one worker call. */
export interface ProcessTask {
  readonly sources: readonly SourceFile[];
  readonly timeZone: string;
}

// One processor per worker thread: building it is the expensive part, and a
// thread is this module's whole lifetime, so nothing is shared across threads.
let processor: MarkdownProcessor | undefined;

/** Processes a batch of content files and returns their results in order. */
export default function processBatch(task: ProcessTask): ProcessResult[] {
  processor ??= createMarkdownProcessor();
  const active = processor;
  return task.sources.map((source) => processSource(source, { timeZone: task.timeZone }, active));
}
