import { openBuildCache, type BuildCache } from '../cache/build-cache.js';
import type { ProcessResult } from './process-article.js';

/** What a build leaves for the next one. */
export interface SessionState {
  /** Fingerprint of every input of the last successful build. */
  readonly fingerprint: string | undefined;
  /** The build clock of the last build, and the first instant its output would change by the clock alone. */
  readonly now: number;
  readonly validUntil: number;
  readonly outDir: string | undefined;
  /** Output path → content hash (static files: `size:mtime`). */
  readonly outputs: Readonly<Record<string, string>>;
  /** Output path → fingerprint of the data it was rendered from. */
  readonly fingerprints: ReadonlyMap<string, string>;
  readonly articleCount: number;
  readonly pageCount: number;
}

/** Processed content files by path, with the content hash they were processed from. */
export type ResultMap = Map<string, { hash: string; result: ProcessResult }>;

/** The session's memory between builds, on disk when a cache folder is given. */
export interface SessionCache {
  readonly state: SessionState;
  /** True when the inputs are identical, the clock has not crossed a change, and the output is where it was. */
  isUpToDate(fingerprint: string, now: number, outDir: string): boolean;
  /** The cached per-file results (HTML included); empty when there is no cache. */
  restoreResults(): Promise<ResultMap>;
  save(state: SessionState & { results: ResultMap }): Promise<void>;
  close(): Promise<void>;
}

const EMPTY: SessionState = { fingerprint: undefined, now: 0, validUntil: 0, outDir: undefined, outputs: {}, fingerprints: new Map(), articleCount: 0, pageCount: 0 };

type StoredRecord = ProcessResult;
interface StoredExtra {
  readonly now: number;
  readonly validUntil: number | null;
  readonly fingerprints: Record<string, string>;
  readonly articleCount: number;
  readonly pageCount: number;
}

/**
 * Opens the session's cache: in memory only when `dir` is undefined
 * (`--no-cache`, or a watch session keeping its state in memory anyway), else
 * backed by a {@link BuildCache} in `dir` under `key`.
 */
export async function openSessionCache(dir: string | undefined, key: string): Promise<SessionCache> {
  const disk: BuildCache<StoredRecord> | undefined = dir ? await openBuildCache(dir, key) : undefined;
  let state = restoreState(disk);
  return {
    get state() {
      return state;
    },
    isUpToDate(fingerprint, now, outDir) {
      return state.fingerprint === fingerprint && state.outDir === outDir && now >= state.now && now < state.validUntil;
    },
    async restoreResults() {
      const results: ResultMap = new Map();
      const manifest = disk?.manifest;
      if (!disk || !manifest) return results;
      for (const [file, entry] of Object.entries(manifest.sources)) {
        if (!entry) continue;
        const result = entry.record;
        if (result.kind !== 'article') {
          results.set(file, { hash: entry.hash, result });
          continue;
        }
        const html = await disk.readHtml(entry);
        if (html !== undefined) results.set(file, { hash: entry.hash, result: { kind: 'article', article: { ...result.article, html } } });
      }
      return results;
    },
    async save(next) {
      const { results, ...rest } = next;
      state = rest;
      if (!disk) return;
      const sources = new Map<string, { hash: string; record: StoredRecord; html: string | undefined }>();
      for (const [file, { hash, result }] of results) {
        if (result.kind === 'failed') continue;
        sources.set(file, result.kind === 'article' ? { hash, record: { kind: 'article', article: { ...result.article, html: '', body: '' } }, html: result.article.html } : { hash, record: result, html: undefined });
      }
      const extra: StoredExtra = { now: next.now, validUntil: Number.isFinite(next.validUntil) ? next.validUntil : null, fingerprints: Object.fromEntries(next.fingerprints), articleCount: next.articleCount, pageCount: next.pageCount };
      await disk.save({ key, fingerprint: next.fingerprint ?? '', outDir: next.outDir ?? '', outputs: next.outputs, extra }, sources);
    },
    async close() {
      await disk?.close();
    },
  };
}

function restoreState(disk: BuildCache<StoredRecord> | undefined): SessionState {
  const manifest = disk?.manifest;
  const extra = manifest?.extra as StoredExtra | undefined;
  if (!manifest || typeof extra !== 'object' || extra === null || typeof extra.fingerprints !== 'object') return EMPTY;
  return {
    fingerprint: manifest.fingerprint,
    now: extra.now,
    validUntil: extra.validUntil ?? Number.POSITIVE_INFINITY,
    outDir: manifest.outDir,
    outputs: manifest.outputs as Record<string, string>,
    fingerprints: new Map(Object.entries(extra.fingerprints)),
    articleCount: extra.articleCount,
    pageCount: extra.pageCount,
  };
}
