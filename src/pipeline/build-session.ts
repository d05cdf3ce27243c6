import { performance } from 'node:perf_hooks';
import { CacheCorruptionError } from '../cache/build-cache.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Article } from '../content/article.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { HeldBack } from '../site/held-back.js';
import type { ImageSizes } from '../site/image-size.js';
import { carryMemory } from './carry-memory.js';
import type { FailedModel } from './dry-run.js';
import { describeHeldBack } from './held-back.js';
import type { SiteModel } from './model-site.js';
import { endBuild } from './plugin-stages.js';
import { readInputs } from './read-inputs.js';
import { createSessionMemory, forgetContent, type SessionContext, type SessionMemory } from './session-memory.js';
import type { BuildMode, BuildSessionOptions, SourceChanges } from './session-options.js';
import { showErrorPaths } from './show-error-paths.js';
import { createStageTimer, timeIterable } from './stage-timer.js';
import type { StageTiming } from './stage-timing.js';

export type { BuildMode, BuildSessionOptions, SourceChanges } from './session-options.js';
export type { StageTiming } from './stage-timing.js';

/** What one build of a session did. */
export interface SessionBuildResult {
  readonly articles: number;
  readonly pages: number;
  /** Output paths written (changed bytes) and deleted. */
  readonly written: readonly string[];
  readonly deleted: readonly string[];
  /** Content files run through the per-file stages (the rest came from the cache). */
  readonly processed: number;
  /** True when nothing changed and nothing was done. */
  readonly upToDate: boolean;
  readonly durationMs: number;
  /** Warnings about the content (errors are thrown as a NewsgenError). */
  readonly warnings: readonly Diagnostic[];
  /** How long each stage took, in the order they ran. */
  readonly timings: readonly StageTiming[];
  /** Every article of the content, published or not, when the model was built from it (not patched). */
  readonly content?: readonly Article[] | undefined;
  /** Sizes of the static folder's images, when this build measured them. */
  readonly imageSizes?: ImageSizes | undefined;
  /** Image files decoded (not known from the store) and derived images encoded, when the images stage ran. */
  readonly images?: { readonly read: number; readonly encoded: number } | undefined;
  /** A dry run whose content has errors: they are in `warnings` (with severity `error`), nothing was rendered. */
  readonly failed?: boolean;
  /**
   * The next instant (ms) at which the site changes by itself (a scheduled
   * article's time, an expiry, the news sitemap's window), when known:
   * a build after it, with no file changed, writes something.
   */
  readonly validUntil?: number | undefined;
  /** The content's scheduled articles and drafts this build left out of the site (when up to date, as the last build saved them; unknown in an older cache). */
  readonly held?: HeldBack | undefined;
}

/** Builds a site again and again, redoing only what its changed inputs require. */
export interface BuildSession {
  build(changes?: SourceChanges, mode?: BuildMode): Promise<SessionBuildResult>;
  /**
   * A session for an edited config that keeps what the edit leaves valid
   * (see `carryMemory`), with the plugins `resolveConfig` gave with it (else
   * loaded from the config file); this session is closed and must not be used again.
   */
  reopen(config: ResolvedConfig, plugins?: BuildSessionOptions['plugins']): Promise<BuildSession>;
  close(): Promise<void>;
}

/**
 * A build session: the state a build leaves behind (processed articles by
 * content hash, page fingerprints, output hashes), so that the next build
 * processes only changed files, renders only pages whose data changed, and
 * writes only files whose bytes changed. `newsgen build` runs one build of a
 * session whose state comes from the on-disk cache; `newsgen watch` keeps one
 * session alive. Content errors throw before anything is written.
 */
export function createBuildSession(config: ResolvedConfig, options: BuildSessionOptions): BuildSession {
  return openSession(config, options, createSessionMemory());
}

/** A session starting from `memory` (a reopened session's, carried over); not in the public types, as memory is not. */
function openSession(config: ResolvedConfig, options: BuildSessionOptions, memory: SessionMemory): BuildSession {
  const context: SessionContext = { config, options, memory };
  return {
    async build(changes, mode = {}) {
      const current = withMode(context, mode);
      const result = await runStagesOnce(current, changes, mode).catch((error: unknown) => {
        throw showErrorPaths(error, config.root);
      });
      const ended = mode.write === false ? result : await endBuild(current, result);
      return { ...ended, validUntil: context.memory.cache?.state.validUntil };
    },
    async reopen(next, plugins) {
      const carried = carryMemory(context.memory, config, next, options.version);
      await closeMemory(context.memory, carried);
      return openSession(next, plugins ? { ...options, plugins } : options, carried.memory);
    },
    close: () => closeMemory(context.memory),
  };
}

/**
 * The session's context for a build in `mode` (deferring the search index, at `mode.now`). The last model shows
 * the site at the last build's clock: once the clock has passed the next instant at which the site changes by
 * itself (a scheduled article, an expiry, a lead slot's end: `validUntil`) or went back, it is dropped.
 */
function withMode(context: SessionContext, { now, deferSearch }: BuildMode): SessionContext {
  const current = { ...context, deferSearch: deferSearch === true && context.config.search };
  const state = context.memory.cache?.state;
  if (now && (!state || +now < state.now || +now >= state.validUntil)) context.memory.lastModel = undefined;
  return now ? { ...current, config: { ...context.config, now } } : current;
}

