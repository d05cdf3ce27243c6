import type { MeasuredImage, MeasuredImages } from '../site/image-size.js';

/**
 * The static images a session cache's `saveMeasuredImages` wrote (`[path, stamp, width, height]`
 * rows), or undefined when the value is not that (an older or damaged cache).
 */
export function readMeasuredImages(value: unknown): MeasuredImages | undefined {
  if (!Array.isArray(value)) return undefined;
  const images = new Map<string, MeasuredImage>();
  for (const row of value) {
    if (!Array.isArray(row) || row.length !== 4) return undefined;
    const [file, stamp, width, height] = row as unknown[];
    if (typeof file !== 'string' || typeof stamp !== 'string') return undefined;
    if (!Number.isInteger(width) || !Number.isInteger(height)) return undefined;
    const size =
      (width as number) > 0 && (height as number) > 0
        ? { width: width as number, height: height as number }
        : undefined;
    images.set(file, { stamp, size });
  }
  return images;
}
