import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { forEachElement } from './for-each-element.js';

/** Key of `file.data` where {@link rehypeCollectImages} leaves what it found. */
export const IMAGES_DATA_KEY = 'newsgenImages';

/** An image a body shows: its `src` as written and where it is in the Markdown (1-based). */
export interface BodyImageReference {
  readonly src: string;
  readonly line: number;
  readonly column: number;
}

/**
 * A rehype plugin that lists the body's `<img>` sources with their places
 * (Markdown images and raw HTML alike), for the image stage: it reads the
 * files, and reports a missing one at its line. It changes nothing; the
 * images are made responsive after the sanitizer, on its output.
 */
export function rehypeCollectImages() {
  return function collectImages(tree: Root, file: VFile): undefined {
    const images: BodyImageReference[] = [];
    forEachElement(tree, (node: Element) => {
      const src = node.tagName === 'img' ? node.properties['src'] : undefined;
      if (typeof src === 'string' && src.trim())
        images.push({
          src: src.trim(),
          line: node.position?.start.line ?? 1,
          column: node.position?.start.column ?? 1,
        });
    });
    file.data[IMAGES_DATA_KEY] = images;
  };
}
