import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { SiteAddress } from './site-url.js';

/** Element properties (hast names) that hold one URL. */
const URL_PROPERTIES = ['href', 'src', 'poster', 'cite'] as const;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Rewrites every URL-valued attribute of an HTML fragment (`href`, `src`,
 * `srcset`, `poster`, `cite`) with `rewrite`, working on a parsed tree so
 * nothing inside text or comments is touched. Returns the re-serialised HTML.
 */
export function rewriteHtmlUrls(html: string, rewrite: (url: string) => string): string {
  const tree: Root = unified().use(rehypeParse, { fragment: true }).parse(html);
  visit(tree, 'element', (node: Element) => {
    for (const name of URL_PROPERTIES) {
      const value = node.properties[name];
      if (typeof value === 'string') node.properties[name] = rewrite(value);
    }
    const srcSet = node.properties['srcSet'];
    const candidates = Array.isArray(srcSet)
      ? srcSet.map(String)
      : typeof srcSet === 'string'
        ? srcSet.split(',')
        : undefined;
    if (candidates)
      node.properties['srcSet'] = candidates.map((candidate) => rewriteCandidate(candidate, rewrite)).join(', ');
  });
  return toHtml(tree);
}

/**
 * Makes the links and images of an article's HTML absolute, for feeds read far
 * from the site: root-relative paths are site-relative (`/images/a.jpg` gets the
 * base URL, path included), relative paths and `#fragments` resolve against the
 * article's own absolute URL, URLs with a scheme stay as they are.
 */
export function absolutizeHtml(html: string, pageUrl: string, address: SiteAddress): string {
  if (!mayHoldRelativeUrl(html)) return html;
  return rewriteHtmlUrls(html, (url) => {
    const trimmed = url.trim();
    if (trimmed === '' || SCHEME.test(trimmed)) return url;
    if (trimmed.startsWith('//')) return new URL(trimmed, address.baseUrl).href;
    if (trimmed.startsWith('/')) return new URL(address.basePath + trimmed.slice(1), address.baseUrl).href;
    return new URL(trimmed, pageUrl).href;
  });
}

/**
 * Puts the base path in front of the root-relative links and images of an
 * article's HTML, so `/images/a.jpg` written in Markdown works on a site hosted
 * under a path (`/warta/images/a.jpg`). Unchanged when the base path is `/`.
 */
export function rebaseHtml(html: string, basePath: string): string {
  if (basePath === '/') return html;
  return rewriteHtmlUrls(html, (url) => {
    const trimmed = url.trim();
    return trimmed.startsWith('/') && !trimmed.startsWith('//') ? basePath + trimmed.slice(1) : url;
  });
}

/**
 * An attribute that could hold a URL to rewrite: any `srcset`, or a URL
 * attribute whose value is not plainly `http(s)://…`. Deliberately broad (it
 * also matches such words in text): a match only means the fragment is parsed.
 */
const MAYBE_RELATIVE = /\b(?:srcset\s*=|(?:href|src|poster|cite)\s*=\s*(?!"https?:\/\/[^"\s]))/i;

/** False when no attribute of `html` can need rewriting, so parsing it can be skipped (the common case in news bodies). */
function mayHoldRelativeUrl(html: string): boolean {
  return MAYBE_RELATIVE.test(html);
}

function rewriteCandidate(candidate: string, rewrite: (url: string) => string): string {
  const [url = '', ...descriptors] = candidate.trim().split(/\s+/);
  return [rewrite(url), ...descriptors].join(' ');
}
