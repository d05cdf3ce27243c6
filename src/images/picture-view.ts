import type { Picture, Rendition } from './plan-picture.js';

/** A picture with its URLs ready to print: what the image partial and body images receive. */
export interface PictureView {
  /** The `<img>`'s `src`. */
  readonly src: string;
  /** The `<img>`'s `srcset` (`a.jpg 320w, b.jpg 640w`), undefined for a single image. */
  readonly srcset: string | undefined;
  readonly sizes: string | undefined;
  /** `<source>` elements, best format first; empty: a plain `<img>`. */
  readonly sources: readonly { readonly type: string; readonly srcset: string }[];
  readonly width: number;
  readonly height: number;
}

/**
 * Turns a planned picture into printable attributes: site-relative URLs get
 * the base path (`href`), CDN URLs stay as they are, and a picture of one
 * image (a passthrough SVG) gets no `srcset`, nor does the `<img>` of encoded
 * files (its one fallback file is its `src`).
 */
export function createPictureView(picture: Picture, href: (urlPath: string) => string): PictureView {
  const url = (rendition: Rendition) => (rendition.url.startsWith('/') ? href(rendition.url) : rendition.url);
  const srcset = (renditions: readonly Rendition[]) =>
    renditions.map((rendition) => `${encodeSpaces(url(rendition))} ${rendition.width}w`).join(', ');
  const responsive = picture.srcset.length > 1 || picture.sources.length > 0;
  return {
    src: url(picture.fallback),
    srcset: picture.srcset.length > 0 && responsive ? srcset(picture.srcset) : undefined,
    sizes: responsive ? picture.sizes : undefined,
    sources: picture.sources.map((source) => ({ type: source.type, srcset: srcset(source.srcset) })),
    width: picture.width,
    height: picture.height,
  };
}

/** A space would end a URL inside `srcset` (commas inside one are fine); `%20` means the same path. */
function encodeSpaces(url: string): string {
  return url.replace(/ /g, '%20');
}
