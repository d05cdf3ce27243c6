import type { FocalPoint } from './focal-crop.js';
import type { ImageSlot, ImagesConfig } from './images-config.js';
import { createLocator, type ImageFolders, type LocatedImage, type Locator } from './locate-image.js';
import { createPictureView, type PictureView } from './picture-view.js';
import { type Derivative, type PlanContext, planPicture, type Rendition } from './plan-picture.js';
import { planShareImages, type ShareImages } from './plan-share-images.js';
import { type BodyImage, rewriteBodyImages } from './rewrite-body-images.js';
import type { SourceImage } from './source-image.js';

/** An image as content uses it: the path as written, the article it belongs to, and its focus. */
export interface ImageUse {
  readonly src: string;
  /** Content-relative path of the article (or profile) using it: relative paths resolve beside it. */
  readonly owner: string | undefined;
  readonly focus?: FocalPoint | 'auto' | undefined;
}

/**
 * The site's images as pages show them: pure lookups over the sources read
 * for this build, so every page (on any thread) plans the same pictures with
 * the same names. Remote images, and every image with the pipeline off, are
 * not in it: pages link them as written.
 */
export interface ImageCatalog {
  /** The responsive picture of a local image in a slot, URLs ready to print. */
  picture(use: ImageUse, slot: ImageSlot): PictureView | undefined;
  /** Share images of a local lead image, every URL absolute (for JSON-LD, Open Graph and feeds). */
  share(use: ImageUse): ShareImages | undefined;
  /** The root-relative URL (base path applied) of a local image's published original. */
  original(use: ImageUse): string | undefined;
  /**
   * Sanitised body HTML with its local images made responsive (or pointed at
   * their published files); its URLs are root-relative without the base path,
   * which the page adds to every URL of the body.
   */
  body(html: string, owner: string): string;
  /** The derived files a use needs in a slot (for the encode stage). */
  derivatives(use: ImageUse, slot: ImageSlot | 'share'): readonly Derivative[];
  /**
   * Everything a use's markup is made from besides the config and the use
   * itself: where its file is published and, when read, what was read of it
   * (hash, size, format, attention point); empty for a remote image. Equal
   * identities give equal pictures, so pages fingerprint their images with it.
   */
  identity(use: ImageUse): string;
}

/** What the catalog is built from. */
export interface CatalogInput {
  readonly config: ImagesConfig | false;
  readonly folders: ImageFolders;
  /** Sources read this build, by absolute file path. */
  readonly sources: ReadonlyMap<string, SourceImage>;
  readonly href: (urlPath: string) => string;
  readonly absolute: (urlPath: string) => string;
  /** Resolves image paths (default: a new one over `folders`); the image stage shares its own. */
  readonly locate?: Locator;
}

/** Builds the catalog; plans are made on first use and kept for the build. */
export function createImageCatalog(input: CatalogInput): ImageCatalog {
  const { config } = input;
  const plans = new Map<string, unknown>();
  const memo = <T>(key: string, make: () => T): T => {
    if (!plans.has(key)) plans.set(key, make());
    return plans.get(key) as T;
  };
  const locate = input.locate ?? createLocator(input.folders);
  const identities = new Map<LocatedImage, string>();
  const find = (use: ImageUse) => {
    const located = locate(use.src, use.owner);
    if (!located || 'outside' in located) return undefined;
    const source = input.sources.get(located.file);
    return { located, source };
  };
  const focusOf = (use: ImageUse, source: SourceImage): FocalPoint =>
    use.focus === 'auto' ? source.attention : (use.focus ?? [0.5, 0.5]);
  const context = (images: ImagesConfig): PlanContext => ({
    config: images,
    href: (urlPath) => input.href(encodeURI(urlPath)),
    absolute: (urlPath) => input.absolute(encodeURI(urlPath)),
  });
  const plan = (use: ImageUse, slot: ImageSlot) => {
    const found = config ? find(use) : undefined;
    if (!config || !found?.source) return undefined;
    const { source } = found;
    const focus = focusOf(use, source);
    return memo(`${source.urlPath}\n${slot}\n${focus.join(',')}`, () =>
      planPicture(source, slot, focus, context(config)),
    );
  };
  const share = (use: ImageUse): ShareImages | undefined => {
    const found = config ? find(use) : undefined;
    if (!config || !found?.source) return undefined;
    const { source } = found;
    const focus = focusOf(use, source);
    return memo(`${source.urlPath}\nshare\n${focus.join(',')}`, () => {
      const planned = planShareImages(source, focus, context(config));
      const absolute = (rendition: Rendition): Rendition =>
        rendition.url.startsWith('/') ? { ...rendition, url: input.absolute(encodeURI(rendition.url)) } : rendition;
      return { ...planned, structured: planned.structured.map(absolute), openGraph: absolute(planned.openGraph) };
    });
  };
  const original = (use: ImageUse) => {
    const found = find(use);
    return found ? input.href(encodeURI(found.located.urlPath)) : undefined;
  };
  const catalog: ImageCatalog = {
    picture(use, slot) {
      const picture = plan(use, slot);
      return picture && createPictureView(picture, input.href);
    },
    share,
    original,
    body(html, owner) {
      return rewriteBodyImages(html, (src): BodyImage | undefined => {
        const use = { src, owner };
        const picture = plan(use, 'body');
        if (picture) return { picture: createPictureView(picture, (urlPath) => urlPath) };
        // With the pipeline off, only a page bundle's relative path needs a new URL: the others work as written.
        const found = find(use);
        return found?.located.inContent && !src.startsWith('/') ? { src: encodeURI(found.located.urlPath) } : undefined;
      });
    },
    derivatives(use, slot) {
      return (slot === 'share' ? share(use) : plan(use, slot))?.derivatives ?? [];
    },
    identity(use) {
      const found = find(use);
      if (!found) return '';
      const { located, source } = found;
      if (!source) return located.urlPath;
      // Asked for every use when planning and again when identifying the site's images: made once per file.
      let identity = identities.get(located);
      if (identity === undefined) {
        identity = `${source.urlPath} ${source.hash} ${source.width}x${source.height} ${source.format} ${source.hasAlpha} ${source.animated} ${source.attention.join(',')}`;
        identities.set(located, identity);
      }
      return identity;
    },
  };
  return catalog;
}
