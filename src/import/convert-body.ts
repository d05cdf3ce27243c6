import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

/** Turns a post's HTML into Markdown; made once per import by {@link createBodyConverter}. */
export type BodyConverter = (html: string) => { readonly markdown: string; readonly shortcodes: readonly string[] };

/** Block elements wpautop leaves unwrapped: a chunk starting with one is HTML already, not a paragraph. */
const BLOCK_START =
  /^<(?:p|div|h[1-6]|ul|ol|li|dl|table|thead|tbody|tr|blockquote|figure|pre|hr|section|article|aside|header|footer|iframe|form|address|details|style|script)[\s>/]/i;

/**
 * The converter of post bodies: WordPress's HTML, with block-editor comments
 * gone, `[caption]` as an image whose title is its caption (newsgen's caption
 * for a body image, as in galleries) and bare paragraphs wrapped as wpautop
 * does, through one frozen unified processor (rehype-parse → rehype-remark
 * → remark-gfm → remark-stringify). Other shortcodes stay as text, and are
 * returned so the caller can warn about them.
 */
export function createBodyConverter(): BodyConverter {
  const processor = unified()
    .use(rehypeParse, { fragment: true })
    .use(rehypeRemark)
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fences: true, rule: '-' })
    .freeze();
  return (html) => {
    const prepared = addParagraphs(replaceCaptions(html.replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '')));
    return { markdown: String(processor.processSync(prepared)).trim(), shortcodes: findShortcodes(prepared) };
  };
}

/** `[caption …]<a><img></a> Text[/caption]` → `<p><img … title="Text"></p>`; the caption may also be its `caption` attribute. */
function replaceCaptions(html: string): string {
  return html.replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/g, (whole, attributes: string, inner: string) => {
    const image = /<img\b[^>]*>/i.exec(inner)?.[0];
    if (!image) return whole;
    const caption =
      inner.replace(/<a\b[^>]*>|<\/a>|<img\b[^>]*>/gi, '').trim() || /caption="([^"]*)"/.exec(attributes)?.[1] || '';
    const src = attributeOf(image, 'src');
    const alt = attributeOf(image, 'alt');
    return `\n\n<p><img src="${src}" alt="${alt}" title="${caption.replace(/<[^>]*>/g, '').replace(/"/g, '&quot;')}"></p>\n\n`;
  });
}

function attributeOf(tag: string, name: string): string {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag)?.slice(1).find(Boolean) ?? '';
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

/** The names of the shortcodes left in the HTML (`gallery` for `[gallery ids="4,5"]`), each once. */
function findShortcodes(html: string): string[] {
  const names = [...html.matchAll(/\[([a-z][a-z0-9_-]*)(?=[\s\]/])[^\]]*\]/g)].map((match) => match[1] ?? '');
  return [...new Set(names)];
}