/** Closes what a session's memory holds open, but what a next session took over. */
async function closeMemory(
  memory: SessionMemory,
  taken: { readonly tookContent: boolean; readonly tookImages: boolean } = { tookContent: false, tookImages: false },
): Promise<void> {
  if (!taken.tookContent) {
    await memory.cache?.close();
    memory.bodies.close();
  }
  if (memory.imagePipeline && !taken.tookImages) {
    const { closeImagePipeline } = await import('./prepare-site-images.js');
    await closeImagePipeline(memory.imagePipeline);
  }
}

/** The stages, run again without the cache when cached HTML turns out corrupt. */
async function runStagesOnce(
  context: SessionContext,
  changes: SourceChanges | undefined,
  mode: BuildMode,
): Promise<SessionBuildResult> {
  try {
    return await runStages(context, changes, mode);
  } catch (error) {
    if (!(error instanceof CacheCorruptionError)) throw error;
    // Cached HTML is checked as it is read: corruption found then means building again
    // without anything the cache gave (nothing was written: writes are staged).
    context.options.logger.debug(`cache     ${error.message}: building again without the cache`);
    forgetContent(context.memory);
    return await runStages(context, changes, mode);
  }
}

/**
 * One build, as its stages: inputs → process → model → images → render →
 * write → save. The stages after `inputs` are loaded once there is
 * something to build: a build that finds nothing changed never loads them,
 * and loading code is much of such a build's time. Each stage is timed at
 * debug level (`--verbose`); render and write interleave (pages are written
 * as they are rendered), so their times are told apart by the time spent
 * producing the outputs. A dry run renders without writing or saving.
 */
async function runStages(
  context: SessionContext,
  changes: SourceChanges | undefined,
  mode: BuildMode,
): Promise<SessionBuildResult> {
  const started = performance.now();
  const timings: StageTiming[] = [];
  const time = createStageTimer(context.options, timings);
  const dryRun = mode.write === false;
  const inputs = await time('inputs', () => readInputs(context, changes, dryRun));
  if (inputs.upToDate && !dryRun)
    return upToDateResult(context, started, timings, [...inputs.warnings, ...(inputs.carried ?? [])]);
  const stages = await import('./later-stages.js');
  stages.checkLocaleData(context.config);
  const { processContent, modelSite, modelOrFailures, addSiteData, failedDryRun, prepareSiteImages } = stages;
  const { renderOutputs, drain, writeOutputs, saveSession } = stages;
  const processed = await time('process', () => processContent(context, inputs));
  const model = await time('model', async (): Promise<SiteModel | FailedModel> => {
    const made = dryRun ? modelOrFailures(context, inputs, processed) : modelSite(context, inputs, processed);
    return 'failures' in made ? made : addSiteData(context, made, dryRun);
  });
  if ('failures' in model) return { ...upToDateResult(context, started, timings, []), ...failedDryRun(context, model) };
  const images = await time('images', () => prepareSiteImages(context, model, dryRun));
  if (images.errors.length > 0)
    return { ...upToDateResult(context, started, timings, []), ...failedDryRun(context, model, images.errors) };
  const renderStarted = performance.now();
  const plan = await renderOutputs(context, inputs, processed, { model, images }, dryRun);
  const setupMs = performance.now() - renderStarted;
  let producingMs = 0;
  context.options.progress?.start('render', 'files');
  const outputs = timeIterable(plan.outputs, (ms) => {
    producingMs += ms;
    context.options.progress?.advance();
  });
  const writeStarted = performance.now();
  const written = dryRun
    ? await drain({ ...plan, outputs })
    : await writeOutputs(context, inputs, { ...plan, outputs });
  time.report('render', setupMs + producingMs);
  time.report('write', Math.max(0, performance.now() - writeStarted - producingMs));
  const held = describeHeldBack(context);
  if (!dryRun) {
    const searchOwed = plan.searchDeferred === true; // A deferred build into a new output folder made the index.
    const warnings = [...model.warnings, ...images.warnings];
    await time('save', () => saveSession(context, inputs, processed, model, written, warnings, { searchOwed, held }));
    Object.assign(context.memory, { sitemapMonths: plan.sitemapMonths?.(), searchOwed });
    if (context.memory.imagePipeline) {
      const { digest } = images.images;
      Object.assign(context.memory.imagePipeline, { digest, last: images.images, originals: images.originals });
    }
  }
  return {
    articles: model.site.articles.length,
    pages: model.site.pages.length,
    written: written.written,
    deleted: written.deleted,
    processed: processed.stale.length,
    upToDate: false,
    durationMs: performance.now() - started,
    warnings: [...inputs.warnings, ...model.warnings, ...images.warnings],
    timings,
    content: model.articles,
    imageSizes: context.memory.images?.sizes,
    images: { read: images.read, encoded: images.encoded },
    held,
  };
}

function upToDateResult(
  context: SessionContext,
  started: number,
  timings: StageTiming[],
  warnings: readonly Diagnostic[],
): SessionBuildResult {
  const state = context.memory.cache?.state;
  return {
    articles: state?.articleCount ?? 0,
    pages: state?.pageCount ?? 0,
    written: [],
    deleted: [],
    processed: 0,
    upToDate: true,
    durationMs: performance.now() - started,
    warnings,
    timings,
    held: state?.held,
  };
}
