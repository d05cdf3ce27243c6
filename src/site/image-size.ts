/** Pixel dimensions of an image. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** Dimensions of the static folder's images, keyed by site URL path (`/images/a.jpg`). */
export type ImageSizes = ReadonlyMap<string, ImageSize>;

/**
 * The known size of a content image source, if it is a site-relative file the
 * build measured; remote images have no known size.
 */
export function findImageSize(sizes: ImageSizes, src: string): ImageSize | undefined {
  if (sizes.size === 0 || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) return undefined;
  const bare = src.replace(/[?#].*$/, '');
  const urlPath = bare.startsWith('/') ? bare : `/${bare}`;
  return sizes.get(urlPath) ?? (urlPath.includes('%') ? sizes.get(safeDecode(urlPath)) : undefined);
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
