import { parseEntities } from 'parse-entities';
import { stringifyEntitiesLight } from 'stringify-entities';
import type { PictureView } from './picture-view.js';

/** What a body image becomes: a responsive picture, or only a new `src` (a page bundle's file with the pipeline off). */
export type BodyImage = { readonly picture: PictureView } | { readonly src: string };

/**
 * An `<img>` as the sanitizer's serializer writes it: attribute values always
 * in double quotes, in which a `"` is always a character reference.
 */
const IMG_TAG = /<img((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*\/?>/g;
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:="([^"]*)")?/g;
/** Characters escaped in attribute values, as the sanitizer's serializer escapes them. */
const ATTRIBUTE_SUBSET = ['\0', '"', '&', "'", '`'];

/**
 * Rewrites the local `<img>` elements of sanitised body HTML into `<picture>`
 * (or points them at their published file): runs after the sanitizer, on its
 * output, and adds only markup built here from values it escapes, so author
 * HTML never reaches the page without the sanitizer. `lookup` gets each
 * `src` as written and says what it becomes; an image it does not know (a
 * remote one) is left as it is.
 */
export function rewriteBodyImages(html: string, lookup: (src: string) => BodyImage | undefined): string {
  if (!html.includes('<img')) return html;
  return html.replace(IMG_TAG, (tag: string, attributeText: string) => {
    const attributes = new Map<string, string>();
    for (const [, name, value] of attributeText.matchAll(ATTRIBUTE))
      if (name) attributes.set(name.toLowerCase(), parseEntities(value ?? '', { attribute: true }));
    const src = attributes.get('src');
    const image = src === undefined ? undefined : lookup(src);
    if (!image) return tag;
    if ('src' in image)
      return createTag(
        'img',
        [...attributes].map(([name, value]) => [name, name === 'src' ? image.src : value]),
      );
    return renderPicture(image.picture, attributes);
  });
}

function renderPicture(picture: PictureView, original: ReadonlyMap<string, string>): string {
  const sizes = picture.sizes;
  const sources = picture.sources.map((source) =>
    createTag('source', [
      ['type', source.type],
      ['srcset', source.srcset],
      ...(sizes ? [['sizes', sizes] as const] : []),
    ]),
  );
  const kept = ['alt', 'title'].flatMap((name) => {
    const value = original.get(name);
    return value === undefined ? [] : [[name, value] as const];
  });
  const img = createTag('img', [
    ['src', picture.src],
    // `sizes` only with a `srcset` of the <img>'s own (CDN mode): the encoded fallback is one file.
    ...(picture.srcset ? [['srcset', picture.srcset] as const, ...(sizes ? [['sizes', sizes] as const] : [])] : []),
    ...(kept.some(([name]) => name === 'alt') ? kept : [['alt', ''] as const, ...kept]),
    ['width', String(picture.width)],
    ['height', String(picture.height)],
    ['loading', 'lazy'],
    ['decoding', 'async'],
  ]);
  return sources.length === 0 ? img : `<picture>${sources.join('')}${img}</picture>`;
}

function createTag(tagName: 'img' | 'source', attributes: readonly (readonly [string, string])[]): string {
  let html = `<${tagName}`;
  for (const [name, value] of attributes)
    html += ` ${name}="${stringifyEntitiesLight(value, { subset: ATTRIBUTE_SUBSET })}"`;
  return `${html}>`;
}
