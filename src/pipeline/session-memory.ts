import { type BodyStore, createBodyStore } from '../bodies/article-bodies.js';
import type { RefusedEntry } from '../boundary/resolve-link.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { SourceFile } from '../content/source-file.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DerivedStore } from '../images/derived-store.js';
import type { ImageEncoder } from '../images/image-encoder.js';
import type { OutputState, ResultMap, SessionCache } from '../incremental/session-cache.js';
import type { StaticFile } from '../output/list-static-files.js';
import type { StaticReadsAside } from '../output/static-keys.js';
import type { LoadedPlugins } from '../plugins/load-plugins.js';
import type { ProcessorHolder } from '../process/process-in-parallel.js';
import type { ProcessedPluginPage } from '../process/process-plugin-page.js';
import type { Renderer } from '../render/create-renderer.js';
import type { LoadedTheme } from '../render/load-theme.js';
import type { ImageSizes, MeasuredImages } from '../site/image-size.js';
import type { Site, SiteIndexes } from '../site/site.js';
import type { SitemapMonths } from '../syndication/create-sitemaps.js';
import { createSessionFeedEntries, type SessionFeedEntries } from '../syndication/feed-entry-memo.js';
import type { RedirectFilesMemo } from '../syndication/redirect-files.js';
import type { ArticleOwners, ImageFile } from './image-state.js';
import type { StaticListing } from './read-static-info.js';
import type { ScriptedSvg } from './scripted-svgs.js';
import type { BuildSessionOptions } from './session-options.js';

/**
 * One content file as the session remembers it. Bytes are held only for a
 * file read to compare with the cache whose content changed; a file the
 * cache has never seen is read (and hashed) when it is processed, so a large
 * first build never holds every file at once (`hash` undefined until then).
 */
export interface ContentEntry {
  readonly source: SourceFile;
  readonly hash: string | undefined;
  readonly stat: string | undefined;
}

/** The content paths in order, and a hash of them: kept while no file is added or removed. */
export interface SortedPaths {
  readonly paths: readonly string[];
  readonly hash: string;
}

/**
 * Everything a build session remembers between builds, in one record: the
 * stages read it and update it, and nothing else holds session state.
 */
export interface SessionMemory {
  /** Content files as last seen, by path relative to the content folder. */
  readonly entries: Map<string, ContentEntry>;
  /** True once `entries` holds a listing of the whole content folder. */
  listed: boolean;
  /** Stamp of the content folder's images at its last listing (see `stampImages`). */
  contentImages: string | undefined;
  /** Page bundles' SVG files that can run script, as the last listing of the content folder found them. */
  contentSvgs: readonly ScriptedSvg[] | undefined;
  /** Page bundles' files whose names hold an invisible character, as the last listing found them. */
  contentInvisibleNames: readonly StaticFile[] | undefined;
  /** The wall-clock instant just before the content folder was last listed (see `SessionState.listedAt`). */
  listedAt: number | undefined;
  order: SortedPaths | undefined;
  /** Every content file as processed, by path. */
  results: ResultMap;
  /** Every article's body HTML. */
  readonly bodies: BodyStore;
  /** What the last build wrote (restored from the cache at first). */
  outputs: OutputState;
  cache: SessionCache | undefined;
  theme: LoadedTheme | undefined;
  renderer: Renderer | undefined;
  staticListing: StaticListing | undefined;
  /** The listing's changed static files, read whole on a thread for this build (see `readChangedStaticAside`). */
  staticReads: StaticReadsAside | undefined;
  /** Content entries the last listing left out (links leading outside the site, special files). */
  refusedContent: readonly RefusedEntry[];
  /** The static images' sizes for the listing stamped `stamp`, and what was measured of each. */
  images: { readonly stamp: string; readonly sizes: ImageSizes; readonly measured: MeasuredImages } | undefined;
  /** The image pipeline's store and encoder, opened by the first build that has images. */
  imagePipeline: ImagePipeline | undefined;
  readonly processor: ProcessorHolder;
  /** The last successful build's model, for a change that keeps the site's structure. */
  lastModel: LastModel | undefined;
  /** The site's plugins, loaded on the first build. */
  plugins: LoadedPlugins | undefined;
  /** The warnings plugins' `configResolved` hooks reported, given with every build of the session. */
  pluginWarnings: readonly Diagnostic[];
  /** The pages plugins' `pages` hooks gave the last build that processed content, as processed. */
  pluginPages: readonly ProcessedPluginPage[];
  /** Hash of the data plugins gave templates in the last successful build (see `addSiteData`). */
  siteDataHash: string | undefined;
  /** Feed entries written by the session's builds, for the next to take (see `SessionFeedEntries`). */
  readonly feedEntries: SessionFeedEntries;
  /** What the last build worked out of the site's redirects, for a build of the same model (see `RedirectFilesMemo`). */
  readonly redirectFiles: RedirectFilesMemo;
  /** Where the last successful build's monthly sitemap files are, for a publish patch of its site. */
  sitemapMonths: SitemapMonths | undefined;
  /**
   * The output's search index is older than its pages (a build deferred it,
   * see `BuildMode.deferSearch`): the next build that does not defer it
   * builds it, even with nothing else changed.
   */
  searchOwed: boolean;
}

