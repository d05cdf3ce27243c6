/** Pixel dimensions of an image. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** Dimensions of the static folder's images, keyed by site URL path (`/images/a.jpg`). */
export type ImageSizes = ReadonlyMap<string, ImageSize>;

/** What was measured of one static image: at which `size:mtime` stamp, and its size (none when unmeasurable). */
export interface MeasuredImage {
  readonly stamp: string;
  readonly size: ImageSize | undefined;
}

/** Static images as measured, by output path (`images/a.jpg`): what the next build may take instead of measuring. */
export type MeasuredImages = ReadonlyMap<string, MeasuredImage>;

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
