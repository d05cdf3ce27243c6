/** A point of an image as fractions of its width and height (0-1 each): `[0.5, 0.5]` is the centre. */
export type FocalPoint = readonly [x: number, y: number];

/** A rectangle of source pixels (after EXIF orientation is applied). */
export interface CropRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The centre, used when an image says nothing about its focus. */
export const CENTRE: FocalPoint = Object.freeze([0.5, 0.5]) as FocalPoint;

/**
 * The largest rectangle of aspect `ratio` (width / height) inside an image of
 * `width` × `height`, centred on the focal point as far as the edges allow:
 * a face near the top of a portrait stays in a 16:9 crop instead of being cut
 * off by a centred one.
 */
export function cropAround(width: number, height: number, ratio: number, focus: FocalPoint = CENTRE): CropRect {
  const cropWidth = Math.min(width, Math.round(height * ratio));
  const cropHeight = Math.min(height, Math.round(cropWidth / ratio));
  return {
    left: place(focus[0] * width, cropWidth, width),
    top: place(focus[1] * height, cropHeight, height),
    width: cropWidth,
    height: cropHeight,
  };
}

/** The start of a span of `size` centred on `centre` and kept within `0..total`. */
function place(centre: number, size: number, total: number): number {
  return Math.max(0, Math.min(total - size, Math.round(centre - size / 2)));
}

/** The whole image as a crop. */
export function fullFrame(width: number, height: number): CropRect {
  return { left: 0, top: 0, width, height };
}
