import { type BuildCache, type HtmlRef, openBuildCache, type SavedSource } from '../cache/build-cache.js';
import type { ProcessResult } from '../process/process-source.js';
import type { PrecompiledTemplates } from '../render/compile-templates.js';
import { type PageDependents, readDependents } from './page-dependents.js';

/** The small state a build leaves for the next one: enough to tell that nothing changed. */
export interface SessionState {
  /** Fingerprint of every input of the last successful build, by content hash. */
  readonly fingerprint: string | undefined;
  /** The same from file stats (path, size, mtime): equal means unchanged without reading a file. */
  readonly statFingerprint: string | undefined;
  /** The build clock of the last build, and the first instant its output would change by the clock alone. */
  readonly now: number;
  readonly validUntil: number;
  readonly outDir: string | undefined;
  readonly articleCount: number;
  readonly pageCount: number;
}

/** What the last build wrote: needed only when something is built again. */
export interface OutputState {
  /** Output path → content hash (static files: `size:mtime`). */
  readonly outputs: Readonly<Record<string, string>>;
  /** Output path → fingerprint of the data it was rendered from. */
  readonly fingerprints: ReadonlyMap<string, string>;
  /** Which pages show each article, for the structure of the last build's site. */
  readonly dependents?: PageDependents | undefined;
}

/** One processed content file: the content hash and file stats it was processed from, and where its HTML is cached. */
export interface CachedResult {
  readonly hash: string;
  readonly result: ProcessResult;
  /** `size:mtime` of the file, when known. */
  readonly stat?: string | undefined;
  /** The HTML's place in the on-disk pack, when it came from there. */
  readonly htmlRef?: HtmlRef | undefined;
  /** The result as the pack's records hold it (HTML and body left out), when it came from there. */
  readonly stored?: ProcessResult | undefined;
  /** Reads the article's HTML, for a result kept without it (its `html` is empty): restored from the cache, or spilled. */
  readonly loadHtml?: (() => string) | undefined;
}

/** Processed content files by path. */
export type ResultMap = Map<string, CachedResult>;

/** The session's memory between builds, on disk when a cache folder is given. */
export interface SessionCache {
  readonly state: SessionState;
  /** True when the inputs are identical, the clock has not crossed a change, and the output is where it was. */
  isUpToDate(fingerprint: string, now: number, outDir: string, kind?: 'content' | 'stat'): boolean;
  /** The last build's per-file results (HTML included) and outputs; empty when there are none. */
  restore(): Promise<{ results: ResultMap; outputs: OutputState }>;
  save(state: SessionState, outputs: OutputState, results: ResultMap): Promise<void>;
  /** The code generated for templates whose sources hash to `key`, from an earlier build (see `compileRenderer`). */
  loadTemplates(key: string): Promise<PrecompiledTemplates | undefined>;
  saveTemplates(key: string, templates: PrecompiledTemplates): Promise<void>;
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
};
const EMPTY_OUTPUTS: OutputState = { outputs: {}, fingerprints: new Map() };

interface StoredState extends Omit<SessionState, 'validUntil'> {
  readonly validUntil: number | null;
}
/**
 * An {@link OutputState} as the cache keeps it: every output path once, with
 * its hash and fingerprint at the same index (`''` for none), and the
 * dependents' pages as indexes into the same paths. Keyed by path three times
 * over, as it once was, the paths were most of this line's 6 MB at 10,000
 * articles, parsed by every build that has something to do.
 */
interface StoredOutputs {
  readonly paths: readonly string[];
  readonly hashes: readonly string[];
  readonly fingerprints: readonly string[];
  readonly dependents?:
    | { readonly structure: string; readonly pages: readonly number[]; readonly byArticle: PageDependents['byArticle'] }
    | undefined;
}

/** Packs an output state for the cache (see {@link StoredOutputs}). */
export function storeOutputs(state: OutputState): StoredOutputs {
  const index = new Map<string, number>();
  const paths: string[] = [];
  const hashes: string[] = [];
  const fingerprints: string[] = [];
  const at = (path: string): number => {
    let position = index.get(path);
    if (position === undefined) {
      position = paths.push(path) - 1;
      hashes.push('');
      fingerprints.push('');
      index.set(path, position);
    }
    return position;
  };
  for (const [path, hash] of Object.entries(state.outputs)) hashes[at(path)] = hash;
  for (const [path, fingerprint] of state.fingerprints) fingerprints[at(path)] = fingerprint;
  const { dependents } = state;
  return {
    paths,
    hashes,
    fingerprints,
    dependents: dependents && {
      structure: dependents.structure,
      pages: dependents.paths.map(at),
      byArticle: dependents.byArticle,
    },
  };
}

