import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashBytes } from '../cache/build-cache.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { loadContent, toDisplayPath } from '../content/load-content.js';
import type { SourceFile } from '../content/source-file.js';
import type { Logger } from '../logger/create-logger.js';
import { formatDuration } from '../logger/format-duration.js';
import { resolveStrings } from '../i18n/strings.js';
import { checkOutDir } from '../output/check-out-dir.js';
import { listStaticFiles } from '../output/list-static-files.js';
import { writeChanges } from '../output/write-changes.js';
import { writeOutput } from '../output/write-output.js';
import { createRenderer, type Renderer } from '../render/create-renderer.js';
import { buildSite } from '../site/build-site.js';
import { failOnErrors } from './fail-on-errors.js';
import { planOutputs, type PlannedOutput } from './plan-outputs.js';
import type { ProcessResult } from './process-article.js';
import { collectResults } from './process-sources.js';
import { processInParallel } from './process-in-parallel.js';
import { readStaticInfo } from './read-static-info.js';
import { openSessionCache, type SessionCache } from './session-cache.js';
import { findNextClockChange } from './validity.js';

/** What changed since the last build of a session; absent means "look at everything". */
export interface SourceChanges {
  /** Absolute paths of content files that were added or changed. */
  readonly changed?: readonly string[];
  /** Absolute paths of content files that were removed. */
  readonly removed?: readonly string[];
  /** Templates changed: recompile them. */
  readonly templates?: boolean;
}

/** What one build of a session did. */
export interface SessionBuildResult {
  readonly articles: number;
  readonly pages: number;
  /** Output paths written (changed bytes) and deleted. */
  readonly written: readonly string[];
  readonly deleted: readonly string[];
  /** True when nothing changed and nothing was done. */
  readonly upToDate: boolean;
  readonly durationMs: number;
}

/** Options of a build session. */
export interface BuildSessionOptions {
  readonly logger: Logger;
  readonly version: string;
  /** Keep results on disk between processes (`node_modules/.cache/newsgen`). */
  readonly cacheDir: string | undefined;
  /** Worker threads for Markdown; 0 renders on the main thread. */
  readonly concurrency: number;
}

/** Builds a site again and again, redoing only what its changed inputs require. */
export interface BuildSession {
  build(changes?: SourceChanges): Promise<SessionBuildResult>;
  close(): Promise<void>;
}

/** One content file as the session remembers it. */
interface Entry {
  readonly source: SourceFile;
  readonly hash: string;
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
  let results = new Map<string, { hash: string; result: ProcessResult }>();
  let renderer: Renderer | undefined;
  let cache: SessionCache | undefined;
  let loaded = false;

  const time = async <T>(stage: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await run();
    logger.debug(`${stage.padEnd(9)} ${formatDuration(performance.now() - start)}`);
    return value;
  };

  async function loadSources(changes: SourceChanges | undefined): Promise<void> {
    if (!loaded || !changes || (!changes.changed && !changes.removed)) {
      entries.clear();
      for (const source of await loadContent(config.contentDir, config.root)) entries.set(source.path, { source, hash: hashBytes(source.bytes) });
      loaded = true;
      return;
    }
    for (const file of changes.removed ?? []) entries.delete(toContentPath(file));
    for (const file of changes.changed ?? []) {
      const relPath = toContentPath(file);
      const bytes = await readFile(file).catch(() => undefined);
      if (bytes === undefined) entries.delete(relPath);
      else entries.set(relPath, { source: { path: relPath, displayPath: toDisplayPath(file, config.root), bytes }, hash: hashBytes(bytes) });
    }
  }

  function toContentPath(file: string): string {
    return path.relative(config.contentDir, path.resolve(config.root, file)).split(path.sep).join('/');
  }