/** The last successful build's model and what it was made from. */
export interface LastModel {
  readonly site: Site;
  /** The term indexes the site's terms came from (a publish patch places a new article with them). */
  readonly indexes: SiteIndexes;
  readonly settings: string;
  readonly pathsHash: string;
  /** The content paths the model was made from, in order. */
  readonly paths: readonly string[];
  /** Every output path a link of the site could resolve to; undefined when not known. */
  readonly lookups: Set<string> | undefined;
  readonly modelWarnings: readonly Diagnostic[];
}

/** The image pipeline as a session keeps it between builds. */
export interface ImagePipeline {
  readonly store: DerivedStore;
  /** sharp, loaded on first use: a build that reads and encodes no image never loads it. */
  readonly encoder: () => Promise<ImageEncoder>;
  /** The store's folder when it is a temporary one (no cache folder): removed when the session closes. */
  readonly temporaryDir: string | undefined;
  /** The digest of the site's images (see `SiteImages.digest`) at the last successful build. */
  digest: string | undefined;
  /** The site's pictures at the last successful build (see `SiteImages`): a publish compares every article's with them. */
  last?: { readonly shared: string; lead(id: string): string; body(id: string): string };
  /**
   * The page bundles' originals the last successful build published: a
   * publish writes the new ones and deletes those gone (derived files are
   * compared with the output state's groups).
   */
  originals?: readonly ImageFile[];
  /** The articles' image owners of the last images stage, to patch after a publish (see `collectArticleOwners`). */
  owners?: ArticleOwners;
}

/** What every stage of a session's builds reads: the config, the session's options and its memory. */
export interface SessionContext {
  readonly config: ResolvedConfig;
  readonly options: BuildSessionOptions;
  readonly memory: SessionMemory;
  /** This build leaves the search index as it is, with `search: true` (see `BuildMode.deferSearch`). */
  readonly deferSearch?: boolean;
}

/** A session that has never built. */
export function createSessionMemory(): SessionMemory {
  return {
    entries: new Map(),
    listed: false,
    contentImages: undefined,
    contentSvgs: undefined,
    contentInvisibleNames: undefined,
    listedAt: undefined,
    order: undefined,
    results: new Map(),
    bodies: createBodyStore(),
    outputs: { outputs: new Map(), fingerprints: new Map() },
    cache: undefined,
    theme: undefined,
    renderer: undefined,
    staticListing: undefined,
    staticReads: undefined,
    refusedContent: [],
    images: undefined,
    imagePipeline: undefined,
    processor: {},
    lastModel: undefined,
    plugins: undefined,
    pluginWarnings: [],
    pluginPages: [],
    siteDataHash: undefined,
    feedEntries: createSessionFeedEntries(),
    redirectFiles: {},
    sitemapMonths: undefined,
    searchOwed: false,
  };
}

/** Forgets every content result and output, as a session that has never built (the theme and cache stay open). */
export function forgetContent(memory: SessionMemory): void {
  memory.entries.clear();
  memory.listed = false;
  memory.order = undefined;
  memory.results = new Map();
  memory.bodies.clear();
  memory.outputs = { outputs: new Map(), fingerprints: new Map() };
  memory.lastModel = undefined;
  memory.siteDataHash = undefined;
  memory.sitemapMonths = undefined;
  // A derived image found missing is what may have sent the build here: its plans are not trusted either.
  memory.imagePipeline?.store.forgetPlans();
}
