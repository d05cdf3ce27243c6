/** What {@link createSearchIndexer} needs. */
export interface SearchIndexerOptions {
  /** Builds the search index the preview's rebuilds deferred (a build of the session that does not defer it). */
  readonly index: () => Promise<void>;
  /** Quiet time after the last rebuild before indexing, so quick saves are indexed once. @default 500 */
  readonly delayMs?: number;
}

/** Brings a preview's search index up to date after the rebuilds that deferred it. */
export interface SearchIndexer {
  /** After a rebuild that deferred the index: index once saves have paused. */
  later(): void;
  /** Before a rebuild (and on closing): nothing is indexed meanwhile; resolves once an index build under way has ended. */
  hold(): Promise<void>;
}

/**
 * Defers a preview's search index out of its rebuilds: a saved article is
 * written (and its page reloaded) without waiting for Pagefind, which takes
 * about 1.7 s per 1,000 articles; the index is built once the rebuilds have
 * paused for `delayMs`, as one more build of the same session, so it is
 * written through the same staged output and never while a rebuild runs.
 */
export function createSearchIndexer(options: SearchIndexerOptions): SearchIndexer {
  const delayMs = options.delayMs ?? 500;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  return {
    later() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        running = options.index().finally(() => {
          running = undefined;
        });
      }, delayMs);
    },
    async hold() {
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}
