import { type BuildCache, openBuildCache, type PackedHtml, type SavedSource } from '../cache/build-cache.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ProcessResult } from '../process/process-source.js';
import type { PrecompiledTemplates } from '../render/compile-templates.js';
import type { MeasuredImages } from '../site/image-size.js';
import { readMeasuredImages } from './measured-images.js';
import { resultCodec } from './result-codec.js';
import { type OutputState, readStoredOutputs, storeOutputs } from './stored-outputs.js';
import { readState, type SessionState, toStoredState } from './stored-state.js';
import { readStoredWarnings } from './stored-warnings.js';

export type { OutputState } from './stored-outputs.js';
export type { SessionState } from './stored-state.js';

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
    /** `warnings` as JSON, when the caller has it (it hashed them): a large site's are not stringified again. */
    warningsJson?: string,
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

const EMPTY_OUTPUTS: OutputState = { outputs: new Map(), fingerprints: new Map() };

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
    async save(nextState, nextOutputs, results, bodyOf, reported, reportedJson) {
      // The same warnings as the last save's (a publish into a site with 10,000 of them): the file holds them.
      const kept = state.warnings === nextState.warnings && warnings !== undefined;
      state = nextState;
      outputs = nextOutputs;
      warnings = reported;
      if (!disk) return;
      // Before the state, which is written last: a state never names warnings that are not there.
      // The text `{ hash, warnings }` stringifies to: 100,000 warnings are 40 MB of JSON, made once.
      if (reported.length > 0 && !kept)
        await disk.writeExtraJson(
          'warnings',
          `{"hash":${JSON.stringify(nextState.warnings)},"warnings":${reportedJson ?? JSON.stringify(reported)}}`,
        );
      const sources = new Map<string, SavedSource<ProcessResult>>();
      for (const [file, { hash, result, stat }] of results) {
        if (result.kind === 'failed') continue;
        sources.set(file, { hash, stat, record: result, html: hasBody(result) ? bodyOf(file) : undefined });
      }
      await disk.save(toStoredState(nextState), storeOutputs(nextOutputs), sources);
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
