import type { ImageSizes } from '../site/image-size.js';
import { measureStaticImages, type StaticListing } from './read-static-info.js';
import type { SessionContext } from './session-memory.js';

/**
 * Sizes of the static images (an I/O edge): the session's while the static
 * folder is as it was, else measured again, taking each image whose stamp is
 * unchanged from what the last build measured (kept in the cache, so a build
 * of the CLI opens only new and changed images). The images stage measures
 * them, as the pictures' identities hold the sizes pages print.
 */
export async function measureSiteImages(
  context: SessionContext,
  listing: StaticListing,
  dryRun: boolean,
): Promise<ImageSizes> {
  const { memory } = context;
  const { stamp, files, stamps } = listing;
  if (memory.images?.stamp === stamp) return memory.images.sizes;
  const known = memory.images?.measured ?? (await memory.cache?.loadMeasuredImages());
  const { sizes, measured, changed } = await measureStaticImages(files, stamps, known, memory.staticReads);
  if (changed && !dryRun) await memory.cache?.saveMeasuredImages(measured);
  memory.images = { stamp, sizes, measured };
  return sizes;
}
