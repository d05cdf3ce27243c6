import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type HtmlSpill, openHtmlSpill } from '../bodies/html-spill.js';
import { CacheCorruptionError, readBytes } from '../cache/build-cache.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { type ArticleHtml, type ArticleHtmlDigest, hashHtml } from '../content/article.js';
import { createDisplayPaths, toDisplayPath } from '../content/load-content.js';
import type { SourceFile } from '../content/source-file.js';
import { failOnErrors } from '../diagnostics/fail-on-errors.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { resolveStrings } from '../i18n/strings.js';
import { type ContentStats, fingerprintStats, statContent } from '../incremental/content-stats.js';
import { findNextClockChange } from '../incremental/next-clock-change.js';
import {
  createDependentsIndexer,
  describeSiteStructure,
  type PageDependents,
  splitKeptPages,
} from '../incremental/page-dependents.js';
import { patchArticles } from '../incremental/patch-articles.js';
import {
  type CachedResult,
  type OutputState,
  openSessionCache,
  type ResultMap,
  type SessionCache,
} from '../incremental/session-cache.js';
import type { Logger } from '../logger/create-logger.js';
import { formatDuration } from '../logger/format-duration.js';
import { checkOutDir } from '../output/check-out-dir.js';
import { toBytes } from '../output/output-file.js';
import type { PlannedOutput } from '../plan/plan-outputs.js';
import { collectResults } from '../process/collect-results.js';
import { type Concurrency, type ProcessorHolder, processInParallel } from '../process/process-in-parallel.js';
import type { ProcessResult } from '../process/process-source.js';
import type { Renderer } from '../render/create-renderer.js';
import { type LoadedTheme, loadTheme } from '../render/load-theme.js';
import type { ImageSizes } from '../site/image-size.js';
import type { Page, Site } from '../site/site.js';
import { measureStaticImages, readStaticListing, type StaticListing } from './read-static-info.js';

/** What changed since the last build of a session; absent means "look at everything". */
export interface SourceChanges {
  /** Absolute paths of content files that were added or changed. */
  readonly changed?: readonly string[];
  /** Absolute paths of content files that were removed. */
  readonly removed?: readonly string[];
  /** Templates changed: read and compile them again. */
  readonly templates?: boolean;
  /** False when the static folder is known to be unchanged (a watcher saw no event there), so it is not listed again. */
  readonly static?: boolean;
}

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
}

/** Options of a build session. */
export interface BuildSessionOptions {
  readonly logger: Logger;
  readonly version: string;
  /** Keep results on disk between processes (`node_modules/.cache/newsgen`); undefined keeps them in memory. */
  readonly cacheDir: string | undefined;
  /** Worker threads for Markdown (0 or 1: this thread; `auto`: one per core when there is enough to do). */
  readonly concurrency: Concurrency;
  /** From this many processed files on, their HTML waits in a temporary file, not in memory (see `openHtmlSpill`). @default 2000 */
  readonly spillHtmlFrom?: number;
}

/** Builds a site again and again, redoing only what its changed inputs require. */
export interface BuildSession {
  build(changes?: SourceChanges): Promise<SessionBuildResult>;
  close(): Promise<void>;
}

/**
 * One content file as the session remembers it. Bytes are held only for a
 * file read to compare with the cache whose content changed; a file the
 * cache has never seen is read (and hashed) when it is processed, so a large
 * first build never holds every file at once (`hash` undefined until then).
 */
interface Entry {
  readonly source: SourceFile;
  readonly hash: string | undefined;
  readonly stat: string | undefined;
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
  const { logger } = options;
  const entries = new Map<string, Entry>();
  let results: ResultMap = new Map();
  let outputs: OutputState = { outputs: {}, fingerprints: new Map() };
  /** The same state once a build of this session has written it: objects this session alone holds. */
  let owned:
    | { outputs: Record<string, string>; fingerprints: Map<string, string>; dependents: PageDependents | undefined }
    | undefined;
  let theme: LoadedTheme | undefined;
  let renderer: Renderer | undefined;
  let images: { stamp: string; sizes: ImageSizes } | undefined;
  let lastStatic: StaticListing | undefined;
  /** The content paths in order and their hash; kept while no file is added or removed. */
  let order: { paths: string[]; hash: string } | undefined;
  let cache: SessionCache | undefined;
  let loaded = false;
  const processorHolder: ProcessorHolder = {};
  /** Where a large build's article HTML waits until pages and feeds are rendered; open for the session's life. */
  let spill: HtmlSpill | undefined;
  /** The last successful build's model, for edits that change only an article's body (watch sessions). */
  let last: { site: Site; settings: string; paths: string } | undefined;

