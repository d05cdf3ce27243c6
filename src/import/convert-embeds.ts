import type { BodyWarning } from './body-warning.js';
import { toPlainText } from './plain-text.js';
import type { WxrItem } from './read-wxr.js';

/** Video services newsgen embeds, with the id in their URLs. */
const VIDEOS = [
  ['youtube', /(?:youtube\.com\/(?:watch\?\S*?\bv=|embed\/|shorts\/)|youtu\.be\/)([\w-]{11})/],
  ['vimeo', /vimeo\.com\/(?:video\/)?(\d+)/],
] as const;

/** Markdown kept as it is (an attribute, whose line breaks survive) by the body converter's `newsgen-md` handler. */
function asMarkdown(text: string): string {
  // `[` too, so that no directive's label looks like a shortcode left in the HTML.
  return `\n\n<newsgen-md data-md="${text.replace(/[&"[]/g, (char) => `&#${char.charCodeAt(0)};`)}"></newsgen-md>\n\n`;
}

/** Text for a directive's `[label]` or an image's alt, its Markdown syntax escaped. */
function escapeLabel(text: string): string {
  return text.replace(/[\\[\]*_`<]/g, '\\$&');
}

/**
 * YouTube and Vimeo URLs, as WordPress embeds them (a block-editor embed, the
 * `[embed]` shortcode, Jetpack's `[youtube URL]` and `[vimeo URL]`, a URL on
 * a line of its own), → `::youtube[Title]{id=…}`;
 * the title is the embed's caption, else `title`. Other embeds become links.
 */
export function replaceVideos(html: string, title: string): string {
  return html
    .replace(
      /(?:<figure class="wp-block-embed[^>]*>\s*<div[^>]*>|\[embed[^\]]*\])\s*(\S+?)\s*(?:<\/div>(?:\s*<figcaption[^>]*>([\s\S]*?)<\/figcaption>)?\s*<\/figure>|\[\/embed\])/g,
      (_, url: string, caption = '') =>
        toVideo(url, toPlainText(caption) || title) ?? `<p><a href="${url}">${url}</a></p>`,
    )
    .replace(/\[(youtube|vimeo)\s+([^\]\s]+)[^\]]*\]/g, (shortcode, name: string, target: string) => {
      const url = /^\d+$/.test(target) && name === 'vimeo' ? `https://vimeo.com/${target}` : target;
      return toVideo(url, title) ?? shortcode;
    })
    .replace(
      /^[ \t]*(?:<p>)?(https?:\/\/[^\s<>"]+?)(?:<\/p>)?[ \t]*$/gm,
      (line, url: string) => toVideo(url, title) ?? line,
    );
}

function toVideo(url: string, title: string): string | undefined {
  for (const [name, pattern] of VIDEOS) {
    const id = pattern.exec(url)?.[1];
    if (id) return asMarkdown(`::${name}[${escapeLabel(title)}]{id=${id}}`);
  }
  return undefined;
}

/** A gallery's image: its attachment id, and what the block editor's markup says of it. */
interface GalleryImage {
  readonly id: string;
  readonly src?: string | undefined;
  readonly alt?: string | undefined;
  readonly caption?: string | undefined;
}

/**
 * `[gallery ids="…"]` and block-editor galleries → `:::gallery` with the
 * images in order, each from its attachment (else, in a block, from its own
 * markup); an id with neither is left out with a warning.
 */
export function replaceGalleries(
  html: string,
  attachments: ReadonlyMap<string, WxrItem>,
  warnings: BodyWarning[],
): string {
  const gallery = (images: readonly GalleryImage[], label: string) => {
    const lines = images.map((image) => {
      const found = attachments.get(image.id);
      const src = found?.attachmentUrl ?? image.src;
      if (!src) {
        warnings.push({
          at: ':::gallery',
          reason: `Unexpected gallery id ${image.id}, expected an attachment in the export: the gallery keeps the others`,
          ruleId: 'import-gallery-image',
        });
        return '';
      }
      const alt = found ? (found.meta._wp_attachment_image_alt ?? '') : (image.alt ?? '');
      const caption = toPlainText(found ? (found.excerpt ?? '') : (image.caption ?? '')).replace(/["\\]/g, '\\$&');
      return `![${escapeLabel(alt)}](${src}${caption && ` "${caption}"`})`;
    });
    const photos = lines.filter(Boolean);
    return photos.length
      ? asMarkdown([`:::gallery${label && `[${escapeLabel(label)}]`}`, ...photos, ':::'].join('\n'))
      : '';
  };
  return html
    .replace(/<!--\s*wp:gallery\b[\s\S]*?<!--\s*\/wp:gallery\s*-->/g, (block) =>
      gallery(
        [...block.matchAll(/<img\b([^>]*)>(?:\s*<figcaption[^>]*>([\s\S]*?)<\/figcaption>)?/g)].map(
          ([, attributes = '', caption]) => ({
            id: /wp-image-(\d+)/.exec(attributes)?.[1] ?? '',
            src: /\ssrc="([^"]*)"/.exec(attributes)?.[1],
            alt: /\salt="([^"]*)"/.exec(attributes)?.[1],
            caption,
          }),
        ),
        toPlainText(/<figcaption class="blocks-gallery-caption[^>]*>([\s\S]*?)<\/figcaption>/.exec(block)?.[1] ?? ''),
      ),
    )
    .replace(/\[gallery\b[^\]]*?\bids="([\d,\s]*)"[^\]]*\]/g, (_, ids: string) =>
      gallery(
        ids.split(',').map((id) => ({ id: id.trim() })),
        '',
      ),
    );
}
