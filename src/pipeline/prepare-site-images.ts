import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileStamp } from '../boundary/file-stamp.js';
import { createDisplayPaths, createFileDisplayPaths } from '../content/load-content.js';
import { isPluginPagePath } from '../content/standalone-page.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { failOnErrors } from '../diagnostics/fail-on-errors.js';
import type { DerivedFile, DerivedGroups } from '../images/derived-groups.js';
import { openDerivedStore } from '../images/derived-store.js';
import { encodeMissing } from '../images/encode-missing.js';
import type { ImageEncoder } from '../images/image-encoder.js';
import { type PreparedImages, prepareImages } from '../images/prepare-images.js';
import { identifySiteImages, type SiteImages } from '../images/site-images.js';
import type { SourceImage } from '../images/source-image.js';
import { createCatalogSettings } from '../plan/site-catalog.js';
import { findImageSize } from '../site/image-size.js';
import { collectArticleOwners, collectOwners, logoOwner } from './collect-image-owners.js';
import type { ImageFile } from './image-state.js';
import { measureSiteImages } from './measure-site-images.js';
import type { SiteModel } from './model-site.js';
import type { ImagePipeline, SessionContext } from './session-memory.js';

/** What the `images` stage gives the render and write stages. */
export interface BuiltImages {
  readonly images: SiteImages;
  /** What was read of each local image: render threads rebuild the catalog from it. */
  readonly sources: ReadonlyMap<string, SourceImage>;
  /** Page bundles' originals to publish (none in a dry run): sorted by output path when a later build of the session diffs them. */
  readonly originals: readonly ImageFile[];
  /** The derived files the pages link, by photo (none in a dry run). */
  readonly derived: DerivedGroups;
  /** A derived file as a file to publish: where the store keeps its bytes. */
  readonly derivedFile: (file: DerivedFile) => ImageFile;
  readonly warnings: readonly Diagnostic[];
  /** A dry run's image errors (a build throws them instead). */
  readonly errors: readonly Diagnostic[];
  /** How many source files were decoded, and how many derived files were encoded. */
  readonly read: number;
  readonly encoded: number;
}

/**
 * The `images` stage (I/O: reads images, writes only the build cache's
 * store): finds every image the published articles and author profiles
 * show, reads each file once (or takes what the store remembers of it),
 * fails the build on a missing, broken, oversized or outside image, with the
 * file and line of every article using it, before anything is written; then
 * encodes the derived files the store does not hold yet. A warm build
 * decodes and encodes nothing. A dry run reads but never encodes.
 */
export async function prepareSiteImages(
  context: SessionContext,
  model: SiteModel,
  dryRun: boolean,
): Promise<BuiltImages> {
  const { config, memory, options } = context;
  const pipeline = (memory.imagePipeline ??= await openImagePipeline(options.cacheDir));
  const displayPathOfFile = createDisplayPaths(config.contentDir, config.root);
  // A plugin's page is named as it is (`plugin "pilkada" /pilkada/jawa-tengah/`): it has no file.
  const displayPathOf = (sourcePath: string) =>
    isPluginPagePath(sourcePath) ? sourcePath : displayPathOfFile(sourcePath);
  const articleOwners = collectArticleOwners(
    model,
    memory.results,
    displayPathOf,
    config.images === false,
    pipeline.owners,
  );
  pipeline.owners = articleOwners;
  const owners = collectOwners(model.site, articleOwners, displayPathOf, memory.results, memory.pluginPages);
  const logo = logoOwner(config);
  if (logo) owners.push(logo);
  const prepared = await prepareImages(owners, {
    ...createCatalogSettings(config),
    store: pipeline.store,
    encoder: pipeline.encoder,
    displayPath: createFileDisplayPaths(config.root),
    staticStamps: memory.staticListing?.stamps,
    staticReads: memory.staticReads,
  });
  const errors = prepared.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const warnings = prepared.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');
  const built = {
    images: identifySiteImages(prepared.catalog, owners, {
      pictures: config.images !== false,
      sizeOf: await staticSizes(context, dryRun),
      articles: model.site.articles,
    }),
    sources: prepared.sources,
    warnings,
    errors,
    read: prepared.read,
  };
  const derivedFile = (file: DerivedFile): ImageFile => ({
    path: file.path,
    fingerprint: file.key,
    file: pipeline.store.fileOf({ key: file.key, urlPath: file.path }),
    derived: true,
  });
  if (dryRun) return { ...built, originals: [], derived: new Map(), derivedFile, encoded: 0 };
  failOnErrors(errors, 'images');
  options.progress?.start('images', 'files');
  const encoded = await encodeMissing(prepared.jobs, {
    encoder: pipeline.encoder,
    store: pipeline.store,
    onEncoded: (count) => options.progress?.advance(count),
  });
  prepared.remember();
  await pipeline.store.save();
  options.logger.debug(`images    ${prepared.read} read, ${encoded} encoded`);
  // Only a later build of the session compares lists of image files, which it does sorted.
  const originals = await listOriginals(prepared, options.once !== true);
  return { ...built, originals, derived: prepared.derived, derivedFile, encoded };
}

/** The measured size of a static image by the path an article links (see `findImageSize`). */
async function staticSizes(context: SessionContext, dryRun: boolean) {
  const listing = context.memory.staticListing;
  if (!listing) return undefined;
  const sizes = await measureSiteImages(context, listing, dryRun);
  return (src: string) => findImageSize(sizes, src);
}

/** Removes what the session's image pipeline keeps only for the session (a store without a cache folder). */
export async function closeImagePipeline(pipeline: ImagePipeline | undefined): Promise<void> {
  if (pipeline?.temporaryDir) await rm(pipeline.temporaryDir, { recursive: true, force: true, maxRetries: 3 });
}

/** The store lives in the cache folder (`images/`), or in a temporary folder for the session with `--no-cache`. */
async function openImagePipeline(cacheDir: string | undefined): Promise<ImagePipeline> {
  const temporaryDir = cacheDir === undefined ? await mkdtemp(path.join(os.tmpdir(), 'newsgen-images-')) : undefined;
  const store = await openDerivedStore(temporaryDir ?? path.join(cacheDir ?? '', 'images'));
  let loading: Promise<ImageEncoder> | undefined;
  const load = async () => (await import('../images/image-encoder.js')).createImageEncoder();
  return { store, encoder: () => (loading ??= load()), temporaryDir, digest: undefined };
}

/**
 * The page bundles' originals: sorted by output path when `sorted`, else in
 * the order planned (deterministic too). Only a later build of a serve
 * session compares two lists, and only it sorts them.
 */
async function listOriginals(prepared: PreparedImages, sorted: boolean): Promise<ImageFile[]> {
  const list: ImageFile[] = [];
  for (const [outPath, file] of prepared.originals) {
    const stats = await stat(file);
    list.push({ path: outPath, fingerprint: `original ${fileStamp(stats)}`, file });
  }
  return sorted ? list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) : list;
}
