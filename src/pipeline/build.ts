import path from 'node:path';
import { forgetCachedOutput } from '../cache/build-cache.js';
import { findCacheProblem } from '../cache/usable-cache-dir.js';
import type { SitePlugin } from '../config/read-plugins.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { formatDiagnostics } from '../diagnostics/format-diagnostics.js';
import { EXIT_USAGE, NewsgenError } from '../diagnostics/newsgen-error.js';
import type { Logger } from '../logger/create-logger.js';
import { formatBuildSummary, formatHeldBack } from '../logger/format-build-summary.js';
import { formatCount } from '../logger/format-count.js';
import { formatDuration } from '../logger/format-duration.js';
import type { Progress } from '../logger/progress.js';
import type { HookMonitor } from '../plugins/hook-monitor.js';
import type { Concurrency } from '../process/process-in-parallel.js';
import type { HeldBack } from '../site/held-back.js';
import { createBuildSession, type StageTiming } from './build-session.js';
import type { OutputChanges } from './session-options.js';
import { CODE_VERSION } from './version.js';

export type { Concurrency } from '../process/process-in-parallel.js';

/** What a finished build reports. */
export interface BuildResult {
  readonly articles: number;
  readonly pages: number;
  /** Output files written (changed bytes) and deleted, relative to the output folder, sorted. */
  readonly written: readonly string[];
  readonly deleted: readonly string[];
  readonly upToDate: boolean;
  readonly durationMs: number;
  /** Warnings about the content, in their total order (file, line, column, rule, reason); they are printed too, and errors are thrown. */
  readonly warnings: readonly Diagnostic[];
  /** How long each stage took. */
  readonly timings: readonly StageTiming[];
  /**
   * The content's scheduled articles (with the soonest one's date) and drafts
   * the build left out of the site; when it was up to date, as the build that
   * made the output counted them (undefined in a cache from before newsgen kept them).
   */
  readonly held: HeldBack | undefined;
}

/** How a build uses the machine and the cache. */
export interface BuildOptions {
  readonly logger: Logger;
  /** Cache folder, or false for `--no-cache`. @default `<root>/node_modules/.cache/newsgen` */
  readonly cache?: string | false;
  /** Worker threads for Markdown. @default 'auto' (one per core, for builds with many files to process) */
  readonly concurrency?: Concurrency;
  /** Colour in printed warnings. @default false */
  readonly color?: boolean;
  /** A progress display for long builds (a terminal's); cleared when the build ends. @default silent */
  readonly progress?: Progress;
  /** Runs plugins' hooks, and may keep track of them (the CLI's names the plugin of an error a hook left behind). @default runs them */
  readonly hookMonitor?: HookMonitor;
  /**
   * Leave the search index as the last build wrote it (with `search: true`):
   * a publish then costs no Pagefind run, and the next build without this
   * flag builds the index, even with nothing else changed. @default false
   */
  readonly deferSearch?: boolean;
  /** Once aborted, the build does not change the output folder: it throws the signal's reason. */
  readonly signal?: AbortSignal;
  /**
   * The `plugins` `resolveConfig` gave with this config: the build takes
   * their code from here instead of running the config file again (worker
   * threads still do). @default loaded from the config file
   */
  readonly plugins?: readonly SitePlugin[];
  /**
   * Told the files written and deleted (sorted) once they are in the output
   * folder: a build that fails after that (a plugin's `buildEnd`) has
   * changed the output all the same. @default not told
   */
  readonly onOutput?: (changes: OutputChanges) => void;
}

/** The default cache folder of a site: deleting `node_modules` (or that folder) makes the next build cold. */
export function defaultCacheDir(root: string): string {
  return path.join(root, 'node_modules', '.cache', 'newsgen');
}

/**
 * One whole build: a build session whose memory comes from the on-disk cache,
 * run once. Throws NewsgenError (with every diagnostic) on bad input; the
 * previous output is then left exactly as it was.
 */
