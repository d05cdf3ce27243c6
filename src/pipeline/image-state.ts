import type { ImageOwner } from '../images/prepare-images.js';
import type { Page, SiteArticle } from '../site/site.js';

/**
 * What the images stage hands on, and what a session remembers of it between
 * builds: types alone, so that the session's memory can name them without
 * importing the stage.
 */

/** One image file a build publishes: a derived image from the store, or a page bundle's original. */
export interface ImageFile {
  /** Output path (`_images/a-640.1f2e3d4c5b.avif`, `nasional/banjir/foto-1.jpg`). */
  readonly path: string;
  /** A derived image's key, or an original's size and mtime: equal means the published file is still right. */
  readonly fingerprint: string;
  /** Absolute path of the bytes to publish. */
  readonly file: string;
  /** A derived image: the output state keeps it with its photo's group (see `DerivedGroups`), not by its path. */
  readonly derived?: true;
}

/**
 * The image owners of a site's articles, each article's at its index in
 * `site.articles` (undefined for one left out), as they were collected.
 */
export interface ArticleOwners {
  /** The site's pages and articles they were collected for (identities: a publish patch starts from those pages). */
  readonly pages: readonly Page[];
  readonly articles: readonly SiteArticle[];
  readonly bundlesOnly: boolean;
  readonly owners: readonly (ImageOwner | undefined)[];
}