/** Unpacks what {@link storeOutputs} made; anything malformed counts as missing (undefined). */
export function readStoredOutputs(value: unknown): OutputState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { paths, hashes, fingerprints, dependents } = value as Partial<StoredOutputs>;
  const texts = (list: unknown): list is string[] =>
    Array.isArray(list) && list.length === paths?.length && list.every((item) => typeof item === 'string');
  if (!Array.isArray(paths) || !texts(paths) || !texts(hashes) || !texts(fingerprints)) return undefined;
  const outputs: Record<string, string> = {};
  const fingerprintMap = new Map<string, string>();
  paths.forEach((path, position) => {
    if (hashes[position]) outputs[path] = hashes[position];
    if (fingerprints[position]) fingerprintMap.set(path, fingerprints[position]);
  });
  const pages =
    dependents && Array.isArray(dependents.pages) ? dependents.pages.map((position) => paths[position]) : undefined;
  return {
    outputs,
    fingerprints: fingerprintMap,
    dependents:
      pages && readDependents({ structure: dependents?.structure, paths: pages, byArticle: dependents?.byArticle }),
  };
}

/**
 * Opens the session's cache: in memory only when `dir` is undefined
 * (`--no-cache`, or a watch session that keeps its state in memory anyway),
 * else backed by a {@link BuildCache} in `dir` under `key`.
 */
export async function openSessionCache(dir: string | undefined, key: string): Promise<SessionCache> {
  const disk: BuildCache<ProcessResult> | undefined = dir ? await openBuildCache(dir, key) : undefined;
  let state = readState(disk?.state);
  let outputs = EMPTY_OUTPUTS;
  let restored = false;
  return {
    get state() {
      return state;
    },
    isUpToDate(fingerprint, now, outDir, kind = 'content') {
      const previous = kind === 'stat' ? state.statFingerprint : state.fingerprint;
      return previous === fingerprint && state.outDir === outDir && now >= state.now && now < state.validUntil;
    },
    async restore() {
      const results: ResultMap = new Map();
      if (restored || !disk) return { results, outputs };
      restored = true;
      const records = await disk.loadRecords();
      if (!records) return { results, outputs };
      outputs = readStoredOutputs(records.data) ?? outputs;
      for (const [file, entry] of Object.entries(records.sources)) {
        if (!entry) continue;
        const result = entry.record;
        if (result.kind !== 'article') {
          results.set(file, { hash: entry.hash, result, stat: entry.stat });
          continue;
        }
        // Checked now, read when a page or feed needs it (see `htmlOf`).
        const loadHtml = records.html(entry);
        if (loadHtml)
          results.set(file, {
            hash: entry.hash,
            result,
            stat: entry.stat,
            htmlRef: entry.html,
            stored: result,
            loadHtml,
          });
      }
      return { results, outputs };
    },
    async save(nextState, nextOutputs, results) {
      state = nextState;
      outputs = nextOutputs;
      if (!disk) return;
      const sources = new Map<string, SavedSource<ProcessResult>>();
      for (const [file, { hash, result, stat, htmlRef, stored, loadHtml }] of results) {
        if (result.kind === 'failed') continue;
        sources.set(
          file,
          result.kind === 'article'
            ? {
                hash,
                stat,
                record: (htmlRef && stored) ?? withoutBody(result),
                html: htmlRef ?? loadHtml ?? result.article.html,
              }
            : { hash, stat, record: result, html: undefined },
        );
      }
      const storedState: StoredState = {
        ...nextState,
        validUntil: Number.isFinite(nextState.validUntil) ? nextState.validUntil : null,
      };
      await disk.save(storedState, storeOutputs(nextOutputs), sources);
      // The pack may have been rewritten: forget old offsets so the next save writes that HTML anew.
      for (const [file, entry] of results)
        if (entry.htmlRef) results.set(file, { ...entry, htmlRef: undefined, stored: undefined });
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
    async close() {
      await disk?.close();
    },
  };
}

/** An article's result as the records keep it: HTML and Markdown left out (the HTML goes to the pack). */
function withoutBody(result: Extract<ProcessResult, { kind: 'article' }>): ProcessResult {
  return result.article.html === '' && result.article.body === ''
    ? result
    : { kind: 'article', article: { ...result.article, html: '', body: '' } };
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
  };
}
