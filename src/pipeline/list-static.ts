import type { StaticReadsAside } from '../output/static-keys.js';
import { readChangedStaticAside, readStaticListing, type StaticListing } from './read-static-info.js';
import type { SessionContext, SessionMemory } from './session-memory.js';

/**
 * The static folder's listing: the session's while it is not stale, else
 * the one listed beside the cache or a new one. Its files changed since the
 * last listing are then read whole on threads (see `readChangedStaticAside`).
 */
export async function listStatic(
  context: SessionContext,
  stale: boolean,
  early: { staticListing?: StaticListing | undefined; staticReads?: StaticReadsAside | undefined },
): Promise<StaticListing> {
  const { config, memory } = context;
  memory.staticReads = undefined;
  if (!stale && memory.staticListing) return memory.staticListing;
  if (early.staticListing) {
    memory.staticListing = early.staticListing;
    memory.staticReads = early.staticReads;
  } else {
    memory.staticListing = await readStaticListing(config.staticDir);
    memory.staticReads = readChangedStaticAside(memory.staticListing, staticSince(memory));
  }
  if (memory.staticReads)
    context.options.logger.debug(
      `inputs    ${memory.staticReads.files} static files changed since the last listing, read on threads`,
    );
  return memory.staticListing;
}

/**
 * The instant the last build listed its inputs, for a build that starts from
 * the cache (see `readChangedStaticAside`); undefined in a session that has
 * built already, whose static files change one by one.
 */
export function staticSince(memory: SessionMemory): number | undefined {
  return memory.results.size === 0 ? memory.cache?.state.listedAt : undefined;
}
