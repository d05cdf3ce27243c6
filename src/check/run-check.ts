import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isNewsgenError, type NewsgenError } from '../diagnostics/newsgen-error.js';
import type { Logger } from '../logger/create-logger.js';
import type { Progress } from '../logger/progress.js';
import { type Concurrency, resolveCacheDir } from '../pipeline/build.js';
import { type BuildSessionOptions, createBuildSession, type StageTiming } from '../pipeline/build-session.js';
import { CODE_VERSION } from '../pipeline/version.js';
import type { HeldBack } from '../site/held-back.js';
import { findImageSize } from '../site/image-size.js';
import { checkNews } from './check-news.js';
import { placeNewsFindings } from './place-news-findings.js';

/** What `newsgen check` found. */
export interface CheckResult {
  readonly articles: number | undefined;
  readonly pages: number | undefined;
  /** Every problem, errors and warnings, of every stage that ran. */
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: readonly StageTiming[];
  /** The scheduled articles and drafts a build would leave out now (unknown when the content has errors). */
  readonly held?: HeldBack | undefined;
}

/** How `check` runs. */
export interface CheckOptions {
  readonly logger: Logger;
  readonly progress: Progress;
  readonly concurrency: Concurrency;
  /** The build cache to read (never written), or false for none. @default the site's cache folder */
  readonly cache?: string | false;
  /** Runs plugins' hooks (the CLI's keeps track of them). @default runs them */
  readonly hookMonitor?: BuildSessionOptions['hookMonitor'];
  /** The plugins `resolveConfig` gave with this config (see `BuildOptions.plugins`). @default loaded from the config file */
  readonly plugins?: BuildSessionOptions['plugins'];
}

/**
 * Runs every stage a build runs, as a dry run of a build session (nothing
 * is written, the cache is read but never saved: files unchanged since the
 * last build are not processed again, and pages whose data did not change
 * are not rendered again), then the news checks over the validated
 * articles. Content, template and config errors come back as diagnostics.
 */
export async function runCheck(config: ResolvedConfig, options: CheckOptions): Promise<CheckResult> {
  const session = createBuildSession(config, {
    logger: options.logger,
    version: CODE_VERSION,
    cacheDir: await resolveCacheDir(config, options),
    concurrency: options.concurrency,
    progress: options.progress,
    ...(options.hookMonitor ? { hookMonitor: options.hookMonitor } : {}),
    ...(options.plugins ? { plugins: options.plugins } : {}),
    once: true,
  });
  try {
    const result = await session.build(undefined, { write: false });
    const findings = checkNews(result.content ?? [], {
      now: config.now,
      drafts: config.drafts,
      future: config.future,
      // With the image pipeline on, every local lead image's width is checked by it (`image-small`).
      imageWidth: (src) =>
        config.images === false ? findImageSize(result.imageSizes ?? new Map(), src)?.width : undefined,
    });
    const news = await placeNewsFindings(findings, config);
    return {
      articles: result.failed ? undefined : result.articles,
      pages: result.failed ? undefined : result.pages,
      diagnostics: [...result.warnings, ...news],
      timings: result.timings,
      held: result.failed ? undefined : result.held,
    };
  } catch (error) {
    if (!isNewsgenError(error)) throw error;
    return { articles: undefined, pages: undefined, diagnostics: toDiagnostics(error), timings: [] };
  } finally {
    options.progress.stop();
    await session.close();
  }
}

/** A failed stage's problems: its diagnostics, or the error itself as one. */
function toDiagnostics(error: NewsgenError): Diagnostic[] {
  if (error.diagnostics.length > 0) return [...error.diagnostics];
  return [
    {
      file: error.file ?? '(templates)',
      ...(error.place ? { place: error.place } : {}),
      severity: 'error',
      reason: error.message,
      ruleId: error.code,
      ...(error.hint ? { hint: error.hint } : {}),
    },
  ];
}