  const time = async <T>(stage: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await run();
    logger.debug(`${stage.padEnd(9)} ${formatDuration(performance.now() - start)}`);
    return value;
  };
  const toContentPath = (file: string) =>
    path.relative(config.contentDir, path.resolve(config.root, file)).split(path.sep).join('/');

  /** Reads the content files whose stats differ from the cache's; `listing` is this build's listing when already taken. */
  async function loadSources(changes: SourceChanges | undefined, listing: ContentStats | undefined): Promise<void> {
    if (!loaded || !changes || (!changes.changed && !changes.removed)) {
      entries.clear();
      order = undefined;
      const displayPathOf = createDisplayPaths(config.contentDir, config.root);
      for (const { path: relPath, stat: statKey } of listing ?? (await statContent(config.contentDir))) {
        const cached = results.get(relPath);
        const displayPath = displayPathOf(relPath);
        // Like git's index: a file whose size and mtime match the cache is not read again.
        if (cached && statKey !== undefined && cached.stat === statKey) {
          entries.set(relPath, {
            source: { path: relPath, displayPath, bytes: new Uint8Array() },
            hash: cached.hash,
            stat: statKey,
          });
          continue;
        }
        if (!cached) {
          entries.set(relPath, {
            source: { path: relPath, displayPath, bytes: new Uint8Array() },
            hash: undefined,
            stat: statKey,
          });
          continue;
        }
        // Synchronous on purpose: for thousands of small files about three times faster than a promise each.
        const bytes = readFileSync(path.join(config.contentDir, relPath));
        const hash = hashBytes(bytes);
        entries.set(relPath, {
          source: { path: relPath, displayPath, bytes: hash === cached.hash ? new Uint8Array() : bytes },
          hash,
          stat: statKey,
        });
      }
      loaded = true;
      return;
    }
    for (const file of changes.removed ?? []) if (entries.delete(toContentPath(file))) order = undefined;
    for (const file of changes.changed ?? []) {
      const relPath = toContentPath(file);
      // Synchronous: an edit's few files are read at once, not queued behind a watcher's folder scans.
      const bytes = readBytes(file);
      if (!entries.has(relPath) || bytes === undefined) order = undefined;
      if (bytes === undefined) entries.delete(relPath);
      else
        entries.set(relPath, {
          source: { path: relPath, displayPath: toDisplayPath(file, config.root), bytes },
          hash: hashBytes(bytes),
          stat: undefined,
        });
    }
  }

  /** Everything but the content files' bytes: config, theme, static files, newsgen itself. */
  function fingerprintSettings(activeTheme: LoadedTheme, staticListing: StaticListing): string {
    return hashBytes(
      [
        options.version,
        JSON.stringify({ ...config, now: undefined }),
        activeTheme.fingerprint,
        staticListing.stamp,
      ].join('\n'),
    );
  }

  /**
   * Writes a body-only edit (its pages first, then the feeds that show it).
   * Every other output keeps its hash and fingerprint, updated in place here
   * and only after the writes succeeded.
   */
  async function writeBodyEdit(
    state: NonNullable<typeof owned>,
    plan: AsyncIterable<PlannedOutput>,
    write: typeof import('../output/write-changes.js').writeChanges,
  ) {
    const changed = new Map<string, string>();
    const result = await write({
      outDir: config.outDir,
      outputs: recordFingerprints(plan, changed),
      previous: state.outputs,
      staticDir: config.staticDir,
      partial: true,
    });
    Object.assign(state.outputs, result.outputs);
    for (const [file, fingerprint] of changed) state.fingerprints.set(file, fingerprint);
    return { written: result.written, deleted: [], ...state };
  }

  /** Forgets everything the session knows, as a session that has never built. */
  function forgetEverything(): void {
    results = new Map();
    outputs = { outputs: {}, fingerprints: new Map() };
    owned = undefined;
    last = undefined;
    entries.clear();
    order = undefined;
    loaded = false;
  }

  async function build(changes?: SourceChanges): Promise<SessionBuildResult> {
    try {
      return await buildOnce(changes);
    } catch (error) {
      if (!(error instanceof CacheCorruptionError)) throw error;
      // Cached HTML is checked as it is read: corruption found then means building again
      // without anything the cache gave (the files written so far came from sound data).
      logger.debug(`cache     ${error.message}: building again without the cache`);
      forgetEverything();
      return await buildOnce(changes);
    }
  }

