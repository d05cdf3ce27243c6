import type { Pagination } from './site.js';

/** URL path of page `n` of a listing whose first page is `firstUrl` (`/tag/x/` → `/tag/x/page/2/`). */
export function createPageUrl(firstUrl: string, n: number): string {
  return n === 1 ? firstUrl : `${firstUrl}page/${n}/`;
}

/**
 * Splits a listing into pages of `perPage`. An empty listing still has one
 * (empty) page, so every term and the home page always exist.
 */
export function paginate<T>(
  items: readonly T[],
  perPage: number,
  firstUrl: string,
): { items: readonly T[]; pagination: Pagination }[] {
  const total = Math.max(1, Math.ceil(items.length / perPage));
  const urls = Array.from({ length: total }, (_, index) => createPageUrl(firstUrl, index + 1));
  return urls.map((_, index) => ({
    items: items.slice(index * perPage, (index + 1) * perPage),
    pagination: { current: index + 1, total, urls },
  }));
}
