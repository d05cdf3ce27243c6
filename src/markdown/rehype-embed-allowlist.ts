import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Hosts whose pages may be embedded with `<iframe>` in article bodies
 * (compared exactly with the `src` URL's hostname, `https:` only). Video and
 * social embeds that newsrooms use: YouTube, Vimeo, X/Twitter, Instagram.
 */
export const EMBED_HOSTS: readonly string[] = Object.freeze([
  'www.youtube.com',
  'www.youtube-nocookie.com',
  'youtube.com',
  'player.vimeo.com',
  'platform.twitter.com',
  'www.instagram.com',
]);

/**
 * Checks whether an iframe `src` may be embedded: an absolute `https:` URL
 * whose hostname is exactly one of `EMBED_HOSTS`. Relative URLs, other
 * schemes, look-alike hosts (`www.youtube.com.example`) and unparsable values
 * are refused. Parsing uses the WHATWG URL parser, the one browsers use, so
 * tricks like `https://evil.example\@www.youtube.com` resolve the same way here.
 */
export function checkEmbedSrc(src: unknown): boolean {
  if (typeof src !== 'string') return false;
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && EMBED_HOSTS.includes(url.hostname);
}

/**
 * A rehype plugin that removes every `<iframe>` (with its content) whose `src`
 * fails `checkEmbedSrc`, and empties the ones it keeps (iframe content is
 * never shown), loading them lazily unless the author said otherwise. Runs before the sanitizer, which then limits the attributes.
 */
export function rehypeEmbedAllowlist() {
  return function removeForeignEmbeds(tree: Root): undefined {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'iframe') return;
      if (checkEmbedSrc(node.properties['src'])) {
        node.children = [];
        // A video below the fold should not load its player (hundreds of kilobytes of script) with the page.
        node.properties['loading'] ??= 'lazy';
        return SKIP;
      }
      if (parent && index !== undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      return undefined;
    });
  };
}