export async function build(config: ResolvedConfig, options: BuildOptions): Promise<BuildResult> {
  checkConcurrency(options.concurrency);
  const session = createBuildSession(config, {
    logger: options.logger,
    version: CODE_VERSION,
    cacheDir: await resolveCacheDir(config, options),
    concurrency: options.concurrency ?? 'auto',
    ...(options.progress ? { progress: options.progress } : {}),
    ...(options.hookMonitor ? { hookMonitor: options.hookMonitor } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.plugins ? { plugins: options.plugins } : {}),
    ...(options.onOutput ? { onOutput: sortedFor(options.onOutput) } : {}),
    once: true,
  });
  try {
    const mode = options.deferSearch ? { deferSearch: true } : {};
    const result = await session.build(undefined, mode).finally(() => options.progress?.stop());
    // In their total order, once: the terminal's list and the JSON report then find them sorted (one
    // pass each, where sorting 100,000 broken-link warnings twice took half a second).
    const warnings = sortDiagnostics(result.warnings);
    // Formatted only for a logger that prints them: under --quiet, 100,000 warnings took a quarter of a second.
    if (warnings.length > 0 && options.logger.shows?.('warn') !== false)
      options.logger.warn(formatDiagnostics(warnings, { color: options.color ?? false }));
    if (result.upToDate)
      options.logger.info(
        `Up to date: ${formatCount(result.pages)} pages in ${formatDuration(result.durationMs)} (nothing changed)`,
      );
    else options.logger.info(`${formatBuildSummary(result)} (${formatCount(result.written.length)} files written)`);
    const held = result.held && formatHeldBack(result.held);
    if (held) options.logger.info(held);
    const { articles, pages, upToDate, durationMs, timings } = result;
    return {
      articles,
      pages,
      written: [...result.written].sort(),
      deleted: [...result.deleted].sort(),
      upToDate,
      durationMs,
      warnings,
      timings,
      held: result.held,
    };
  } finally {
    await session.close();
  }
}

/** `onOutput`, given the lists sorted as a build's result has them. */
function sortedFor(onOutput: (changes: OutputChanges) => void): (changes: OutputChanges) => void {
  return ({ written, deleted }) => onOutput({ written: [...written].sort(), deleted: [...deleted].sort() });
}

/**
 * The cache folder a build (or check) uses: none with `cache: false`, and
 * none, with a warning, when the folder cannot be kept (see
 * `findCacheProblem`): the build then does all its work, as with
 * `--no-cache`, instead of failing when it saves the cache.
 */
export async function resolveCacheDir(
  config: ResolvedConfig,
  options: { readonly cache?: string | false; readonly logger: Logger },
): Promise<string | undefined> {
  if (options.cache === false) return undefined;
  const dir = options.cache ?? defaultCacheDir(config.root);
  const problem = await findCacheProblem(dir);
  if (problem === undefined) return dir;
  options.logger.warn(
    `Warning: building without the cache (${problem}); every file is processed and written again. Make ${path.relative(config.root, dir) || '.'} a folder newsgen may write, or build with --no-cache.`,
  );
  return undefined;
}

/**
 * Refuses (as a usage error) a concurrency the CLI's `--concurrency` would
 * refuse: `auto`, or a whole number of threads from 0 to 64. A library caller
 * got a thread pool's own TypeError for 1.5, and 999 threads for 1000.
 */
function checkConcurrency(concurrency: Concurrency | undefined): void {
  if (concurrency === undefined || concurrency === 'auto') return;
  if (Number.isInteger(concurrency) && concurrency >= 0 && concurrency <= 64) return;
  throw new NewsgenError(
    `Unexpected concurrency ${JSON.stringify(concurrency)}, expected 'auto' or a whole number from 0 to 64`,
    {
      code: 'usage',
      exitCode: EXIT_USAGE,
    },
  );
}

/**
 * Makes a site's build cache forget the output folder while keeping its
 * processed articles: for a preview that rewrote the folder the next
 * `newsgen build` writes to.
 */
export function forgetBuildOutput(root: string): Promise<void> {
  return forgetCachedOutput(defaultCacheDir(root));
}
