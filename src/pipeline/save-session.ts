import { sitePath } from '../config/site-paths.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { startOfNextYear } from '../i18n/zone-clock.js';
import { fingerprintStats, stampImages, statContent } from '../incremental/content-stats.js';
import { findNextClockChange } from '../incremental/next-clock-change.js';
import type { SessionState } from '../incremental/session-cache.js';
import type { HeldBack } from '../site/held-back.js';
import type { SiteModel } from './model-site.js';
import { processingKey } from './plugin-stages.js';
import type { ProcessedContent } from './process-content.js';
import type { BuildInputs } from './read-inputs.js';
import type { SessionContext } from './session-memory.js';
import type { WrittenOutputs } from './write-outputs.js';

/**
 * The `save` stage: what this build leaves for the next one, in the
 * session's memory and (with a cache folder) on disk: the fingerprints that
 * tell that nothing changed, every result and body, the outputs written, the
 * warnings reported (beyond the inputs' own, which every build finds again), and
 * the model, which the next change may patch instead of rebuilding.
 * `searchOwed`: the output's search index is older than its pages; `held`:
 * what the build left out, said again by a build that finds nothing changed.
 */
export async function saveSession(
  context: SessionContext,
  inputs: BuildInputs,
  processed: ProcessedContent,
  model: SiteModel,
  written: WrittenOutputs,
  warnings: readonly Diagnostic[],
  { searchOwed, held }: { readonly searchOwed: boolean; readonly held: HeldBack },
): Promise<void> {
  const { config, memory, options } = context;
  const cache = memory.cache;
  if (!cache) throw new Error('Internal: the build cache was not opened before saving');
  memory.outputs = written.outputs;
  // Hashed, and written as they are when they changed: stringified once.
  const warningsJson = warnings.length > 0 ? JSON.stringify(warnings) : '';
  const state: SessionState = {
    fingerprint: processed.fingerprint,
    // Only a cache on disk is ever compared with stats from another process.
    statFingerprint:
      inputs.statFingerprint ??
      (options.cacheDir === undefined ? undefined : await fingerprintListing(config.contentDir, inputs.settings)),
    now: inputs.now,
    // A patched model has the same dates, so the same next change of the clock; the
    // footers' copyright year changes at New Year in the site's zone.
    validUntil: Math.min(
      startOfNextYear(inputs.now, config.timeZone),
      // A patch keeps the last dates, but not a live blog's: an edit may add an update or move `liveUntil`.
      findNextClockChange(
        model.site.articles.filter((article) => article.live),
        inputs.now,
      ),
      model.articles
        ? findNextClockChange(model.articles, inputs.now)
        : model.publish?.change === 'add'
          ? // A published article brings its own next change (leaving the news sitemap's window).
            Math.min(cache.state.validUntil, findNextClockChange([model.publish.article], inputs.now))
          : cache.state.validUntil,
    ),
    outDir: sitePath(config, config.outDir),
    articleCount: model.site.articles.length,
    pageCount: model.site.pages.length,
    contentFiles: memory.entries.size,
    staticFiles: inputs.staticListing.files.length,
    listedAt: memory.listedAt,
    processing: processingKey(config),
    warnings: warningsJson === '' ? '' : hashBytes(warningsJson),
    ...(searchOwed ? { searchOwed: true } : {}),
    // Nothing is published or taken down by the clock before `validUntil`: the same until then.
    held,
  };
  const bodyOf = (sourcePath: string) => memory.bodies.saved(sourcePath);
  await cache.save(state, written.outputs, memory.results, bodyOf, warnings, warningsJson);
  memory.siteDataHash = model.siteData?.hash ?? '';
  memory.lastModel = {
    site: model.site,
    indexes: model.indexes,
    settings: inputs.settings,
    pathsHash: memory.order?.hash ?? '',
    paths: memory.order?.paths ?? [],
    lookups: model.lookups,
    modelWarnings: model.modelWarnings,
  };
}

/** The stat fingerprint of the content folder as it is now, images included (see `BuildInputs.contentSettings`). */
async function fingerprintListing(contentDir: string, settings: string): Promise<string> {
  const listing = await statContent(contentDir);
  return fingerprintStats(listing.files, hashBytes(`${settings}\n${stampImages(listing.images)}`));
}
