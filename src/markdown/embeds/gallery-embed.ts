import type { Image, Node } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { EmbedComponent, EmbedImage, EmbedInput, ReportProblem } from './embed-input.js';
import { normalizeUrl } from './embed-input.js';

/** A problem inside a gallery, at the node that causes it. */
export type ReportAt = (node: Node, reason: string, hint?: string) => void;

const IMAGE_HINT = 'Put one image per line: ![Alt text](/images/photo.jpg "Caption")';

/**
 * The input of `:::gallery[Caption]` with Markdown images inside, one per
 * line (`![Alt text](/images/a.jpg "Caption")`), closed by `:::`: its label
 * and images. Anything but images inside is reported where it is, and an
 * empty gallery at its start; either gives undefined.
 */
export function readGalleryInput(node: ContainerDirective, report: ReportAt): EmbedInput | undefined {
  const images: Image[] = [];
  let label = '';
  let problems = 0;
  for (const child of node.children) {
    if (child.type === 'paragraph' && child.data?.directiveLabel) {
      label = mdastToString(child).trim();
      continue;
    }
    const inside = child.type === 'paragraph' ? child.children : [child];
    for (const item of inside) {
      if (item.type === 'image') images.push(item);
      else if (item.type === 'break' || (item.type === 'text' && item.value.trim() === '')) continue;
      else {
        problems += 1;
        report(item, 'A gallery holds only images', IMAGE_HINT);
      }
    }
  }
  if (images.length === 0 && problems === 0)
    report(node, 'Empty gallery', 'Put images inside, one per line: ![Alt text](/images/photo.jpg "Caption")');
  if (images.length === 0 || problems > 0) return undefined;
  return {
    name: 'gallery',
    attributes: {},
    label,
    images: images.map((image) => ({
      src: normalizeUrl(image.url),
      alt: image.alt ?? '',
      ...(image.title ? { title: image.title } : {}),
    })),
  };
}

/**
 * `:::gallery`: the photos in a grid, each with its title as caption, the
 * whole set captioned by the label. A photo's address must be a path or an
 * http(s) URL, as the sanitizer requires of every image. Props: `caption`
 * (when given) and `images`, each `{ src, alt, caption }`.
 */
export function createGalleryEmbed(input: EmbedInput, report: ReportProblem): EmbedComponent | undefined {
  const images = input.images ?? [];
  const unsafe = images.find((image) => !isSafeSource(image.src));
  if (unsafe) {
    report(`Unexpected image "${unsafe.src}" in :::gallery, expected a path or an http(s) URL`, IMAGE_HINT);
    return undefined;
  }
  if (images.length === 0) return undefined;
  return {
    props: {
      caption: input.label || undefined,
      images: images.map((image: EmbedImage) => ({ src: image.src, alt: image.alt, caption: image.title })),
    },
    images: images.map((image) => ({ src: image.src, alt: image.alt })),
  };
}

/** A relative URL, or one with the http or https scheme (the sanitizer's rule for `src`). */
function isSafeSource(src: string): boolean {
  const colon = src.indexOf(':');
  if (colon === -1) return true;
  const before = src.slice(0, colon);
  if (/[/?#]/.test(before)) return true;
  return /^https?$/i.test(before);
}
