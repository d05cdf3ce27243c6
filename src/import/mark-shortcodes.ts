import type { BodyWarning } from './body-warning.js';

/** An opening shortcode (`[contact-form-7 id="4"]`, `[su_note]`) or a closing one (`[/su_note]`). */
const SHORTCODE = /\[(\/?)([a-z][a-z0-9_-]*)((?:\s[^\]]*)?)\]/g;

/**
 * Words a reporter writes in brackets inside a quote (`[sic]`; `[red]`, `[ed]` for a word the editors
 * added), never a shortcode's name: left as text, with no warning. Only alone (no attributes, no closing tag).
 */
const EDITORIAL = new Set(['sic', 'sik', 'red', 'ed']);

/** Elements whose text is code, where `[x]` is an example rather than a shortcode. */
const CODE = /^<(\/?)(pre|code)\b/i;

const HINT =
  'Replace it by hand with Markdown or an embed (README, Embeds), a form or a button with a link to where it led, or delete it.';

/**
 * Marks the shortcodes the import does not convert, in the text of the HTML
 * (not inside tags, `<pre>` or `<code>`) as `<code>`, written as code spans:
 * `` `[su_button url="https://x.example/"]`Daftar`[/su_button]` `` reads as
 * the editor typed it, where Markdown text needs escapes (`\[`, and
 * `https\://` so the URL is not made a link that swallows the rest), and
 * stands out in the file and on the page until an editor replaces it. Each opening one is a warning
 * at its place; closing ones follow their opening.
 */
export function markShortcodes(html: string, warnings: BodyWarning[]): string {
  let inCode = 0;
  const seen = new Map<string, number>();
  return html
    .split(/(<[^>]*>)/)
    .map((part, index) => {
      if (index % 2 === 1) {
        const code = CODE.exec(part);
        if (code) inCode = Math.max(0, inCode + (code[1] ? -1 : 1));
        return part;
      }
      if (inCode > 0) return part;
      return part.replace(SHORTCODE, (written, closing: string, name: string, attributes: string) => {
        if (!closing && attributes === '' && EDITORIAL.has(name) && !part.includes(`[/${name}]`)) return written;
        const at = `\`[${closing}${name}`;
        const occurrence = seen.get(at) ?? 0;
        seen.set(at, occurrence + 1);
        if (!closing)
          warnings.push({
            at,
            occurrence,
            reason: `Unexpected shortcode [${name}], kept as written in a code span: the import converts [caption], [embed], [gallery] and video shortcodes only`,
            ruleId: 'import-shortcode',
            hint: HINT,
          });
        return `<code>${written}</code>`;
      });
    })
    .join('');
}
