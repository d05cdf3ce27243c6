import { readFile } from 'node:fs/promises';
import { CacheCorruptionError } from '../cache/build-cache.js';
import { resolveStrings } from '../i18n/strings.js';
import { diffDerivedGroups } from '../images/derived-groups.js';
import { compareHistories, isSettled, type SiteHistory, type Unchanged } from '../incremental/history.js';
import {
  createDependentsIndexer,
  describeSiteStructure,
  type PageDependents,
  splitKeptPages,
} from '../incremental/page-dependents.js';
import type { OutputState } from '../incremental/stored-outputs.js';
import { urlToKnownOutputPath } from '../output/resolve-output-path.js';
import type { PlanInput, PlannedOutput } from '../plan/plan-outputs.js';
import type { Renderer } from '../render/create-renderer.js';
import { isLive } from '../site/live.js';
import { createPositionFinder, positionsOf } from '../site/positions.js';
import { isAhead } from '../site/select-published.js';
import type { Site, SiteArticle } from '../site/site.js';
import type { ImageFile } from './image-state.js';
import type { SiteModel } from './model-site.js';
import type { BuiltImages } from './prepare-site-images.js';
import type { ProcessedContent } from './process-content.js';
import { type RenderPlan, recordFingerprints } from './render-plan.js';
import type { SessionContext } from './session-memory.js';

/** In `PageSelection.known`: a kept page the last build's index does not have, and a page not kept. */
const KEPT_UNINDEXED = -1;
const NOT_KEPT = -2;

/** What a build knows when it plans the whole site. */
export interface SiteBuild {
  readonly incremental: boolean;
  readonly processed: ProcessedContent;
  readonly model: SiteModel;
  readonly renderer: Renderer;
  readonly history: SiteHistory;
  readonly images: BuiltImages;
}

/** Which pages to plan, and which keep the file and fingerprint the last build left. */
interface PageSelection {
  /** Indexes into `site.pages` of the pages to plan; undefined: every page. */
  readonly plan: ReadonlySet<number> | undefined;
  /** Output path → fingerprint of every page kept: a new map, which becomes the build's fingerprints. */
  readonly kept: Map<string, string>;
  /** The last build's dependents index, when it still holds (the same structure). */
  readonly dependents: PageDependents | undefined;
  /**
   * Kept pages: by the page's index, its position in the last build's index
   * when it had it, `KEPT_UNINDEXED` when not, `NOT_KEPT` for a page planned;
   * undefined when no page is kept this way.
   */
  readonly known: Int32Array | undefined;
}

/**
 * The whole site's outputs, planning as few pages as is exact: when the
 * site's structure is the last build's, only the pages showing a changed
 * article; when the oldest articles are unchanged (a publish, or a change to
 * recent articles), every page built only from them is kept (see
 * `isSettled`); else every page, with render threads when there are many.
 */
export async function planSite(context: SessionContext, input: PlanInput, build: SiteBuild): Promise<RenderPlan> {
  const { site } = build.model;
  const last = context.memory.outputs;
  const now = context.config.now.getTime();
  // A model patched in place has the last build's structure by construction: not described again.
  // Otherwise the site's images are part of it: when any changed, the pages showing no changed article are looked at too.
  const structure =
    build.model.patched && last.dependents
      ? last.dependents.structure
      : describeSiteStructure(site, `${input.settings}\n${build.images.images.digest}\n${markedByClock(site, now)}`);
  const selection = selectPages(site, last, build, structure);
  const looked = selection.plan?.size ?? site.pages.length;
  context.options.logger.debug(`plan      ${looked} of ${site.pages.length} pages looked at, the rest kept`);
  // The kept pages' paths, listed before their map becomes the build's fingerprints (planned pages are added to
  // it): no copy of a map that holds every page of a large site (143,000 entries, 55-75 ms, at 100,000 articles).
  const unchanged = [...selection.kept.keys()];
  const fingerprints = selection.kept;
  // Page bundles' originals as the last build left them are kept the same way.
  const imageFiles: ImageFile[] = [];
  for (const file of build.images.originals)
    if (input.previous.get(file.path) === file.fingerprint) {
      unchanged.push(file.path);
      fingerprints.set(file.path, file.fingerprint);
    } else imageFiles.push(file);
  // Derived files are compared a photo at a time: only a new or changed photo's files are looked at one by one.
  const derived = diffDerivedGroups(build.images.derived, build.incremental ? (last.images ?? new Map()) : new Map());
  for (const file of derived.fresh) imageFiles.push(build.images.derivedFile(file));
  const indexer = selection.dependents ? undefined : createDependentsIndexer(structure, site.pages);
  if (indexer) {
    // A kept page shows what it showed in the last build: its articles come from the last index, renumbered.
    const lastIndex = context.memory.outputs.dependents;
    const moved = lastIndex ? new Int32Array(lastIndex.paths.length).fill(-1) : undefined;
    const known = selection.known ?? new Int32Array(0);
    for (let index = 0; index < known.length; index++) {
      const before = known[index] as number;
      const page = site.pages[index];
      if (!page || before === NOT_KEPT) continue;
      if (moved && before >= 0) moved[before] = index;
      // Kept pages are not written: their paths were checked when the last build wrote them.
      else indexer.add(urlToKnownOutputPath(page.url), page);
    }
    if (lastIndex && moved) indexer.addMoved(lastIndex, moved);
  }
  const [{ planOutputs }, { planOutputsInParallel }, { createRenderOffload }] = await Promise.all([
    import('../plan/plan-outputs.js'),
    import('../plan/plan-in-parallel.js'),
    import('../plan/render-offload.js'),
  ]);
  const { config, memory, options } = context;
  // Many pages to render: they render on worker threads too, each given the site's articles once.
  const offload = selection.plan
    ? undefined
    : createRenderOffload(
        {
          config,
          templates: memory.theme?.files.templates ?? [],
          precompiled: build.renderer.precompiled,
          strings: resolveStrings(config.locale, config.strings),
          articles: site.articles,
          sections: site.sections,
          menus: site.menus,
          dataFiles: input.dataFiles ?? {},
          imageSizes: input.staticInfo.imageSizes ?? new Map(),
          imageSources: build.images.sources,
          siteData: input.siteData ?? {},
        },
        options.concurrency,
        site.pages.length,
      );
  const full = { ...input, structure, onlyPages: selection.plan };
  const planned = offload ? planOutputsInParallel(full, offload) : planOutputs(full);
  return {
    outputs: recordFingerprints(withImageFiles(planned, imageFiles), fingerprints, indexer),
    incremental: build.incremental,
    partial: false,
    derived: { groups: build.images.derived, gone: derived.gone },
    unchanged,
    fingerprints,
    dependents: () => selection.dependents ?? indexer?.finish(),
    history: () => build.history,
    close: async () => offload?.close(),
  };
}

