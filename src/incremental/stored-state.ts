import type { HeldBack } from '../site/held-back.js';

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
  /**
   * What the build left out of the site for now, scheduled articles and
   * drafts: a build that finds nothing changed says it again. Unknown in a
   * cache that does not say.
   */
  readonly held?: HeldBack | undefined;
}

/** A cache with no state: no build is up to date against it. */
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

/** The state as written to the cache. */
export interface StoredState extends Omit<SessionState, 'validUntil'> {
  readonly validUntil: number | null;
}

/** The state from the cache's JSON; anything malformed gives the empty state (nothing up to date). */
export function readState(value: unknown): SessionState {
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
    held: readHeld(stored.held),
  };
}

/** The state as the cache's JSON holds it: an unbounded `validUntil` as null. */
export function toStoredState(state: SessionState): StoredState {
  return { ...state, validUntil: Number.isFinite(state.validUntil) ? state.validUntil : null };
}

/** Held-back counts from the cache's JSON; anything malformed counts as unknown. */
function readHeld(value: unknown): HeldBack | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { scheduled, next, drafts } = value as Partial<Record<keyof HeldBack, unknown>>;
  if (typeof scheduled !== 'number' || typeof drafts !== 'number') return undefined;
  if (next !== undefined && typeof next !== 'string') return undefined;
  return { scheduled, next, drafts };
}
