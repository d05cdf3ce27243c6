import { existsSync } from 'node:fs';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { locationFreeConfig, sitePath } from '../config/site-paths.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { resolveStrings } from '../i18n/strings.js';
import {
  type ContentStatsListing,
  fingerprintStats,
  hashAside,
  listContent,
  stampImages,
  statAside,
  statListing,
} from '../incremental/content-stats.js';
import { openSessionCache, type RestoredSession } from '../incremental/session-cache.js';
import type { StaticReadsAside } from '../output/static-keys.js';
import { type LoadedTheme, loadTheme } from '../render/load-theme.js';
import { checkContentFolder, checkContentNotEmpty } from './check-content-folder.js';
import { checkOutputFolder } from './check-output-folder.js';
import { describeInputWarnings } from './input-warnings.js';
import { findInvisibleNames } from './invisible-names.js';
import { listStatic, staticSince } from './list-static.js';
import { loadSources, sortPaths } from './load-sources.js';
import { readSiteData, type SiteData } from './plugin-pages.js';
import { preparePlugins, processingKey } from './plugin-stages.js';
import { readChangedStaticAside, readStaticListing, type StaticListing } from './read-static-info.js';
import { findScriptedSvgs, toSources } from './scripted-svgs.js';
import type { ContentEntry, SessionContext, SessionMemory } from './session-memory.js';
import type { SourceChanges } from './session-options.js';

/** The inputs of one build: settings, theme, static files and content entries, and whether anything changed. */
export interface BuildInputs {
  /** Fingerprint of everything but the content files: config, theme, static files, newsgen itself. */
  readonly settings: string;
  /**
   * `settings` without the static files: what every page reads. Pages read
   * of the static folder only the sizes of the images they show, which
   * their fingerprints hold (see `SiteImages`), so a photo added with a new
   * article renders again only the pages showing it, not the whole site.
   */
  readonly pageSettings: string;
  /**
   * `settings` with the content folder's images (page bundles' photos, by
   * path, size and mtime): what the content fingerprints of the build start
   * from, so a changed photo is never "up to date".
   */
  readonly contentSettings: string;
  readonly theme: LoadedTheme;
  readonly staticListing: StaticListing;
  /** The build clock. */
  readonly now: number;
  /** The content folder's fingerprint from file stats, when it was listed for this build. */
  readonly statFingerprint: string | undefined;
  /**
   * True when nothing changed: the output is as this build would write it,
   * and `carried` holds the warnings the build that wrote it reported.
   */
  readonly upToDate: boolean;
  /** When up to date: the last build's warnings beyond these inputs' own (`warnings`), to report again. */
  readonly carried?: readonly Diagnostic[] | undefined;
  /** Every content file in path order (empty when up to date by stats). */
  readonly sorted: readonly ContentEntry[];
  /** `fingerprintContent` of `sorted`, when every file's hash was known (none is read for the first time later). */
  readonly contentFingerprint?: string | undefined;
  /** The site's data files by name (`data.<name>` in templates). */
  readonly data: Readonly<Record<string, unknown>>;
  /** The pages plugins' `pages` hooks gave (their hash is part of `settings`, not `pageSettings`). */
  readonly pluginPages: SiteData['pluginPages'];
  /** Entries of the input folders left out (links leading outside the site, special files), one warning each. */
  readonly warnings: readonly Diagnostic[];
}

/**
 * The `inputs` stage (I/O, read only): checks the output folder (unless the
 * build is a dry run, which never touches it), reads the theme, lists the
 * static and content folders, and brings the session's content entries up to
 * date, reading only files whose stats changed. Tells whether the last
 * build's output is still exactly right.
 */
