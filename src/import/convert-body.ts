import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { BodyWarning } from './body-warning.js';
import { replaceGalleries, replaceVideos } from './convert-embeds.js';
import { markShortcodes } from './mark-shortcodes.js';
import type { WxrItem } from './read-wxr.js';

export type { BodyWarning } from './body-warning.js';

/** Turns a post's HTML into Markdown; made once per import by {@link createBodyConverter}. */
export type BodyConverter = (
  html: string,
  title: string,
) => { readonly markdown: string; readonly warnings: readonly BodyWarning[] };

/** Block elements wpautop leaves unwrapped: a chunk starting with one is HTML already, not a paragraph. */
const BLOCK_START =
  /^<(?:p|div|h[1-6]|ul|ol|li|dl|table|thead|tbody|tr|blockquote|figure|pre|hr|section|article|aside|header|footer|iframe|form|address|details|style|script|newsgen-md)[\s>/]/i;

/**
 * The converter of post bodies: WordPress's HTML, with block-editor comments
 * gone, `[caption]` as an image whose title is its caption (newsgen's caption
 * for a body image, as in galleries) and bare paragraphs wrapped as wpautop
 * does, YouTube and Vimeo embeds and galleries as newsgen's directives
 * (galleries from the export's `attachments`), through one frozen unified
 * processor (rehype-parse → rehype-remark → remark-gfm → remark-stringify).
 * Other shortcodes stay as text (see `markShortcodes`), with a warning
 * each, as are gallery ids without an attachment.
 */
export function createBodyConverter(attachments: ReadonlyMap<string, WxrItem>): BodyConverter {
  const processor = unified()
    .use(rehypeParse, { fragment: true })
    .use(rehypeRemark, {
      handlers: { 'newsgen-md': (_, node) => ({ type: 'html', value: String(node.properties.dataMd) }) },
    })
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fences: true, rule: '-' })
    .freeze();
  return (html, title) => {
    const warnings: BodyWarning[] = [];
    const bare = replaceGalleries(html, attachments, warnings).replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '');
    const prepared = markShortcodes(addParagraphs(replaceVideos(replaceCaptions(bare), title)), warnings);
    return { markdown: String(processor.processSync(prepared)).trim(), warnings };
  };
}

/**
 * `[caption …]<a><img></a> Text[/caption]` (or older WordPress's
 * `[wp_caption]`) → `<p><img … title="Text"></p>`; the caption may also be
 * its `caption` attribute. A caption without an image keeps its text, and a
 * `[/caption]` left over from a deleted image goes.
 */
function replaceCaptions(html: string): string {
  return html
    .replace(/\[(?:wp_)?caption([^\]]*)\]([\s\S]*?)\[\/(?:wp_)?caption\]/g, replaceCaption)
    .replace(/\[\/(?:wp_)?caption\]/g, '');
}

function replaceCaption(_: string, attributes: string, inner: string): string {
  const image = /<img\b[^>]*>/i.exec(inner)?.[0];
  if (!image) return inner;
  const caption =
    inner.replace(/<a\b[^>]*>|<\/a>|<img\b[^>]*>/gi, '').trim() || /caption="([^"]*)"/.exec(attributes)?.[1] || '';
  const src = attributeOf(image, 'src');
  const alt = attributeOf(image, 'alt');
  return `\n\n<p><img src="${src}" alt="${alt}" title="${caption.replace(/<[^>]*>/g, '').replace(/"/g, '&quot;')}"></p>\n\n`;
}

/**
 * wpautop's idea, simply: text separated by a blank line is a paragraph, and a
 * single line break within it a `<br>`, unless the chunk starts with a block
 * element or lies inside `<pre>`.
 */
function addParagraphs(html: string): string {
  let openPre = 0;
  return html
    .split(/\n[ \t]*\n/)
    .map((chunk) => {
      const trimmed = chunk.trim();
      const inPre = openPre > 0;
      openPre += (chunk.match(/<pre[\s>]/gi) ?? []).length - (chunk.match(/<\/pre>/gi) ?? []).length;
      if (trimmed === '' || inPre || BLOCK_START.test(trimmed)) return chunk;
      return `<p>${trimmed.replace(/\n/g, '<br>\n')}</p>`;
    })
    .join('\n\n');
}

function attributeOf(tag: string, name: string): string {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag)?.slice(1).find(Boolean) ?? '';
}
