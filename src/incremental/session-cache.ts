import { type BuildCache, openBuildCache, type PackedHtml, type SavedSource } from '../cache/build-cache.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ProcessResult } from '../process/process-source.js';
import type { PrecompiledTemplates } from '../render/compile-templates.js';
import type { MeasuredImages } from '../site/image-size.js';
import { readMeasuredImages } from './measured-images.js';
import { resultCodec } from './result-codec.js';
import { type OutputState, readStoredOutputs, storeOutputs } from './stored-outputs.js';
import { readStoredWarnings } from './stored-warnings.js';

export type { OutputState } from './stored-outputs.js';

/** The small state a build leaves for the next one: enough to tell that nothing changed. */
export interface SessionState {
  /** Fingerprint of every input of the last successful build, by content hash. */
  readonly fingerprint: string | undefined;
  /** The same from file stats (path, size, mtime): equal means unchanged without reading a file. */
  readonly statFingerprint: string | undefined;
  /** The build clock of the last build, and the first instant its output would change by the clock alone. */
  readonly now: number;
  readonly validUntil: number;
  /** The output folder, as a path from the site's root (see `sitePath`). */
  readonly outDir: string | undefined;
  readonly articleCount: number;
  readonly pageCount: number;
  /**
   * How many files the content folder held: a build that lists another
   * number cannot be up to date, and loads this cache before its stats are in.
   */
  readonly contentFiles?: number | undefined;
  /** How many files the static folder held: a large one is listed on a thread of its own while this cache loads. */
  readonly staticFiles?: number | undefined;
  /**
   * The wall-clock instant (milliseconds) just before the content folder was
   * listed: a file whose ctime is older still has the bytes that listing
   * saw, if its stamp agrees, and a newer one is read early (see `statAside`).
   */
  readonly listedAt?: number | undefined;
  /**
   * Hash of what plugins add to the Markdown pipeline when the results were
   * processed (empty without such plugins): results made with other plugins
   * are processed again, while the outputs stay to compare with.
   */
  readonly processing: string;
  /**
   * Hash of the warnings the build reported beyond its inputs' (`''` for
   * none), kept beside the state: a build that finds nothing changed reports
   * them again, as the build that made the output did. Unknown in a cache
   * that does not say: such a build is not taken as up to date.
   */
  readonly warnings?: string | undefined;
  /**
   * The output's search index is older than its pages: the build deferred
   * it (`build --defer-search`), so the next build that does not defer it
   * builds it, even with nothing else changed.
   */
  readonly searchOwed?: boolean | undefined;
}

/** One processed content file: the content hash and file stats it was processed from. */
export interface CachedResult {
  readonly hash: string;
  readonly result: ProcessResult;
  /** `size:mtime` of the file, when known. */
  readonly stat?: string | undefined;
}

/** Processed content files by path. */
export type ResultMap = Map<string, CachedResult>;

/** What a restore gives back: results, the outputs they were written as, and the bodies left in the cache. */
export interface RestoredSession {
  readonly results: ResultMap;
  readonly outputs: OutputState;
  /** Article bodies by source path, read from the cache only when needed. */
  readonly bodies: ReadonlyMap<string, PackedHtml>;
}

/** Where a save finds an article's body: a handle from this cache, or what reads its text. */
export type SavedBody = (sourcePath: string) => PackedHtml | (() => string) | undefined;

/** The session's memory between builds, on disk when a cache folder is given. */
export interface SessionCache {
  readonly state: SessionState;
  /** True when the inputs are identical, the clock has not crossed a change, and the output is where it was. */
  isUpToDate(fingerprint: string, now: number, outDir: string, kind?: 'content' | 'stat'): boolean;
  /** The last build's per-file results, bodies and outputs; empty when there are none. */
  restore(): Promise<RestoredSession>;
  save(
    state: SessionState,
    outputs: OutputState,
    results: ResultMap,
    bodyOf: SavedBody,
    warnings: readonly Diagnostic[],
  ): Promise<void>;
  /** The warnings of the build `state` describes (see `SessionState.warnings`), or undefined when they are lost. */
  loadWarnings(): Promise<readonly Diagnostic[] | undefined>;
  /** The code generated for templates whose sources hash to `key`, from an earlier build (see `compileRenderer`). */
  loadTemplates(key: string): Promise<PrecompiledTemplates | undefined>;
  saveTemplates(key: string, templates: PrecompiledTemplates): Promise<void>;
  /** The static images an earlier build measured (see `measureStaticImages`), if the cache holds them. */
  loadMeasuredImages(): Promise<MeasuredImages | undefined>;
  saveMeasuredImages(images: MeasuredImages): Promise<void>;
  close(): Promise<void>;
}

const EMPTY_STATE: SessionState = {
  fingerprint: undefined,
  statFingerprint: undefined,
  now: 0,
  validUntil: 0,
  outDir: undefined,
  articleCount: 0,
  pageCount: 0,
  processing: '',
};
const EMPTY_OUTPUTS: OutputState = { outputs: new Map(), fingerprints: new Map() };

interface StoredState extends Omit<SessionState, 'validUntil'> {
  readonly validUntil: number | null;
}

/**
 * Opens the session's cache: in memory only when `dir` is undefined
 * (`--no-cache`, or a watch session that keeps its state in memory anyway),
 * else backed by a {@link BuildCache} in `dir` under `key`.
 */