export async function readInputs(
  context: SessionContext,
  changes: SourceChanges | undefined,
  dryRun = false,
): Promise<BuildInputs> {
  const { config, memory } = context;
  if (!dryRun) checkOutputFolder(config);
  await preparePlugins(context);
  const cache = (memory.cache ??= await openSessionCache(context.options.cacheDir, cacheKey(config, context.options)));
  // A build of another process deferred the index (`build --defer-search`): this one owes it.
  if (cache.state.searchOwed) memory.searchOwed = true;
  if (!memory.theme || changes?.templates) {
    const strings = resolveStrings(config.locale, config.strings);
    memory.theme = await loadTheme({
      themeDir: config.themeDir,
      templatesDir: config.templatesDir,
      strings,
      partials: config.pluginPartials,
    });
    memory.renderer = undefined;
  }
  const staticStale = changes?.static !== false || !memory.staticListing;
  const dataFiles = await readSiteData(context);
  const early = await listAndStat(context, changes, staticStale);
  const staticListing = await listStatic(context, staticStale, early);
  const listed = early.listed;
  // Before the warnings: page bundles' drawings are published as they are (see `findScriptedSvgs`).
  if (listed) memory.contentSvgs = await findScriptedSvgs(toSources(config.contentDir, listed.images));
  if (listed) memory.contentInvisibleNames = findInvisibleNames(toSources(config.contentDir, listed.images));
  const listing = listed?.files;
  const base = {
    theme: memory.theme,
    staticListing,
    now: config.now.getTime(),
    data: dataFiles.data,
    pluginPages: dataFiles.pluginPages,
    warnings: describeInputWarnings(context, dataFiles.pluginPages.diagnostics),
  };
  const pageSettings = fingerprintSettings(context, base.theme, dataFiles.stamp);
  const settings = hashBytes(`${pageSettings}\n${base.staticListing.stamp}\n${dataFiles.pluginPages.hash}`);
  const outputThere = () => existsSync(config.outDir);
  // A watcher's change of Markdown alone: the images are as the last listing found them.
  if (listed) memory.contentImages = stampImages(listed.images);
  const contentSettings = hashBytes(`${settings}\n${memory.contentImages ?? ''}`);
  const statFingerprint = listing && fingerprintStats(listing, contentSettings);
  // A dry run goes on to the model either way: `check` reports on every article, not on what changed.
  // Up to date only with the warnings of the build that wrote the output: a build that finds nothing
  // changed reports what that build reported (without them, it builds again to find them).
  let carried: readonly Diagnostic[] | undefined;
  if (
    !(dryRun || makesOwedIndex(context)) &&
    statFingerprint &&
    cache.isUpToDate(statFingerprint, base.now, sitePath(config, config.outDir), 'stat') &&
    outputThere() &&
    (carried = await cache.loadWarnings())
  )
    return { ...base, settings, pageSettings, contentSettings, statFingerprint, upToDate: true, sorted: [], carried };
  // The files changed since the last listing are read on a thread of their own while the records load.
  const hashing =
    listed && memory.results.size === 0 && !early.restored ? hashAside(config.contentDir, listed) : undefined;
  if (memory.results.size === 0)
    restoreFromCache(
      memory,
      early.restored ?? (await cache.restore()),
      cache.state.processing === processingKey(config),
    );
  const files = hashing ? (await hashing).files : listing;
  // Counted only for a logger that prints it: a pass over every file of the archive.
  const { logger } = context.options;
  const readAside =
    logger.shows?.('debug') === false ? 0 : (files?.filter((file) => file.hash !== undefined).length ?? 0);
  if (readAside > 0) logger.debug(`inputs    ${readAside} files changed since the last listing, read on a thread`);
  loadSources(memory, config, files, changes);
  const order = (memory.order ??= sortPaths([...memory.entries.keys()]));
  const sorted = order.paths.map((file) => memory.entries.get(file) as ContentEntry);
  // A file never seen before (hash unknown until it is read) means something to build.
  const contentFingerprint = sorted.every((entry) => entry.hash !== undefined)
    ? fingerprintContent(contentSettings, sorted)
    : undefined;
  const upToDate =
    !makesOwedIndex(context) &&
    contentFingerprint !== undefined &&
    cache.isUpToDate(contentFingerprint, base.now, sitePath(config, config.outDir)) &&
    outputThere() &&
    (carried = await cache.loadWarnings()) !== undefined;
  return {
    ...base,
    ...{ settings, pageSettings, contentSettings, statFingerprint, upToDate, sorted, contentFingerprint, carried },
  };
}

/** A static folder this large (at the last build) is listed on a thread of its own while the cache loads. */
const STATIC_ASIDE_FILES = 1000;

/**
 * Lists the content folder and stats its files, unless a watcher's changes
 * say which files to look at. A folder that holds another number of files
 * than the last build's cannot be up to date, so its cache is loaded at once
 * (`restored`) while a thread of its own stats the files, and another lists
 * a large static folder (`staticListing`, when `readStatic`): at 100,000
 * articles the stats take 0.3-0.4 s, a photo per article 0.7 s more, and
 * the records a second.
 */
