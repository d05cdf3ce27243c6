/** Where a site lives: the two config values every URL is made from. */
export interface SiteAddress {
  /** Absolute base URL with a trailing slash (`https://host/warta/`). */
  readonly baseUrl: string;
  /** Its path with slashes on both ends (`/warta/`, or `/`). */
  readonly basePath: string;
}

/** URL makers for one site address; pure. */
export interface SiteUrl {
  /** Root-relative href for a URL path without the base path (`/x/` → `/warta/x/`). */
  href(urlPath: string): string;
  /** Absolute URL for a URL path without the base path (`/x/` → `https://host/warta/x/`). */
  absolute(urlPath: string): string;
  /**
   * Absolute URL for a content image or link source: `https:` URLs stay as they
   * are, anything else is a site-relative path (`/images/a.jpg` or `images/a.jpg`).
   */
  resolveSrc(src: string): string;
}

/** Creates the URL makers for a site, honouring a base URL with a path (`https://host/warta/`). */
export function createSiteUrl(address: SiteAddress): SiteUrl {
  const href = (urlPath: string) => address.basePath + urlPath.replace(/^\//, '');
  // The URL parser encodes what a path needs (`日本` → `%E6%97%A5%E6%9C%AC`) and leaves escapes as they are;
  // encodeURI would escape the base path's own escapes again (`/berita-%C3%B1/` → `/berita-%25C3%25B1/`).
  // A path of plain ASCII that the parser would give back as it is (no escapes to add, no dot
  // segments, no `//` that could name a host) is joined to the origin without it: a sitemap
  // makes one absolute URL per article.
  const origin = new URL('/', address.baseUrl).href.slice(0, -1);
  const absolute = (urlPath: string) => {
    const path = href(urlPath);
    return isPlainPath(path) ? origin + path : new URL(path, address.baseUrl).href;
  };
  const resolveSrc = (src: string) =>
    /^https?:\/\//i.test(src) ? src : absolute(src.startsWith('/') ? src : `/${src}`);
  return { href, absolute, resolveSrc };
}

/** True for `/a/b-c/d.xml`: ASCII letters, digits and `-._~/` only, and no empty, `.` or `..` segment. */
function isPlainPath(path: string): boolean {
  return /^\/(?:[A-Za-z0-9\-._~]+\/)*[A-Za-z0-9\-._~]*$/.test(path) && !/\/\.\.?(?:\/|$)/.test(path);
}

/** Makes a root-relative href that already carries the base path (`/warta/x/`) absolute. */
export function absolutizeHref(url: string, baseUrl: string): string {
  return new URL(url, baseUrl).href;
}
