import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileStamp } from '../boundary/file-stamp.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Image } from '../content/article.js';
import { createDisplayPaths, toDisplayPath } from '../content/load-content.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { failOnErrors } from '../diagnostics/fail-on-errors.js';
import type { DerivedFile, DerivedGroups } from '../images/derived-groups.js';
import { openDerivedStore } from '../images/derived-store.js';
import { encodeMissing } from '../images/encode-missing.js';
import type { ImageEncoder } from '../images/image-encoder.js';
import { isRelativeImagePath } from '../images/locate-image.js';
import { type ImageOwner, type PreparedImages, prepareImages } from '../images/prepare-images.js';
import { avatarOwnerId, identifySiteImages, PUBLISHER_LOGO_ID, type SiteImages } from '../images/site-images.js';
import type { SourceImage } from '../images/source-image.js';
import type { ResultMap } from '../incremental/session-cache.js';
import { createCatalogSettings } from '../plan/site-catalog.js';
import { findImageSize } from '../site/image-size.js';
import type { Site, SiteArticle } from '../site/site.js';
import type { ArticleOwners, ImageFile } from './image-state.js';
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
  const displayPathOf = createDisplayPaths(config.contentDir, config.root);
  const articleOwners = collectArticleOwners(
    model,
    memory.results,
    displayPathOf,
    config.images === false,
    pipeline.owners,
  );
  pipeline.owners = articleOwners;
  const owners = collectOwners(model.site, articleOwners, displayPathOf);
  const logo = logoOwner(config);
  if (logo) owners.push(logo);
  const prepared = await prepareImages(owners, {
    ...createCatalogSettings(config),
    store: pipeline.store,
    encoder: pipeline.encoder,
    displayPath: (file) => toDisplayPath(file, config.root),
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
 * Every published article's image owner (lead and body images; `featured`
 * is set afterwards). With `bundlesOnly` (the pipeline off: images are
 * linked as written, and only a page bundle's file is published), an article
 * that shows no bundle file has nothing for the stage to do and is left out.
 * After a publish patch of the site the last images stage collected
 * (`last`), every other article's owner is the one collected then: only the
 * added article is looked at. Looking each article's result up took 15-30
 * ms of every preview publish at 10,000 articles.
 */
function collectArticleOwners(
  model: Pick<SiteModel, 'site' | 'publish'>,
  results: ResultMap,
  displayPathOf: (sourcePath: string) => string,
  bundlesOnly: boolean,
  last: ArticleOwners | undefined,
): ArticleOwners {
  const { site, publish } = model;
  const ownerOf = (article: SiteArticle) => collectOwner(article, results, displayPathOf, bundlesOnly);
  const patched =
    publish && last && last.pages === publish.lastPages && last.bundlesOnly === bundlesOnly
      ? patchOwners(site.articles, publish, last, ownerOf)
      : undefined;
  return {
    pages: site.pages,
    articles: site.articles,
    bundlesOnly,
    owners: patched ?? site.articles.map(ownerOf),
  };
}

/** The owners after a publish: the added article's first, or the removed newest's gone; undefined if the articles say otherwise. */
function patchOwners(
  articles: readonly SiteArticle[],
  publish: NonNullable<SiteModel['publish']>,
  last: ArticleOwners,
  ownerOf: (article: SiteArticle) => ImageOwner | undefined,
): (ImageOwner | undefined)[] | undefined {
  if (publish.change === 'add') {
    const kept = articles.length === last.articles.length + 1 && articles[0] === publish.article;
    return kept && articles[1] === last.articles[0] ? [ownerOf(publish.article), ...last.owners] : undefined;
  }
  const kept = articles.length === last.articles.length - 1 && last.articles[0] === publish.article;
  return kept && articles[0] === last.articles[1] ? last.owners.slice(1) : undefined;
}

/** One empty list for every article without body images, not one each. */
const NO_IMAGES: readonly never[] = [];

function collectOwner(
  article: SiteArticle,
  results: ResultMap,
  displayPathOf: (sourcePath: string) => string,
  bundlesOnly: boolean,
): ImageOwner | undefined {
  const result = results.get(article.sourcePath)?.result;
  const body = (result?.kind === 'article' ? result.images : undefined) ?? NO_IMAGES;
  const lead = article.image;
  if (bundlesOnly && !(lead && isRelativeImagePath(lead.src)) && !body.some((image) => isRelativeImagePath(image.src)))
    return undefined;
  return {
    sourcePath: article.sourcePath,
    displayPath: displayPathOf(article.sourcePath),
    lead: lead && toUse(lead, article.sourcePath),
    body,
  };
}

/**
 * Every image owner of the site: its articles' (the home page's headline
 * gets its large crop too) and every author profile with an avatar.
 */
function collectOwners(
  site: Site,
  articles: ArticleOwners,
  displayPathOf: (sourcePath: string) => string,
): ImageOwner[] {
  const featured = new Set<SiteArticle>();
  for (const page of site.pages) if (page.kind === 'home' && page.headline) featured.add(page.headline);
  const owners: ImageOwner[] = [];
  articles.owners.forEach((owner, index) => {
    if (!owner) return;
    owners.push(featured.has(site.articles[index] as SiteArticle) ? { ...owner, featured: true } : owner);
  });
  for (const profile of site.profiles.values())
    if (profile.avatar)
      owners.push({
        id: avatarOwnerId(profile.slug),
        sourcePath: profile.sourcePath,
        displayPath: displayPathOf(profile.sourcePath),
        lead: toUse(profile.avatar, profile.sourcePath),
        avatar: true,
        body: [],
      });
  return owners;
}

/**
 * The publisher's logo, when it is a file of the static folder: read like
 * every image, so a missing or broken one fails the build naming the config.
 */
function logoOwner(config: ResolvedConfig): ImageOwner | undefined {
  const logo = config.publisher.logo;
  if (!logo?.startsWith('/') || logo.startsWith('//')) return undefined;
  return {
    id: PUBLISHER_LOGO_ID,
    sourcePath: '',
    displayPath:
      config.publisher.logoWhere?.file ??
      (config.configFile === undefined ? 'config' : toDisplayPath(config.configFile, config.root)),
    lead: { src: logo, owner: undefined, place: config.publisher.logoWhere?.place },
    logo: true,
    body: [],
  };
}

function toUse(image: Image, owner: string) {
  return { src: image.src, owner, focus: image.focus, place: image.place };
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
