import type { DerivedGroups } from '../images/derived-groups.js';
import type { SiteHistory } from '../incremental/history.js';
import type { PageDependents } from '../incremental/page-dependents.js';
import type { PlannedOutput } from '../plan/plan-outputs.js';
import type { Page } from '../site/site.js';
import type { SitemapMonths } from '../syndication/create-sitemaps.js';

/** The outputs of one build as a lazy stream, and what writing them needs to know. */
export interface RenderPlan {
  /** Every output (or, for a partial plan, every output that may have changed), rendered as it is pulled. */
  readonly outputs: AsyncIterable<PlannedOutput>;
  /** True when the output folder holds this session's last build, so only changes are written. */
  readonly incremental: boolean;
  /** True when `outputs` holds only what may have changed: every other output stays as it is. */
  readonly partial: boolean;
  /**
   * For a partial plan of a site whose pages moved (a publish): the outputs
   * of the last build that this one no longer has, deleted; `dependents`
   * then gives the site's new index. Absent: the pages are the last build's.
   */
  readonly deleted?: readonly string[];
  /**
   * The derived files this build's pages link, by photo (kept in the output
   * state), and, for a whole plan, those of the last build no photo has now
   * (deleted). A partial plan lists its gone files in `deleted`.
   */
  readonly derived: { readonly groups: DerivedGroups; readonly gone: readonly string[] };
  /** Pages of the last build kept as they are without being planned (their paths). */
  readonly unchanged: Iterable<string> | undefined;
  /** Output path → fingerprint of every output planned or kept; complete once `outputs` is drained. */
  readonly fingerprints: Map<string, string>;
  /** Which pages show each article, once `outputs` is drained; undefined when unknown. */
  dependents(): PageDependents | undefined;
  /** The site's articles as a chain from the oldest, for the next build (see `SiteHistory`); asked once the files are written. */
  history(): SiteHistory;
  /**
   * Outputs of the last build found stale only once `outputs` is drained
   * (the search index's old files, whose names hash their bytes): a partial
   * plan deletes them with its `deleted`. @default none
   */
  staleOutputs?(): readonly string[];
  /** Stops any render threads. */
  close(): Promise<void>;
  /** Where this build's monthly sitemap files are, once `outputs` is drained, for the session's next publish. */
  sitemapMonths?(): SitemapMonths | undefined;
  /**
   * True when the build left the last search index as it was (see
   * `BuildMode.deferSearch`): the index is then owed to the next build.
   * A deferred build that had no last index to keep built one. @default false
   */
  readonly searchDeferred?: boolean;
}

/** The outputs as they pass, their fingerprints recorded in `into` and their pages in the dependents index. */
export async function* recordFingerprints(
  outputs: AsyncIterable<PlannedOutput>,
  into: Map<string, string>,
  dependents?: { add(path: string, page: Page): void },
): AsyncGenerator<PlannedOutput> {
  for await (const output of outputs) {
    if (!output.derived) into.set(output.path, output.fingerprint);
    if (dependents && output.page) dependents.add(output.path, output.page);
    yield output;
  }
}
