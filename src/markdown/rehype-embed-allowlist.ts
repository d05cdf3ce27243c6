import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { toPropertyName } from './extend-sanitize-schema.js';
import type { EmbedRule } from './markdown-extension.js';
import { IFRAME_PROPERTIES } from './sanitize-schema.js';

/**
 * Hosts whose pages may be embedded with `<iframe>` in article bodies
 * (compared exactly with the `src` URL's hostname, `https:` only). Video,
 * social and chart embeds that newsrooms use: YouTube, Vimeo, X/Twitter,
 * Instagram, Datawrapper, Flourish.
 */
export const EMBED_HOSTS: readonly string[] = Object.freeze([
  'www.youtube.com',
  'www.youtube-nocookie.com',
  'youtube.com',
  'player.vimeo.com',
  'platform.twitter.com',
  'www.instagram.com',
  'datawrapper.dwcdn.net',
  'flo.uri.sh',
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
 * whose hostname is exactly one of `hosts` (the built-in `EMBED_HOSTS` unless
 * given). Relative URLs, other schemes, look-alike hosts
 * (`www.youtube.com.example`) and unparsable values are refused. Parsing
 * uses the WHATWG URL parser, the one browsers use, so tricks like
 * `https://evil.example\@www.youtube.com` resolve the same way here.
 */
export function checkEmbedSrc(src: unknown, hosts: readonly string[] = EMBED_HOSTS): boolean {
  const url = parseEmbedSrc(src);
  return url !== undefined && hosts.includes(url.hostname);
}

/** An absolute `https:` URL as the URL parser reads it (`HTTPS://WWW.YOUTUBE.COM/…` → `https://www.youtube.com/…`). */
function parseEmbedSrc(src: unknown): URL | undefined {
  if (typeof src !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' ? url : undefined;
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
 * is not an `https:` URL of one of the hosts in `rules`, and empties the ones
 * it keeps (iframe content is never shown), loading them lazily unless the
 * author said otherwise. A kept iframe's `src` is written the way the URL
 * parser reads it (the sanitizer compares schemes case-sensitively, and
 * dropped an upper-case `HTTPS:` src), and its `allow` list keeps only
 * {@link EMBED_FEATURES}. An author's `sandbox` stays: it can only take
 * powers away. A host's own extra attributes (`rules[].attributes`) stay
 * only on that host's iframes. Runs before the sanitizer, which then limits
 * the attributes.
 */
export function rehypeEmbedAllowlist(rules: readonly EmbedRule[]) {
  const extras = new Map<string, Set<string>>();
  for (const rule of rules) {
    const own = extras.get(rule.host) ?? new Set<string>();
    for (const attribute of rule.attributes) own.add(toPropertyName(attribute));
    extras.set(rule.host, own);
  }
  // Attributes some host may keep and every other host's iframes lose; the ones all embeds keep are not among them.
  const anyExtra = new Set(
    [...extras.values()].flatMap((own) => [...own]).filter((key) => !IFRAME_PROPERTIES.includes(key)),
  );
  return function removeForeignEmbeds(tree: Root): undefined {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'iframe') return;
      const src = parseEmbedSrc(node.properties['src']);
      const own = src === undefined ? undefined : extras.get(src.hostname);
      if (src !== undefined && own !== undefined) {
        node.properties['src'] = src.href;
        const allow = filterEmbedFeatures(node.properties['allow']);
        if (allow === undefined) delete node.properties['allow'];
        else node.properties['allow'] = allow;
        node.children = [];
        for (const key of Object.keys(node.properties))
          if (anyExtra.has(key) && !own.has(key)) delete node.properties[key];
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
