import type { ResolvedConfig } from '../config/resolved-config.js';
import { processingKey } from './plugin-stages.js';
import { cacheKey } from './read-inputs.js';
import { createSessionMemory, type SessionMemory } from './session-memory.js';

/** What a session opened for a new config takes over from the last one's memory. */
export interface CarriedMemory {
  readonly memory: SessionMemory;
  /** Whether the new memory holds the old one's body store and cache (the old session must then not close them). */
  readonly tookContent: boolean;
  /** Whether it holds the old one's image pipeline. */
  readonly tookImages: boolean;
}

/**
 * The memory a session opened for an edited config starts from, as a
 * build with the on-disk cache would (see `restoreFromCache`): the output
 * folder's written files, when the folder is the same, so that only pages
 * whose bytes change are written again; the processed content, its bodies
 * and the cache, when the content was processed the same way (same
 * folder, time zone, locale, newsgen and Markdown plugins), so that no
 * article is processed again; and the derived images, whose files are
 * named by what they were made from. Theme, plugins, static listing and
 * model are made again from the new config. Without this a saved config
 * file (even unchanged) made `serve` process every article and write every
 * file again.
 */
export function carryMemory(
  memory: SessionMemory,
  from: ResolvedConfig,
  to: ResolvedConfig,
  version: string,
): CarriedMemory {
  const next = createSessionMemory();
  if (from.outDir === to.outDir) Object.assign(next, { outputs: memory.outputs, searchOwed: memory.searchOwed });
  const sameContent =
    cacheKey(from, { version }) === cacheKey(to, { version }) && processingKey(from) === processingKey(to);
  if (sameContent) {
    Object.assign(next, {
      entries: memory.entries,
      bodies: memory.bodies,
      results: memory.results,
      order: memory.order,
      contentImages: memory.contentImages,
      refusedContent: memory.refusedContent,
      cache: memory.cache,
      // Listed again: the config may have moved what the watch sees.
      listed: false,
    });
  }
  const pipeline = memory.imagePipeline;
  if (pipeline)
    next.imagePipeline = {
      store: pipeline.store,
      encoder: pipeline.encoder,
      temporaryDir: pipeline.temporaryDir,
      digest: undefined,
    };
  return { memory: next, tookContent: sameContent, tookImages: pipeline !== undefined };
}