/**
 * The planned outputs, then the image files whose fingerprint changed (an
 * I/O edge: their bytes are read from the store or the content folder one at
 * a time as the writer pulls them).
 */
async function* withImageFiles(
  outputs: AsyncIterable<PlannedOutput>,
  files: readonly ImageFile[],
): AsyncGenerator<PlannedOutput> {
  yield* outputs;
  for (const file of files) yield imageOutput(file, await readImageFile(file.file));
}

/**
 * An image file as an output: kept by its fingerprint, not by a hash of its
 * bytes (a photo archive's derived files are hundreds of megabytes), since
 * the fingerprint changes whenever the bytes can.
 */
export function imageOutput(file: ImageFile, contents: Buffer): PlannedOutput {
  const output = { path: file.path, fingerprint: file.fingerprint, contents, hash: file.fingerprint };
  return file.derived ? { ...output, derived: true } : output;
}

/**
 * An image file's bytes. One the cache should hold but does not (deleted by
 * hand) makes the build start again without trusting the cache, which plans
 * and encodes it again (see `forgetContent`).
 */
export async function readImageFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new CacheCorruptionError(`${file} is missing`);
  }
}

/**
 * The articles the clock marks on their pages, part of the site's structure:
 * live blogs whose `liveUntil` has not passed, and (only with `future`)
 * articles dated after `now`, which a preview marks as scheduled (see
 * `ResolvedConfig.preview`). When either list changes, every page is looked
 * at again though no file changed.
 */
function markedByClock(site: Site, now: number): string {
  const live: string[] = [];
  const ahead: string[] = [];
  for (const article of site.articles) {
    if (isLive(article, now)) live.push(article.sourcePath);
    if (isAhead(article, now)) ahead.push(article.sourcePath);
  }
  return JSON.stringify([live, ahead]);
}

function selectPages(site: Site, last: OutputState, build: SiteBuild, structure: string): PageSelection {
  const none = { plan: undefined, kept: new Map(), dependents: undefined, known: undefined };
  if (!build.incremental) return none;
  const dependents = last.dependents;
  if (dependents?.structure === structure && dependents.paths.length === site.pages.length) {
    const split = splitKeptPages(
      dependents,
      build.processed.stale.map((entry) => entry.source.path),
      last,
    );
    return { plan: split.plan, kept: split.kept, dependents, known: undefined };
  }
  const unchanged = compareHistories(last.history, build.history);
  return unchanged.count > 0 ? selectSettled(site, last, unchanged) : none;
}

/** Keeps every page built only from the `unchanged` oldest articles, with the file and fingerprint it has. */
function selectSettled(site: Site, last: OutputState, unchanged: Unchanged): PageSelection {
  const positions = positionsOf(site.articles);
  const lastPosition = createPositionFinder(last.dependents?.paths ?? []);
  const plan = new Set<number>();
  const kept = new Map<string, string>();
  const known = new Int32Array(site.pages.length).fill(NOT_KEPT);
  const touched = unchanged.appended ? undefined : pagesShowingNewer(site, last, unchanged);
  const showedNewer = touched && ((frontUrl: string) => touched.has(urlToKnownOutputPath(frontUrl)));
  site.pages.forEach((page, index) => {
    const path = isSettled(page, site, unchanged, positions, showedNewer) ? urlToKnownOutputPath(page.url) : '';
    const fingerprint = path ? last.fingerprints.get(path) : undefined;
    if (fingerprint === undefined || !last.outputs.has(path)) {
      plan.add(index);
      return;
    }
    kept.set(path, fingerprint);
    known[index] = lastPosition(path, index) ?? KEPT_UNINDEXED;
  });
  return { plan, kept, dependents: undefined, known };
}

/**
 * Output paths of the last build's pages that showed an article newer than
 * the unchanged oldest ones (since changed, moved or deleted); undefined
 * when the last build left no index of what its pages showed.
 */
function pagesShowingNewer(site: Site, last: OutputState, unchanged: Unchanged): ReadonlySet<string> | undefined {
  const index = last.dependents;
  if (!index) return undefined;
  // The unchanged articles are the same files in both builds: every other source the index names was newer.
  const settled = new Set<string>();
  for (let position = site.articles.length - unchanged.count; position < site.articles.length; position++)
    settled.add((site.articles[position] as SiteArticle).sourcePath);
  const touched = new Set<string>();
  for (const source in index.byArticle) {
    if (settled.has(source)) continue;
    for (const position of index.byArticle[source] ?? []) touched.add(index.paths[position] as string);
  }
  return touched;
}