export async function openSessionCache(dir: string | undefined, key: string): Promise<SessionCache> {
  const disk: BuildCache<ProcessResult> | undefined = dir ? await openBuildCache(dir, key, resultCodec) : undefined;
  let state = readState(disk?.state);
  let outputs = EMPTY_OUTPUTS;
  let restored = false;
  let warnings: readonly Diagnostic[] | undefined;
  return {
    get state() {
      return state;
    },
    isUpToDate(fingerprint, now, outDir, kind = 'content') {
      const previous = kind === 'stat' ? state.statFingerprint : state.fingerprint;
      return previous === fingerprint && state.outDir === outDir && now >= state.now && now < state.validUntil;
    },
    async restore() {
      const empty: RestoredSession = { results: new Map(), outputs, bodies: new Map() };
      if (restored || !disk) return empty;
      restored = true;
      const records = await disk.loadRecords();
      if (!records) return empty;
      outputs = readStoredOutputs(records.data) ?? outputs;
      return { ...restoreResults(records.sources), outputs };
    },
    async save(nextState, nextOutputs, results, bodyOf, reported) {
      // The same warnings as the last save's (a publish into a site with 10,000 of them): the file holds them.
      const kept = state.warnings === nextState.warnings && warnings !== undefined;
      state = nextState;
      outputs = nextOutputs;
      warnings = reported;
      if (!disk) return;
      // Before the state, which is written last: a state never names warnings that are not there.
      if (reported.length > 0 && !kept)
        await disk.writeExtra('warnings', { hash: nextState.warnings, warnings: reported });
      const sources = new Map<string, SavedSource<ProcessResult>>();
      for (const [file, { hash, result, stat }] of results) {
        if (result.kind === 'failed') continue;
        sources.set(file, { hash, stat, record: result, html: hasBody(result) ? bodyOf(file) : undefined });
      }
      const storedState: StoredState = {
        ...nextState,
        validUntil: Number.isFinite(nextState.validUntil) ? nextState.validUntil : null,
      };
      await disk.save(storedState, storeOutputs(nextOutputs), sources);
    },
    async loadWarnings() {
      if (state.warnings === undefined) return undefined;
      if (state.warnings === '') return [];
      if (warnings) return warnings;
      const stored = (await disk?.readExtra('warnings')) as { hash?: unknown; warnings?: unknown } | undefined;
      if (stored?.hash !== state.warnings) return undefined;
      warnings = readStoredWarnings(stored.warnings);
      return warnings;
    },
    // The code runs as the templates would: the cache folder is as trusted as the
    // node_modules it lives in, and checksummed against corruption.
    async loadTemplates(templatesKey) {
      const stored = (await disk?.readExtra('templates')) as { key?: unknown; templates?: unknown } | undefined;
      if (stored?.key !== templatesKey || typeof stored.templates !== 'object' || stored.templates === null)
        return undefined;
      return stored.templates as PrecompiledTemplates;
    },
    async saveTemplates(templatesKey, templates) {
      await disk?.writeExtra('templates', { key: templatesKey, templates });
    },
    async loadMeasuredImages() {
      return readMeasuredImages(await disk?.readExtra('static-images'));
    },
    async saveMeasuredImages(images) {
      // `[path, stamp, width, height]`, with no size as 0 × 0: one small array per image.
      const rows = [...images].map(([file, { stamp, size }]) => [file, stamp, size?.width ?? 0, size?.height ?? 0]);
      await disk?.writeExtra('static-images', rows);
    },
    async close() {
      await disk?.close();
    },
  };
}

/** Results and bodies from the cache's records; an article whose HTML is missing is left out (processed again). */
function restoreResults(
  sources: ReadonlyMap<
    string,
    { hash: string; record: ProcessResult; stat?: string | undefined; html: PackedHtml | undefined }
  >,
): Pick<RestoredSession, 'results' | 'bodies'> {
  const results: ResultMap = new Map();
  const bodies = new Map<string, PackedHtml>();
  for (const [file, entry] of sources) {
    if (hasBody(entry.record)) {
      if (!entry.html) continue;
      bodies.set(file, entry.html);
    }
    results.set(file, { hash: entry.hash, result: entry.record, stat: entry.stat });
  }
  return { results, bodies };
}

/** Articles and standalone pages have a body kept in the body store (profiles carry their bio in the record). */
function hasBody(result: ProcessResult): boolean {
  return result.kind === 'article' || result.kind === 'page';
}

function readState(value: unknown): SessionState {
  if (typeof value !== 'object' || value === null) return EMPTY_STATE;
  const stored = value as Partial<StoredState>;
  if (typeof stored.now !== 'number' || typeof stored.fingerprint !== 'string') return EMPTY_STATE;
  return {
    fingerprint: stored.fingerprint,
    statFingerprint: typeof stored.statFingerprint === 'string' ? stored.statFingerprint : undefined,
    now: stored.now,
    validUntil: stored.validUntil ?? Number.POSITIVE_INFINITY,
    outDir: typeof stored.outDir === 'string' ? stored.outDir : undefined,
    articleCount: typeof stored.articleCount === 'number' ? stored.articleCount : 0,
    pageCount: typeof stored.pageCount === 'number' ? stored.pageCount : 0,
    contentFiles: typeof stored.contentFiles === 'number' ? stored.contentFiles : undefined,
    staticFiles: typeof stored.staticFiles === 'number' ? stored.staticFiles : undefined,
    listedAt: typeof stored.listedAt === 'number' ? stored.listedAt : undefined,
    warnings: typeof stored.warnings === 'string' ? stored.warnings : undefined,
    processing: typeof stored.processing === 'string' ? stored.processing : '',
    ...(stored.searchOwed === true ? { searchOwed: true } : {}),
  };
}
