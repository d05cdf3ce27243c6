import { existsSync } from 'node:fs';
import { sitePath } from '../config/site-paths.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { resolveStrings } from '../i18n/strings.js';
import { yearAt } from '../i18n/zone-clock.js';
import type { SiteImages } from '../images/site-images.js';
import { describeHistory, extendHistory, type SiteHistory } from '../incremental/history.js';
import type { PlanInput } from '../plan/plan-outputs.js';
import type { Renderer } from '../render/create-renderer.js';
import { isFeatured } from '../site/featured.js';
import { findImageSize, type ImageSizes } from '../site/image-size.js';
import { isLive } from '../site/live.js';
import { isAhead } from '../site/select-published.js';
import type { Page, Site, SiteArticle } from '../site/site.js';
import type { SitemapMonths } from '../syndication/create-sitemaps.js';
import { diffBuiltImages, type ImageFileChanges, NO_IMAGE_CHANGES, withFreshImageFiles } from './image-file-changes.js';
import { indexSearch } from './index-search.js';
import { measureSiteImages } from './measure-site-images.js';
import type { SiteModel } from './model-site.js';
import { planSite } from './plan-site.js';
import type { BuiltImages } from './prepare-site-images.js';
import type { ProcessedContent } from './process-content.js';
import type { BuildInputs } from './read-inputs.js';
import { type RenderPlan, recordFingerprints } from './render-plan.js';
import type { SessionContext } from './session-memory.js';

/**
 * The `render` stage: compiles the templates (or takes last build's code),
 * then plans every output with the narrowest strategy that is exact: a
 * body-only edit renders the edited pages and the feeds that carry them; a
 * change that keeps the site's structure renders only the pages showing the
 * changed articles; anything else fingerprints every page and renders those
 * whose data changed, on render threads when there are many. Pages show the
 * images stage's pictures, and its files follow the pages; then, with
 * `search: true`, the search index.
 */
export async function renderOutputs(
  context: SessionContext,
  inputs: BuildInputs,
  processed: ProcessedContent,
  built: { readonly model: SiteModel; readonly images: BuiltImages },
  dryRun = false,
): Promise<RenderPlan> {
  // Told by whichever plan plans the sitemaps (or keeps the last build's), for the session's next publish.
  let sitemapMonths: SitemapMonths | undefined;
  const keepSitemapMonths = (months: SitemapMonths) => {
    sitemapMonths = months;
  };
  const plan = await planBuild(context, inputs, processed, built, { dryRun, keepSitemapMonths });
  // With `search: true`, the search index follows the pages (see `indexSearch`).
  return indexSearch(context, built.model.site, { ...plan, sitemapMonths: () => sitemapMonths }, dryRun);
}

async function planBuild(
  context: SessionContext,
  inputs: BuildInputs,
  processed: ProcessedContent,
  built: { readonly model: SiteModel; readonly images: BuiltImages },
  {
    dryRun,
    keepSitemapMonths,
  }: { readonly dryRun: boolean; readonly keepSitemapMonths: PlanInput['keepSitemapMonths'] },
): Promise<RenderPlan> {
  const { config, memory } = context;
  const { images } = built;
  // Other pictures than the last build's: a page the patch did not touch may show one, so nothing counts as
  // patched; but a publish changes the digest by itself (its article, the headline), and is kept when no
  // other article's pictures changed.
  const model =
    memory.imagePipeline?.digest === images.images.digest
      ? built.model
      : {
          ...built.model,
          patched: false,
          bodyOnly: undefined,
          publish: keepsPictures(built.model, memory.imagePipeline?.last, images.images)
            ? built.model.publish
            : undefined,
        };
  const renderer = (memory.renderer ??= await compileTemplates(context, inputs, dryRun));
  const imageSizes = await measureSiteImages(context, inputs.staticListing, dryRun);
  const cache = memory.cache;
  // A dry run writes nothing, so what matters is only what the last build rendered, wherever it went.
  const incremental =
    memory.outputs.fingerprints.size > 0 &&
    (dryRun || (cache?.state.outDir === sitePath(config, config.outDir) && existsSync(config.outDir)));
  const siteData = model.siteData;
  // Plugins' data may show on any page, and the clock's year on every footer: pages are
  // fingerprinted with both (the settings leave the clock out).
  const year = `year ${yearAt(config.now.getTime(), config.timeZone)}`;
  const statics = describeStaticReads(context, inputs, model.site, { imageSizes, shared: images.images.shared });
  const settings = hashBytes(
    [inputs.pageSettings, statics, year, ...(siteData?.hash ? [siteData.hash] : [])].join('\n'),
  );
  const input: PlanInput = {
    site: model.site,
    config,
    renderer,
    staticInfo: { imageSizes, paths: inputs.staticListing.paths, hostRedirects: inputs.staticListing.hostRedirects },
    previous: incremental ? memory.outputs.fingerprints : new Map<string, string>(),
    settings,
    bodies: memory.bodies,
    dataFiles: inputs.data,
    images: images.images,
    ...(siteData?.hash ? { siteData: siteData.data } : {}),
    // Entries written under other settings are dropped: an item reads the config, the theme's components and
    // the static images' sizes besides its article, which its description holds.
    feedEntries: memory.feedEntries.forBuild(settings),
    redirectFiles: memory.redirectFiles,
    keepSitemapMonths,
  };
  // An article is its file and its pictures: a new photo under the same file changes its pages. And whether it
  // leads at this build's clock: past its `featuredUntil` the same file leads no more; whether its live
  // blog is still marked live (`liveUntil`); and whether it is still ahead of the clock (a preview marks it).
  const historySettings = `${settings}\n${images.images.shared}`;
  const now = config.now.getTime();
  const sourceHash = (article: SiteArticle) =>
    `${memory.results.get(article.sourcePath)?.hash ?? ''} ${images.images.lead(article.sourcePath)} ${images.images.body(article.sourcePath)}${isFeatured(article, now) ? ' lead' : ''}${isLive(article, now) ? ' live' : ''}${isAhead(article, now) ? ' ahead' : ''}`;
  const { publish } = model;
  const lastDependents = memory.outputs.dependents;
  // A partial plan publishes the image files that changed since the last build (a dry run lists none: it
  // compares none); without the last build's list of them, every output is planned.
  const lastFiles = memory.imagePipeline?.originals;
  const imageChanges = () =>
    dryRun || !lastFiles ? NO_IMAGE_CHANGES : diffBuiltImages(images, lastFiles, memory.outputs.images ?? new Map());
  if (incremental && publish && lastDependents && lastFiles) {
    const { planPublish } = await import('./plan-publish.js');
    const last = memory.outputs.history;
    const history = () => extendHistory(last, model.site, historySettings, sourceHash, publish.change);
    context.options.logger.debug(`plan      publish: ${publish.changed.size} pages may differ, the rest are kept`);
    return planPublish(input, publish, lastDependents, history, imageChanges(), memory.sitemapMonths);
  }
  if (incremental && model.bodyOnly && lastFiles) {
    // Described once the edited pages are written: only the next build reads it.
    const history = () => describeHistory(model.site, historySettings, sourceHash);
    return planBodyOnly(context, { ...input, pages: model.bodyOnly }, imageChanges(), history);
  }
  const history = describeHistory(model.site, historySettings, sourceHash);
  return planSite(context, input, { incremental, processed, model, renderer, history, images });
}

