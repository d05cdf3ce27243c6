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
 * Browser features an embedded player may use (its `allow` attribute):
 * playback, full screen and sharing. Anything else an author's snippet asks
 * for (`camera`, `microphone`, `payment`, `geolocation`, …) is dropped.
 */
export const EMBED_FEATURES: readonly string[] = Object.freeze([
  'accelerometer',
  'autoplay',
  'clipboard-write',
  'encrypted-media',
  'fullscreen',
  'gyroscope',
  'picture-in-picture',
  'web-share',
]);

/**
 * Checks whether an iframe `src` may be embedded: an absolute `https:` URL
 * whose hostname is exactly one of `EMBED_HOSTS`. Relative URLs, other
 * schemes, look-alike hosts (`www.youtube.com.example`) and unparsable values
 * are refused. Parsing uses the WHATWG URL parser, the one browsers use, so
 * tricks like `https://evil.example\@www.youtube.com` resolve the same way here.
 */
export function checkEmbedSrc(src: unknown): boolean {
  return parseEmbedSrc(src) !== undefined;
}

/** The `src` as the URL parser writes it (`HTTPS://WWW.YOUTUBE.COM/…` → `https://www.youtube.com/…`), when allowed. */
function parseEmbedSrc(src: unknown): string | undefined {
  if (typeof src !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' && EMBED_HOSTS.includes(url.hostname) ? url.href : undefined;
}

/** An `allow` list with only {@link EMBED_FEATURES}, each for the embed's own origin; undefined when none is left. */
export function filterEmbedFeatures(allow: unknown): string | undefined {
  if (typeof allow !== 'string') return undefined;
  const features = allow
    .split(';')
    .map((directive) => directive.trim().split(/\s+/, 1)[0]?.toLowerCase() ?? '')
    .filter((feature, index, all) => EMBED_FEATURES.includes(feature) && all.indexOf(feature) === index);
  return features.length > 0 ? features.join('; ') : undefined;
}

/**
 * A rehype plugin that removes every `<iframe>` (with its content) whose `src`
 * fails `checkEmbedSrc`, and empties the ones it keeps (iframe content is
 * never shown), loading them lazily unless the author said otherwise. A kept
 * iframe's `src` is written the way the URL parser reads it (the sanitizer
 * compares schemes case-sensitively, and dropped an upper-case `HTTPS:` src),
 * and its `allow` list keeps only {@link EMBED_FEATURES}. An author's
 * `sandbox` stays: it can only take powers away. Runs before the sanitizer,
 * which then limits the attributes.
 */
export function rehypeEmbedAllowlist() {
  return function removeForeignEmbeds(tree: Root): undefined {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'iframe') return;
      const src = parseEmbedSrc(node.properties['src']);
      if (src !== undefined) {
        node.properties['src'] = src;
        const allow = filterEmbedFeatures(node.properties['allow']);
        if (allow === undefined) delete node.properties['allow'];
        else node.properties['allow'] = allow;
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
