import { lookup } from 'mrmime';

/** The favicon a page links to: a URL and, when known, its media type. */
export interface SiteIcon {
  readonly url: string;
  readonly type: string | undefined;
}

/** Where the drawn icon is written when the site configures none (see {@link drawSiteIcon}). */
export const DRAWN_ICON_PATH = 'assets/site-icon.svg';

/**
 * The site's favicon: the configured icon (`href` maps a site path to its
 * URL), or else the drawn one at {@link DRAWN_ICON_PATH}. A file, not a
 * `data:` URL: it is fetched once and cached, where a `data:` URL adds its
 * bytes to every page, and search engines look for the favicon by URL.
 * Linking one at all matters: without it browsers ask for `/favicon.ico` on
 * every site and log the 404 as a console error.
 */
export function createSiteIcon(
  input: { title: string; icon: string | undefined; color: string },
  href: (urlPath: string) => string,
): SiteIcon {
  if (input.icon !== undefined) {
    const url = /^https?:\/\//i.test(input.icon)
      ? input.icon
      : href(input.icon.startsWith('/') ? input.icon : `/${input.icon}`);
    return { url, type: lookup(input.icon.replace(/[?#].*$/, '')) };
  }
  return { url: href(`/${DRAWN_ICON_PATH}`), type: 'image/svg+xml' };
}

/** The drawn icon's file (for sites that configure no icon): the site's initial in white on the brand colour, as SVG. */
export function drawSiteIcon(input: { title: string; color: string }): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">' +
    `<rect width="64" height="64" rx="12" fill="${input.color}"/>` +
    '<text x="32" y="47" fill="#fff" font-family="Georgia,serif" font-size="44" font-weight="700" text-anchor="middle">' +
    `${escapeXml(findInitial(input.title))}</text></svg>\n`
  );
}

/** The first letter or digit of a title, upper-cased (`warta` → `W`); `N` when it has none. */
export function findInitial(title: string): string {
  const match = /[\p{L}\p{N}]/u.exec(title.normalize('NFC'));
  return match ? match[0].toLocaleUpperCase() : 'N';
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
