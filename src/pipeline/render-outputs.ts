import { existsSync } from 'node:fs';
import { hashBytes } from '../hash/hash-bytes.js';
import { resolveStrings } from '../i18n/strings.js';
import {
  createDependentsIndexer,
  describeSiteStructure,
  type PageDependents,
  splitKeptPages,
} from '../incremental/page-dependents.js';
import type { PlanInput, PlannedOutput } from '../plan/plan-outputs.js';
import type { Renderer } from '../render/create-renderer.js';
import type { Page } from '../site/site.js';
import type { SiteModel } from './model-site.js';
import type { ProcessedContent } from './process-content.js';
import type { BuildInputs } from './read-inputs.js';
import { measureStaticImages } from './read-static-info.js';
import type { SessionContext } from './session-memory.js';

/** The outputs of one build as a lazy stream, and what writing them needs to know. */
export interface RenderPlan {
  /** Every output (or, for a partial plan, every output that may have changed), rendered as it is pulled. */
  readonly outputs: AsyncIterable<PlannedOutput>;
  /** True when the output folder holds this session's last build, so only changes are written. */
  readonly incremental: boolean;
  /** True when `outputs` holds only what may have changed: every other output stays as it is. */
  readonly partial: boolean;
  /** Pages of the last build kept as they are without being planned (their paths). */
  readonly unchanged: Iterable<string> | undefined;
  /** Output path → fingerprint of every output planned or kept; complete once `outputs` is drained. */
  readonly fingerprints: Map<string, string>;
  /** Which pages show each article, once `outputs` is drained; undefined when unknown. */
  dependents(): PageDependents | undefined;
  /** Stops any render threads. */
  close(): Promise<void>;
}

/**
 * The `render` stage: compiles the templates (or takes last build's code),
 * then plans every output with the narrowest strategy that is exact: a
 * body-only edit renders the edited pages and the feeds that carry them; a
 * change that keeps the site's structure renders only the pages showing the
 * changed articles; anything else fingerprints every page and renders those
 * whose data changed, on render threads when there are many.
 */
export async function renderOutputs(
  context: SessionContext,
  inputs: BuildInputs,
  processed: ProcessedContent,
  model: SiteModel,
  dryRun = false,
): Promise<RenderPlan> {
  const { config, memory } = context;
  const renderer = (memory.renderer ??= await compileTemplates(context, inputs, dryRun));
  const imageSizes = await measureImages(context, inputs);
  const cache = memory.cache;
  // A dry run writes nothing, so what matters is only what the last build rendered, wherever it went.
  const incremental =
    memory.outputs.fingerprints.size > 0 &&
    (dryRun || (cache?.state.outDir === config.outDir && existsSync(config.outDir)));
  const input: PlanInput = {
    site: model.site,
    config,
    renderer,
    staticInfo: { imageSizes, paths: inputs.staticListing.paths },
    previous: incremental ? memory.outputs.fingerprints : new Map<string, string>(),
    settings: inputs.settings,
    bodies: memory.bodies,
  };
  const { planBodyEdit } = await import('../plan/plan-outputs.js');
  if (incremental && model.bodyOnly) {
    const fingerprints = new Map<string, string>();
    const outputs = recordFingerprints(planBodyEdit({ ...input, pages: model.bodyOnly }), fingerprints);
    return {
      outputs,
      incremental,
      partial: true,
      unchanged: undefined,
      fingerprints,
      dependents: () => undefined,
      close: async () => undefined,
    };
  }
  return planSite(context, input, { incremental, processed, model, renderer });
}

/** The whole site's outputs: only the pages showing changed articles when the structure is the last build's. */
async function planSite(
  context: SessionContext,
  input: PlanInput,
  build: { incremental: boolean; processed: ProcessedContent; model: SiteModel; renderer: Renderer },
): Promise<RenderPlan> {
  const { memory, config, options } = context;
  const { site } = build.model;
  const last = memory.outputs;
  // A model patched in place has the last build's structure by construction: not described again.
  const structure =
    build.model.patched && last.dependents ? last.dependents.structure : describeSiteStructure(site, input.settings);
  const kept =
    build.incremental && last.dependents?.structure === structure && last.dependents.paths.length === site.pages.length
      ? last.dependents
      : undefined;
  // Every other page keeps its fingerprint and its file without being looked at.
  const split =
    kept &&
    splitKeptPages(
      kept,
      build.processed.stale.map((entry) => entry.source.path),
      last,
    );
  const fingerprints = new Map<string, string>(split?.kept);
  const indexer = kept ? undefined : createDependentsIndexer(structure, site.pages);
  const [{ planOutputs }, { planOutputsInParallel }, { createRenderOffload }] = await Promise.all([
    import('../plan/plan-outputs.js'),
    import('../plan/plan-in-parallel.js'),
    import('../plan/render-offload.js'),
  ]);
  // Many pages to render: article pages also render on worker threads, while this one renders the listings.
  const offload = split
    ? undefined
    : createRenderOffload(
        {
          config,
          templates: memory.theme?.files.templates ?? [],
          precompiled: build.renderer.precompiled,
          strings: resolveStrings(config.locale, config.strings),
          sections: site.sections,
          imageSizes: input.staticInfo.imageSizes ?? new Map(),
        },
        options.concurrency,
        site.pages.length,
      );
  const full = { ...input, structure, onlyPages: split?.plan };
  const planned = offload ? planOutputsInParallel(full, offload) : planOutputs(full);
  return {
    outputs: recordFingerprints(planned, fingerprints, indexer),
    incremental: build.incremental,
    partial: false,
    unchanged: split?.kept.keys(),
    fingerprints,
    dependents: () => kept ?? indexer?.finish(),
    close: async () => offload?.close(),
  };
}

/** The renderer from the theme's templates, reusing code an earlier build generated for the same sources. */
async function compileTemplates(context: SessionContext, inputs: BuildInputs, dryRun: boolean): Promise<Renderer> {
  const { config, memory } = context;
  const { compileRenderer } = await import('../render/create-renderer.js');
  const files = inputs.theme.files;
  const key = hashBytes(JSON.stringify(files.templates.map((template) => [template.name, template.source])));
  const precompiled = await memory.cache?.loadTemplates(key);
  const strings = resolveStrings(config.locale, config.strings);
  const compiled = compileRenderer(
    files,
    { themeDir: config.themeDir, templatesDir: config.templatesDir, strings },
    precompiled,
  );
  if (!precompiled && !dryRun) await memory.cache?.saveTemplates(key, compiled.precompiled);
  return compiled;
}

/** Sizes of the static images, measured again only when the static folder changed. */
async function measureImages(context: SessionContext, inputs: BuildInputs) {
  const { memory } = context;
  const stamp = inputs.staticListing.stamp;
  if (memory.images?.stamp !== stamp)
    memory.images = { stamp, sizes: await measureStaticImages(inputs.staticListing.files) };
  return memory.images.sizes;
}

async function* recordFingerprints(
  outputs: AsyncIterable<PlannedOutput>,
  into: Map<string, string>,
  dependents?: { add(path: string, page: Page): void },
): AsyncGenerator<PlannedOutput> {
  for await (const output of outputs) {
    into.set(output.path, output.fingerprint);
    if (dependents && output.page) dependents.add(output.path, output.page);
    yield output;
  }
}
