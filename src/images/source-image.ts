import type { FocalPoint } from './focal-crop.js';

/** What the pipeline knows of one local image file: read once, then cached by its bytes. */
export interface SourceImage {
  /** Root-relative URL path the original is published at, without the base path (`/images/a.jpg`). */
  readonly urlPath: string;
  /** SHA-1 of the file's bytes, hex: every derived image's name and cache key start from it. */
  readonly hash: string;
  /** Pixel size as displayed, EXIF orientation applied. */
  readonly width: number;
  readonly height: number;
  /** sharp's name of the format (`jpeg`, `png`, `webp`, `heif`, `gif`, `svg`, `tiff`). */
  readonly format: string;
  readonly hasAlpha: boolean;
  /** More than one frame (an animated GIF or WebP): published as it is, never re-encoded. */
  readonly animated: boolean;
  /** The point sharp's attention strategy picks, for `focus: auto`. */
  readonly attention: FocalPoint;
  /**
   * Its EXIF gives the GPS position where it was taken: derived files carry
   * no metadata, but the original is published as it is, and tells anyone
   * who downloads it (`image-location`).
   */
  readonly hasLocation: boolean;
}

/** Formats passed through untouched: vectors stay sharp at every size, and animations keep their frames. */
export function isPassthrough(source: Pick<SourceImage, 'format' | 'animated'>): boolean {
  return source.format === 'svg' || source.format === 'gif' || source.animated;
}
