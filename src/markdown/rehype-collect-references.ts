import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { forEachElement } from './for-each-element.js';
import { isScriptUrl } from './rehype-strip-script-urls.js';

/** Key of `file.data` where {@link rehypeCollectReferences} leaves what it found. */
export const REFERENCES_DATA_KEY = 'newsgenReferences';

/** A link or image of a body that may point into the site, and where it is in the Markdown (1-based). */
export interface MarkdownReference {
  readonly kind: 'link' | 'image';
  /** The `href` or `src` as written. */
  readonly url: string;
  readonly line: number;
  readonly column: number;
}

/** What a body's links and images say, for the checks made once the site is built. */
export interface CollectedReferences {
  /** Links and images whose address is a path, a relative URL or an http(s) URL (it may be the site's own). */
  readonly references: readonly MarkdownReference[];
  /** Images without alternative text: `![](x.jpg)`, or raw `<img>` with no `alt` (an explicit `alt=""` marks decoration). */
  readonly missingAlt: readonly MarkdownReference[];
}

/** Other schemes (`mailto:`, `tel:`…), protocol-relative URLs and same-page fragments never point at a file of the site. */
const NOT_A_SITE_FILE = /^(?!https?:)[a-z][a-z0-9+.-]*:|^\/\/|^#/i;

/**
 * A rehype plugin that lists the body's links and images with their places
 * (Markdown and raw HTML alike), so the build can check them against its
 * outputs, and notes images without alternative text. It changes nothing.
 * Runs before the sanitizer, while the tree still has the source's positions.
 */
export function rehypeCollectReferences() {
  return function collectReferences(tree: Root, file: VFile): undefined {
    const references: MarkdownReference[] = [];
    const missingAlt: MarkdownReference[] = [];
    const source = String(file.value);
    forEachElement(tree, (node: Element) => {
      const kind = node.tagName === 'a' ? 'link' : node.tagName === 'img' ? 'image' : undefined;
      if (!kind) return;
      const value = node.properties[kind === 'link' ? 'href' : 'src'];
      const url = typeof value === 'string' ? value.trim() : '';
      const start = node.position?.start;
      const reference = { kind, url, line: start?.line ?? 1, column: start?.column ?? 1 } as const;
      // A script URL however spelled (` java\tscript:`) is removed by the sanitizer: no link to check.
      if (url && !NOT_A_SITE_FILE.test(url) && !isScriptUrl(url)) references.push(reference);
      if (kind === 'image' && lacksAlt(node, source, start?.offset)) missingAlt.push(reference);
    });
    file.data[REFERENCES_DATA_KEY] = { references, missingAlt } satisfies CollectedReferences;
  };
}

/** Nothing a screen reader would read: spaces and invisible characters (a zero-width space pasted from a CMS). */
const BLANK = /^[\s\u00ad\u200b-\u200f\u2060\ufeff]*$/;

/**
 * No `alt` at all (raw HTML), a blank one written in Markdown (`![](x.jpg)`,
 * which cannot say "decorative"), or one of only spaces or invisible
 * characters: only `alt=""` on a raw `<img>` says "decorative".
 */
function lacksAlt(node: Element, source: string, offset: number | undefined): boolean {
  const alt = node.properties['alt'];
  if (alt === undefined || alt === null) return true;
  const text = String(alt);
  if (!BLANK.test(text)) return false;
  return text !== '' || (offset !== undefined && source[offset] === '!');
}