async function listAndStat(
  { config, memory }: SessionContext,
  changes: SourceChanges | undefined,
  readStatic: boolean,
): Promise<{
  listed: ContentStatsListing | undefined;
  restored: RestoredSession | undefined;
  staticListing?: StaticListing | undefined;
  staticReads?: StaticReadsAside | undefined;
}> {
  if (memory.listed && changes && (changes.changed || changes.removed))
    return { listed: undefined, restored: undefined };
  // Before the listing: a file written while it runs is newer, by ctime, than the instant the next build compares with.
  memory.listedAt = Date.now();
  checkContentFolder(config);
  const listing = listContent(config.contentDir);
  checkContentNotEmpty(
    config,
    listing.files.length,
    memory.lastModel?.site.articles.length ?? memory.cache?.state.articleCount ?? 0,
  );
  memory.refusedContent = listing.refused;
  const cache = memory.cache;
  const known = cache?.state.contentFiles;
  // Files changed since the last listing are read on a thread (see `statAside`), only when the cache is to be loaded.
  const since = memory.results.size === 0 ? cache?.state.listedAt : undefined;
  if (!cache || memory.results.size > 0 || known === undefined || known === listing.files.length)
    return { listed: statListing(listing, since), restored: undefined };
  const stats = statAside(listing, since);
  const staticListing =
    readStatic && (cache.state.staticFiles ?? 0) >= STATIC_ASIDE_FILES
      ? readStaticListing(config.staticDir, { aside: true })
      : undefined;
  // Handled at once: a static folder that fails to list must not reject unobserved while the records load.
  // Its changed files are read as soon as it is listed, while the records still load.
  const settledStatic = staticListing?.then(
    (value) => ({ value, reads: readChangedStaticAside(value, staticSince(memory)) }),
    (error: unknown) => ({ error }),
  );
  const restored = await cache.restore();
  const read = await settledStatic;
  if (read && 'error' in read) throw read.error;
  return { listed: await stats, restored, staticListing: read?.value, staticReads: read?.reads };
}

/** Fingerprint of the settings (`contentSettings`) and every content file's path and content hash. */
export function fingerprintContent(settings: string, sorted: readonly ContentEntry[]): string {
  return hashBytes([settings, ...sorted.map((entry) => `${entry.source.path}\0${entry.hash ?? ''}`)].join('\n'));
}

/**
 * The session starts from what the cache kept: results, bodies (left in the
 * cache) and outputs; only the outputs when the results were processed with
 * other Markdown plugins (`sameProcessing` false), so every file is
 * processed again and only the pages whose bytes change are written.
 */
function restoreFromCache(memory: SessionMemory, restored: RestoredSession, sameProcessing: boolean): void {
  memory.outputs = restored.outputs;
  if (!sameProcessing) return;
  memory.results = restored.results;
  for (const [sourcePath, body] of restored.bodies) memory.bodies.keepStored(sourcePath, body);
}

/** Everything but the content files and the static folder: config, theme, data files, newsgen itself. */
function fingerprintSettings(context: SessionContext, theme: LoadedTheme, dataStamp: string): string {
  const config = JSON.stringify({ ...locationFreeConfig(context.config), now: undefined, fixedNow: undefined });
  const parts = [context.options.version, RUNTIME_DATA, config, theme.fingerprint, dataStamp];
  return hashBytes(parts.join('\n'));
}

/** Which cached results are reusable: same newsgen version and the settings per-file processing reads. */
export function cacheKey(config: ResolvedConfig, options: { readonly version: string }): string {
  const { timeZone, locale } = config;
  // The content folder from the site's root: the same site checked out elsewhere keeps its cache.
  const contentDir = sitePath(config, config.contentDir);
  return hashBytes(JSON.stringify({ version: options.version, runtime: RUNTIME_DATA, timeZone, locale, contentDir }));
}

/**
 * The versions of the runtime's date, time zone and Unicode data: another
 * Node can spell a date or an offset differently (new CLDR names, changed
 * zone rules), so its pages are built again rather than taken from the cache.
 */
const RUNTIME_DATA = ['icu', 'cldr', 'tz', 'unicode'].map((key) => `${key} ${process.versions[key] ?? ''}`).join(', ');

/** The search index is owed (see `SessionMemory.searchOwed`) and this build makes it: a build that defers it too keeps it as it is. */
function makesOwedIndex({ memory, deferSearch }: SessionContext): boolean {
  return memory.searchOwed && deferSearch !== true;
}