  async function buildOnce(changes?: SourceChanges): Promise<SessionBuildResult> {
    const started = performance.now();
    checkOutDir({
      root: config.root,
      outDir: config.outDir,
      protectedDirs: [
        config.contentDir,
        config.staticDir,
        ...(config.templatesDir ? [config.templatesDir] : []),
        config.themeDir,
      ],
    });
    const activeCache = (cache ??= await time('cache', () =>
      openSessionCache(options.cacheDir, cacheKey(config, options.version)),
    ));
    const strings = resolveStrings(config.locale, config.strings);
    if (!theme || changes?.templates) {
      theme = await time('theme', () =>
        loadTheme({ themeDir: config.themeDir, templatesDir: config.templatesDir, strings }),
      );
      renderer = undefined;
    }
    const activeTheme = theme;
    const staticListing =
      changes?.static === false && lastStatic
        ? lastStatic
        : await time('static', () => readStaticListing(config.staticDir));
    lastStatic = staticListing;
    const settings = fingerprintSettings(activeTheme, staticListing);
    const now = config.now.getTime();
    const upToDate = (): SessionBuildResult => ({
      articles: activeCache.state.articleCount,
      pages: activeCache.state.pageCount,
      written: [],
      deleted: [],
      processed: 0,
      upToDate: true,
      durationMs: performance.now() - started,
    });
    const listing = loaded ? undefined : await time('stat', () => statContent(config.contentDir));
    const statFingerprint = listing && fingerprintStats(listing, settings);
    if (
      statFingerprint !== undefined &&
      activeCache.isUpToDate(statFingerprint, now, config.outDir, 'stat') &&
      existsSync(config.outDir)
    )
      return upToDate();
    if (results.size === 0) ({ results, outputs } = await time('restore', () => activeCache.restore()));
    await time('load', () => loadSources(changes, listing));
    order ??= sortPaths([...entries.keys()]);
    const sorted = order.paths.map((file) => entries.get(file) as Entry);
    const fingerprintContent = () =>
      hashBytes(
        [settings, ...(order?.paths ?? []).map((file) => `${file}\0${entries.get(file)?.hash ?? ''}`)].join('\n'),
      );
    // A file never seen before (hash unknown until it is read) means something to build.
    if (
      sorted.every((entry) => entry.hash !== undefined) &&
      activeCache.isUpToDate(fingerprintContent(), now, config.outDir) &&
      existsSync(config.outDir)
    )
      return upToDate();

    // Past this point something must be built: load the heavy stages now, not at start-up.
    const [
      { compileRenderer },
      { buildSite },
      { planOutputs, planOutputsInParallel, planBodyEdit },
      { writeChanges },
      { writeOutput },
      { createRenderOffload },
    ] = await Promise.all([
      import('../render/create-renderer.js'),
      import('../site/build-site.js'),
      import('../plan/plan-outputs.js'),
      import('../output/write-changes.js'),
      import('../output/write-output.js'),
      import('../plan/render-offload.js'),
    ]);
    const activeRenderer = (renderer ??= await time('templates', async () => {
      // Templates checked and compiled by an earlier build are not parsed and checked again.
      const templatesKey = hashBytes(
        JSON.stringify(activeTheme.files.templates.map((template) => [template.name, template.source])),
      );
      const precompiled = await activeCache.loadTemplates(templatesKey);
      const compiled = compileRenderer(
        activeTheme.files,
        { themeDir: config.themeDir, templatesDir: config.templatesDir, strings },
        precompiled,
      );
      if (!precompiled) await activeCache.saveTemplates(templatesKey, compiled.precompiled);
      return compiled;
    }));
    if (images?.stamp !== staticListing.stamp)
      images = {
        stamp: staticListing.stamp,
        sizes: await time('images', () => measureStaticImages(staticListing.files)),
      };
    const staticInfo = { imageSizes: images.sizes, paths: staticListing.paths };
    const stale = sorted.filter(
      (entry) => entry.hash === undefined || results.get(entry.source.path)?.hash !== entry.hash,
    );
    const before = new Map(stale.map((entry) => [entry.source.path, results.get(entry.source.path)?.result]));
    /** The file as processed: read and hashed now when it was not read before. */
    const readSource = (source: SourceFile): SourceFile => {
      const entry = entries.get(source.path) as Entry;
      if (entry.hash !== undefined) return entry.source;
      const bytes = readFileSync(path.join(config.contentDir, source.path));
      entries.set(source.path, { ...entry, hash: hashBytes(bytes) });
      return { ...source, bytes };
    };
    if (!spill && stale.length >= (options.spillHtmlFrom ?? SPILL_HTML_FROM)) spill = openHtmlSpill(os.tmpdir());
    const activeSpill = spill;
    /** A large build's article HTML goes to the spill as each batch is done, never all in memory at once. */
    const keep = (result: ProcessResult): Pick<CachedResult, 'result' | 'loadHtml'> =>
      result.kind === 'article' && activeSpill
        ? {
            result: { kind: 'article', article: Object.assign({}, result.article, { html: '' }) },
            loadHtml: activeSpill.add(result.article.html),
          }
        : { result };
    const onSlow = (source: SourceFile, ms: number) =>
      logger.warn(
        `Warning: ${source.displayPath} took ${formatDuration(ms)} to process, where an article takes milliseconds. Thousands of links, brackets or emphasis marks in one paragraph, or quotes and lists nested thousands deep, are slow to parse: look for them in this file.`,
      );
    const processed = await time('process', () =>
      processInParallel(
        stale.map((entry) => entry.source),
        { timeZone: config.timeZone },
        options.concurrency,
        processorHolder,
        { read: readSource, keep, onSlow },
      ),
    );
    stale.forEach(({ source }, index) => {
      // The entry as processed: `readSource` may have given it its hash.
      const entry = entries.get(source.path) as Entry;
      const kept = processed[index];
      if (kept) results.set(entry.source.path, { hash: entry.hash as string, stat: entry.stat, ...kept });
      // The bytes are not needed once processed (the hash stays): free them for large sites.
      entries.set(entry.source.path, { ...entry, source: { ...entry.source, bytes: new Uint8Array() } });
    });
    // This function's frame lives until the last file is written: let go of the results
    // as kept (a small build's still hold their HTML), now that `results` has them.
    processed.length = 0;
    const fingerprint = fingerprintContent();
    for (const key of results.keys()) if (!entries.has(key)) results.delete(key);
    const paths = order.hash;
    // Taken, not peeked: a build that fails after this point leaves no model to patch,
    // so the next build models everything (the results may already hold its changes).
    const previousModel = last;
    last = undefined;
    const patched =
      previousModel && stale.length > 0 && previousModel.settings === settings && previousModel.paths === paths
        ? patchArticles(
            previousModel.site,
            stale.map((entry) => [before.get(entry.source.path), results.get(entry.source.path)?.result]),
          )
        : undefined;
    const bodyOnly = patched?.pages;
    let site: Site;
    let content: ReturnType<typeof collectResults> | undefined;
    if (patched) {
      site = patched.site;
    } else {
      content = collectResults(
        sorted.flatMap((entry) => {
          const cached = results.get(entry.source.path);
          return cached ? [{ source: entry.source, result: cached.result }] : [];
        }),
      );
      failOnErrors(content.diagnostics, 'content');
      const displayPaths = new Map(sorted.map((entry) => [entry.source.path, entry.source.displayPath]));
      const modelled = await time('model', () =>
        buildSite(
          content?.articles ?? [],
          content?.profiles ?? new Map(),
          config,
          (article) => displayPaths.get(article.sourcePath) ?? article.sourcePath,
        ),
      );
      failOnErrors(modelled.diagnostics, 'content');
      site = modelled.site;
    }
    const incremental =
      activeCache.state.outDir === config.outDir && existsSync(config.outDir) && outputs.fingerprints.size > 0;
    // Articles restored from the cache, or spilled, carry no HTML: read for the pages and feeds that show them.
    const htmlOf: ArticleHtml = (article) => results.get(article.sourcePath)?.loadHtml?.() ?? article.html;
    // A restored article's digest is the checksum its HTML was cached with: fingerprints and feed keys need no read.
    const hashed = hashHtml(htmlOf);
    const htmlDigestOf: ArticleHtmlDigest = (article) =>
      results.get(article.sourcePath)?.htmlRef?.[2] ?? hashed(article);
    const planInput = {
      site,
      config,
      renderer: activeRenderer,
      staticInfo,
      previous: incremental ? outputs.fingerprints : new Map<string, string>(),
      settings,
      htmlOf,
      htmlDigestOf,
    };
    const written = await time('write', async () => {
      if (incremental && bodyOnly && owned)
        return writeBodyEdit(owned, planBodyEdit({ ...planInput, pages: bodyOnly }), writeChanges);
      // Same structure as the last build: only the pages showing a changed article can differ.
      // A model patched in place has that structure by construction (see patchArticles): not described again.
      const structure =
        patched && outputs.dependents ? outputs.dependents.structure : describeSiteStructure(site, settings);
      const kept =
        incremental &&
        outputs.dependents?.structure === structure &&
        outputs.dependents.paths.length === site.pages.length
          ? outputs.dependents
          : undefined;
      // Every other page keeps its fingerprint and its file without being looked at.
      const split =
        kept &&
        splitKeptPages(
          kept,
          stale.map((entry) => entry.source.path),
          outputs,
        );
      const onlyPages = split?.plan;
      const fingerprints = new Map<string, string>(split?.kept);
      const indexer = kept ? undefined : createDependentsIndexer(structure, site.pages);
      // Many pages to render: article pages also render on worker threads, while this one renders the listings.
      const offload = onlyPages
        ? undefined
        : createRenderOffload(
            {
              config,
              templates: activeTheme.files.templates,
              precompiled: activeRenderer.precompiled,
              strings,
              sections: site.sections,
              imageSizes: staticInfo.imageSizes,
            },
            options.concurrency,
            site.pages.length,
          );
      const fullInput = { ...planInput, structure, onlyPages };
      const planned = recordFingerprints(
        offload ? planOutputsInParallel(fullInput, offload) : planOutputs(fullInput),
        fingerprints,
        indexer,
      );
      const dependents = () => kept ?? indexer?.finish();
      try {
        if (incremental)
          return {
            ...(await writeChanges({
              outDir: config.outDir,
              outputs: planned,
              unchanged: split?.kept.keys(),
              previous: outputs.outputs,
              staticDir: config.staticDir,
            })),
            fingerprints,
            dependents: dependents(),
          };
        const hashes: Record<string, string> = {};
        await writeOutput({ outDir: config.outDir, files: hashOutputs(planned, hashes), staticDir: config.staticDir });
        return {
          written: Object.keys(hashes),
          deleted: [],
          outputs: { ...hashes, ...staticListing.stamps },
          fingerprints,
          dependents: dependents(),
        };
      } finally {
        await offload?.close();
      }
    });
    owned = { outputs: written.outputs, fingerprints: written.fingerprints, dependents: written.dependents };
    outputs = owned;
    const state = {
      fingerprint,
      // Only a cache on disk is ever compared with stats from another process.
      statFingerprint:
        statFingerprint ??
        (options.cacheDir === undefined ? undefined : fingerprintStats(await statContent(config.contentDir), settings)),
      now,
      // A patched model has the same dates, so the same next change of the clock.
      validUntil: patched ? activeCache.state.validUntil : findNextClockChange(content?.articles ?? [], now),
      outDir: config.outDir,
      articleCount: site.articles.length,
      pageCount: site.pages.length,
    };
    await time('save', () => activeCache.save(state, outputs, results));
    last = { site, settings, paths };
    return {
      articles: site.articles.length,
      pages: site.pages.length,
      written: written.written,
      deleted: written.deleted,
      processed: stale.length,
      upToDate: false,
      durationMs: performance.now() - started,
    };
  }