/**
 * The plan of a body-only edit: the edited pages, the feeds that carry them
 * and the image files that changed. A body moves no page and no sitemap
 * entry: the last build's dependents index and sitemap months hold.
 */
async function planBodyOnly(
  { memory }: SessionContext,
  input: PlanInput & { readonly pages: ReadonlySet<Page> },
  files: ImageFileChanges,
  history: () => SiteHistory,
): Promise<RenderPlan> {
  const { planBodyEdit } = await import('../plan/plan-outputs.js');
  const gone = [...files.gone.filter((path) => input.previous.has(path)), ...files.derivedGone];
  const fingerprints = new Map<string, string>();
  if (memory.sitemapMonths) input.keepSitemapMonths?.(memory.sitemapMonths);
  return {
    outputs: recordFingerprints(withFreshImageFiles(planBodyEdit(input), files.fresh), fingerprints),
    incremental: true,
    partial: true,
    ...(gone.length > 0 ? { deleted: gone } : {}),
    derived: { groups: files.groups, gone: files.derivedGone },
    unchanged: undefined,
    fingerprints,
    // With image files to delete, the last index is this build's too.
    dependents: () => memory.outputs.dependents,
    history,
    close: async () => undefined,
  };
}

/**
 * Whether every article of a publish patch's site but the published one
 * shows the same pictures as in the last build (and so do avatars and the
 * logo): then only the pages the patch names can show other pictures.
 */
function keepsPictures(
  model: SiteModel,
  last: Pick<SiteImages, 'shared' | 'lead' | 'body'> | undefined,
  images: SiteImages,
): boolean {
  const { publish } = model;
  if (!publish || !last || last.shared !== images.shared) return false;
  return model.site.articles.every(
    ({ sourcePath }) =>
      sourcePath === publish.article.sourcePath ||
      (last.lead(sourcePath) === images.lead(sourcePath) && last.body(sourcePath) === images.body(sourcePath)),
  );
}

/**
 * What every page may read of the static folder, for the pages' settings:
 * the avatars' and the logo's identities with their sizes (`shared`), and the
 * sizes of the standalone pages' images (a few pages, so a change to one
 * renders every page again). Articles' images are in the articles'
 * fingerprints (see `SiteImages`). A plugin's template helper may read any
 * file: with one, the whole static folder counts, as it did for every site.
 */
function describeStaticReads(
  context: SessionContext,
  inputs: BuildInputs,
  site: Site,
  { imageSizes, shared }: { readonly imageSizes: ImageSizes; readonly shared: string },
): string {
  const helpers = (context.memory.plugins?.helpers.length ?? 0) > 0;
  const pages = site.pages.flatMap((page) => {
    const src = page.kind === 'page' ? page.entry.image?.src : undefined;
    const size = src === undefined ? undefined : findImageSize(imageSizes, src);
    return size ? [`${src} ${size.width}x${size.height}`] : [];
  });
  return hashBytes([...(helpers ? [inputs.staticListing.stamp] : []), shared, ...pages].join('\n'));
}

/** The renderer from the theme's templates, reusing code an earlier build generated for the same sources. */
async function compileTemplates(context: SessionContext, inputs: BuildInputs, dryRun: boolean): Promise<Renderer> {
  const { config, memory } = context;
  const [{ compileRenderer }, { readBuiltinTemplates, templatesKey }] = await Promise.all([
    import('../render/create-renderer.js'),
    import('../render/builtin-templates.js'),
  ]);
  const files = inputs.theme.files;
  const key = templatesKey(files.templates);
  const cached = await memory.cache?.loadTemplates(key);
  // The built-in theme as it is: compiled when the package was built, so a cold build skips parsing it.
  const precompiled = cached ?? (await readBuiltinTemplates(key));
  const strings = resolveStrings(config.locale, config.strings);
  const helpers = memory.plugins?.helpers ?? [];
  const compiled = compileRenderer(
    files,
    { themeDir: config.themeDir, templatesDir: config.templatesDir, strings, helpers },
    precompiled,
  );
  if (!cached && !dryRun) await memory.cache?.saveTemplates(key, compiled.precompiled);
  return compiled;
}
