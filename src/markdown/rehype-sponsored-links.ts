import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Key in `file.data` that says the body is paid content, for `rehypeSponsoredLinks`. */
export const SPONSORED_DATA_KEY = 'sponsored';

/** An address that leaves the page's origin: `http:`, `https:` or protocol-relative. */
const OUTBOUND = /^(?:https?:)?\/\//i;

/**
 * A rehype plugin that marks every outbound link of a sponsored article's
 * body `rel="sponsored"` (when `file.data.sponsored` is true), as Google asks
 * of paid links; links within the site are left alone. It runs just before
 * the sanitizer, which allows this `rel` value alone on `a` (unless a plugin
 * allowed `rel` outright: `keepRel`); other values are dropped here, so a
 * link whose `rel` the sanitizer would empty loses the attribute rather than
 * keeping `rel=""`.
 */
export function rehypeSponsoredLinks({ keepRel = false }: { readonly keepRel?: boolean } = {}) {
  return function markSponsoredLinks(tree: Root, file: VFile): undefined {
    const sponsored = file.data[SPONSORED_DATA_KEY] === true;
    // Only raw HTML or a plugin writes `rel`; most bodies hold neither.
    if (!sponsored && (keepRel || !String(file.value).includes('rel'))) return;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a') return;
      // hast holds `rel` as a list of tokens.
      const rel = node.properties['rel'];
      const values = Array.isArray(rel) ? rel.map(String).filter((value) => keepRel || value === 'sponsored') : [];
      const href = node.properties['href'];
      if (sponsored && typeof href === 'string' && OUTBOUND.test(href.trim()) && !values.includes('sponsored'))
        values.push('sponsored');
      if (values.length > 0) node.properties['rel'] = values;
      else delete node.properties['rel'];
    });
  };
}
