import type { ResolvedConfig } from '../config/resolved-config.js';
import { createImageCatalog, type ImageCatalog } from '../images/image-catalog.js';
import type { ImagesConfig } from '../images/images-config.js';
import type { ImageFolders } from '../images/locate-image.js';
import type { SourceImage } from '../images/source-image.js';
import { createSiteUrl } from '../url/site-url.js';

/** Everything a site's image catalog is made from but the sources read for the build. */
export interface CatalogSettings {
  readonly config: ImagesConfig | false;
  readonly folders: ImageFolders;
  /** Root-relative href of a URL path that is already URI-encoded (base path applied). */
  readonly href: (urlPath: string) => string;
  /** Absolute URL of a URL path that is already URI-encoded. */
  readonly absolute: (urlPath: string) => string;
}

/** The catalog settings of a site: its `images` config, its folders and its address. */
export function createCatalogSettings(config: ResolvedConfig): CatalogSettings {
  const { href, absolute } = createSiteUrl(config);
  return {
    config: config.images,
    folders: { contentDir: config.contentDir, staticDir: config.staticDir },
    href,
    absolute,
  };
}

/**
 * The image catalog of a site from the sources read for a build: the same
 * function on the main thread and on render threads (which receive only the
 * sources), so every page names the same files whichever thread renders it.
 */
export function createSiteCatalog(config: ResolvedConfig, sources: ReadonlyMap<string, SourceImage>): ImageCatalog {
  return createImageCatalog({ ...createCatalogSettings(config), sources });
}