  return {
    build,
    async close() {
      await cache?.close();
      spill?.close();
    },
  };
}

/** Processed files from which a build's article HTML is spilled (a few MB of HTML per thousand articles). */
const SPILL_HTML_FROM = 2000;

function sortPaths(paths: string[]): { paths: string[]; hash: string } {
  paths.sort((a, b) => (a < b ? -1 : 1));
  return { paths, hash: hashBytes(paths.join('\n')) };
}

/** Which cached article results are reusable: same newsgen version and the settings per-file processing reads. */
function cacheKey(config: ResolvedConfig, version: string): string {
  return hashBytes(
    JSON.stringify({ version, timeZone: config.timeZone, locale: config.locale, contentDir: config.contentDir }),
  );
}

async function* recordFingerprints(
  outputs: Iterable<PlannedOutput> | AsyncIterable<PlannedOutput>,
  into: Map<string, string>,
  dependents?: { add(path: string, page: Page): void },
): AsyncGenerator<PlannedOutput> {
  for await (const output of outputs) {
    into.set(output.path, output.fingerprint);
    if (dependents && output.page) dependents.add(output.path, output.page);
    yield output;
  }
}

async function* hashOutputs(
  outputs: AsyncIterable<PlannedOutput>,
  into: Record<string, string>,
): AsyncGenerator<{ path: string; contents: string | Uint8Array }> {
  for await (const output of outputs) {
    if (output.contents === undefined) continue;
    // Encoded once, for the hash and the write alike.
    const contents = toBytes(output.contents);
    into[output.path] = hashBytes(contents);
    yield { path: output.path, contents };
  }
}
