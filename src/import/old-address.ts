/** What becomes of a post's old permalink: an alias, or why it gets none. */
export type OldAddress =
  | { readonly kind: 'alias'; readonly path: string; readonly host: string }
  /** A path the site cannot answer: not under the `baseUrl`'s path. */
  | { readonly kind: 'outside'; readonly path: string }
  /** No alias needed or possible: `/?p=123`, the home page, or no link at all. */
  | { readonly kind: 'none' };

/**
 * The alias of an old permalink on a site published at `baseUrl`: the old
 * address's path as a path of the site, its base path taken off
 * (`https://koran.example/berita/2026/x/` is `/2026/x/` on a site at
 * `https://koran.example/berita/`, and `/berita/2026/x/` on one at the
 * host's root). A path outside the site's base path is `outside`: no rule
 * of the site is served there. The old host is returned so the caller can
 * say when it is not the site's (the alias then answers only once the old
 * host forwards its paths to the new one).
 */
export function resolveOldAddress(link: string, baseUrl: string): OldAddress {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return { kind: 'none' };
  }
  const basePath = new URL(baseUrl).pathname;
  if (url.search !== '' || `${url.pathname}/` === basePath) return { kind: 'none' };
  if (!url.pathname.startsWith(basePath)) return { kind: 'outside', path: url.pathname };
  const path = `/${url.pathname.slice(basePath.length)}`;
  return path === '/' ? { kind: 'none' } : { kind: 'alias', path, host: url.host };
}

/** Whether two hosts are one site's: equal, or equal but for a `www.` (hosts redirect one to the other). */
export function isSameHost(a: string, b: string): boolean {
  const bare = (host: string) => host.toLowerCase().replace(/^www\./, '');
  return bare(a) === bare(b);
}
