/**
 * Worker-thread entry for the per-file stages (parse → validate → markdown).
 * Each worker builds its own frozen Markdown processor once, on first use,
 * with the site's plugins loaded from its config file (code cannot be sent
 * to a thread).
 */

import type { ArticleCheckOptions } from '../content/check-article.js';
import type { SourceFile } from '../content/source-file.js';
import { isNewsgenError } from '../diagnostics/newsgen-error.js';
import type { MarkdownProcessor } from '../markdown/create-processor.js';
import type { PluginConfig } from '../plugins/load-plugins.js';
import { createArticleCheckOptions, type ProcessedSource, processSourceTimed } from './process-source.js';

/** A batch of files for one worker call. */
export interface ProcessTask {
  readonly sources: readonly SourceFile[];
  readonly timeZone: string;
  /** Files that take at least this many milliseconds are listed in `slow`. */
  readonly slowMs: number;
  /** Where the site's Markdown plugins come from; undefined when it has none. */
  readonly plugins: PluginConfig | undefined;
}

/** What a worker call returns: the results in order, and the files that were slow. */
export interface ProcessBatchResult {
  readonly results: ProcessedSource[];
  /** Index in the batch and milliseconds taken. */
  readonly slow: [number, number][];
}

/** A worker that could not start (its plugins did not load), as plain data: an error's own fields do not cross threads. */
export interface ProcessFailure {
  readonly error: {
    readonly message: string;
    readonly code: string;
    readonly file: string | undefined;
    readonly hint: string | undefined;
  };
}

// One processor per worker thread: building it (and loading plugins) is the
// expensive part, and a thread is this module's whole lifetime.
let processor: Promise<MarkdownProcessor> | undefined;
/** The thread's per-file options, so names checked in one batch are known in the next. */
let sourceOptions: ArticleCheckOptions | undefined;

/** Processes a batch of content files and returns their results in order. */
export default async function processBatch(task: ProcessTask): Promise<ProcessBatchResult | ProcessFailure> {
  let active: MarkdownProcessor;
  try {
    active = await (processor ??= createProcessor(task.plugins));
  } catch (error) {
    if (!isNewsgenError(error)) throw error;
    return { error: { message: error.message, code: error.code, file: error.file, hint: error.hint } };
  }
  const slow: [number, number][] = [];
  if (sourceOptions?.timeZone !== task.timeZone) sourceOptions = createArticleCheckOptions(task.timeZone);
  const options = sourceOptions;
  const results = task.sources.map((source, index) =>
    processSourceTimed(source, options, active, {
      ms: task.slowMs,
      report: (ms) => slow.push([index, ms]),
    }),
  );
  return { results, slow };
}

async function createProcessor(plugins: PluginConfig | undefined): Promise<MarkdownProcessor> {
  const { createMarkdownProcessor } = await import('../markdown/create-processor.js');
  if (!plugins) return createMarkdownProcessor();
  const { loadPlugins } = await import('../plugins/load-plugins.js');
  return createMarkdownProcessor((await loadPlugins(plugins, 'a worker thread')).markdown);
}
