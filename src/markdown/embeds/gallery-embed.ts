import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Image, Node } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString as mdastToString } from 'mdast-util-to-string';
import { normalizeUrl } from './embed-input.js';

/** A problem inside a gallery, at the node that causes it. */
export type ReportAt = (node: Node, reason: string, hint?: string) => void;

/**
 * `:::gallery[Caption]` with Markdown images inside, one per line
 * (`![Alt text](/images/a.jpg "Caption")`), closed by `:::`: the photos in a
 * grid, each with its title as caption, the whole set captioned by the
 * label. Anything but images inside is reported where it is.
 */
export function createGalleryEmbed(node: ContainerDirective, report: ReportAt): Element | undefined {
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
        report(item, 'A gallery holds only images', 'Put one image per line: ![Alt text](/images/photo.jpg "Caption")');
      }
    }
  }
  if (images.length === 0 && problems === 0)
    report(node, 'Empty gallery', 'Put images inside, one per line: ![Alt text](/images/photo.jpg "Caption")');
  if (images.length === 0 || problems > 0) return undefined;
  return h('figure', { className: ['embed', 'gallery'] }, [
    h(
      'div',
      { className: ['gallery-grid'] },
      images.map((image) =>
        h('figure', [
          h('img', { src: normalizeUrl(image.url), alt: image.alt ?? '', loading: 'lazy' }),
          image.title ? h('figcaption', image.title) : undefined,
        ]),
      ),
    ),
    label ? h('figcaption', label) : undefined,
  ]);
}