  async function build(changes?: SourceChanges): Promise<SessionBuildResult> {
    const started = performance.now();
    checkOutDir({ root: config.root, outDir: config.outDir, protectedDirs: [config.contentDir, config.staticDir, ...(config.templatesDir ? [config.templatesDir] : []), config.themeDir] });
    cache ??= await time('cache', () => openSessionCache(options.cacheDir, cacheKey(config, options.version)));
    await time('load', () => loadSources(changes));
    const staticInfo = await time('static', () => readStaticInfo(config.staticDir));
    if (!renderer || changes?.templates) renderer = await time('templates', () => createRenderer({ themeDir: config.themeDir, templatesDir: config.templatesDir, strings: resolveStrings(config.locale, config.strings) }));
    const sorted = [...entries.values()].sort((a, b) => (a.source.path < b.source.path ? -1 : 1));
    const fingerprint = hashBytes([options.version, JSON.stringify({ ...config, now: undefined }), renderer.fingerprint, staticInfo.stamp, ...sorted.map((entry) => `${entry.source.path}\0${entry.hash}`)].join('\n'));
    const now = config.now.getTime();
    if (cache.isUpToDate(fingerprint, now, config.outDir) && existsSync(config.outDir)) {
      return { articles: cache.state.articleCount, pages: cache.state.pageCount, written: [], deleted: [], upToDate: true, durationMs: performance.now() - started };
    }
    if (results.size === 0) results = await time('restore', () => cache?.restoreResults() ?? new Map());
    const stale = sorted.filter((entry) => results.get(entry.source.path)?.hash !== entry.hash);
    const processed = await time('process', () => processInParallel(stale.map((entry) => entry.source), { timeZone: config.timeZone }, options.concurrency));
    stale.forEach((entry, index) => {
      const result = processed[index];
      if (result) results.set(entry.source.path, { hash: entry.hash, result });
    });
    for (const key of results.keys()) if (!entries.has(key)) results.delete(key);
    const content = collectResults(sorted.map((entry) => ({ source: entry.source, result: results.get(entry.source.path)?.result ?? failedToProcess() })));
    failOnErrors(content.diagnostics, 'content');
    const displayPaths = new Map(sorted.map((entry) => [entry.source.path, entry.source.displayPath]));
    const { site, diagnostics } = await time('model', () => buildSite(content.articles, content.profiles, config, (article) => displayPaths.get(article.sourcePath) ?? article.sourcePath));
    failOnErrors(diagnostics, 'content');
    const incremental = cache.state.outDir === config.outDir && existsSync(config.outDir);
    const fingerprints = new Map<string, string>();
    const planned = recordFingerprints(planOutputs({ site, config, renderer, staticInfo, previous: incremental ? cache.state.fingerprints : new Map() }), fingerprints);
    const written = await time('write', async () => {
      if (incremental) return writeChanges({ outDir: config.outDir, outputs: planned, previous: cache?.state.outputs ?? {}, staticDir: config.staticDir });
      const outputs: Record<string, string> = {};
      await writeOutput({ outDir: config.outDir, files: hashOutputs(planned, outputs), staticDir: config.staticDir });
      return { written: Object.keys(outputs), deleted: [], outputs: { ...outputs, ...(await stampStatic(config.staticDir)) } };
    });
    await time('save', () =>
      cache?.save({
        fingerprint,
        now,
        validUntil: findNextClockChange(content.articles, now),
        outDir: config.outDir,
        outputs: written.outputs,
        fingerprints,
        articleCount: site.articles.length,
        pageCount: site.pages.length,
        results,
      }),
    );
    return { articles: site.articles.length, pages: site.pages.length, written: written.written, deleted: written.deleted, upToDate: false, durationMs: performance.now() - started };
  }

  return {
    build,
    async close() {
      await cache?.close();
    },
  };
}

/** Which cached article results are reusable: same newsgen version and the settings per-file processing reads. */
function cacheKey(config: ResolvedConfig, version: string): string {
  return hashBytes(JSON.stringify({ version, timeZone: config.timeZone, locale: config.locale, contentDir: config.contentDir }));
}

function* recordFingerprints(outputs: Iterable<PlannedOutput>, into: Map<string, string>): Generator<PlannedOutput> {
  for (const output of outputs) {
    into.set(output.path, output.fingerprint);
    yield output;
  }
}

function* hashOutputs(outputs: Iterable<PlannedOutput>, into: Record<string, string>): Generator<{ path: string; contents: string | Uint8Array }> {
  for (const output of outputs) {
    if (output.contents === undefined) continue;
    into[output.path] = hashBytes(output.contents);
    yield { path: output.path, contents: output.contents };
  }
}

/** Static files' `size:mtime` stamps, the way `writeChanges` remembers them. */
async function stampStatic(staticDir: string): Promise<Record<string, string>> {
  const stamps: Record<string, string> = {};
  for (const file of await listStaticFiles(staticDir)) {
    const stats = await stat(file.source);
    stamps[file.path] = `${stats.size}:${stats.mtimeMs}`;
  }
  return stamps;
}

function failedToProcess(): ProcessResult {
  throw new Error('Internal: a content file was not processed');
}
