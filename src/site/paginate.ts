import type { Pagination } from './site.js';

/** Archive pages numbered on each page's navigation below (older than) the current one. */
const OLDER_LINKS = 2;

/** URL path of archive page `n` of a listing whose front page is `frontUrl` (`/tag/x/` → `/tag/x/page/2/`). */
export function createPageUrl(frontUrl: string, n: number): string {
  return `${frontUrl}page/${n}/`;
}

/**
 * Splits a listing (newest first) into pages that stay put as the archive
 * grows: a front page at the listing's URL with the newest `perPage` items,
 * and archive pages numbered from the oldest, each holding a fixed slice
 * (`/page/1/` the oldest `perPage` items, `/page/2/` the next, …; the newest
 * may be partial). Publishing a newer item changes only the front page and
 * the newest archive page; every older archive page keeps its items and its
 * navigation, which links only pages that already exist: the next newer
 * page (or the front page), the current one and {@link OLDER_LINKS} older,
 * and the oldest. Items within a page are newest first. `after` is, for an
 * archive page that is not the newest, the oldest item of the next one: what
 * an incremental build checks to know the page cannot have changed;
 * `newest`, on the front page and the newest archive page, is the listing's
 * newest item (those pages change whenever a newer item arrives).
 * Archive pages numbered below `from` are left out (they are as they were
 * before the newest items came or went; see `archiveCount`).
 */
export function paginate<T>(
  newestFirst: readonly T[],
  perPage: number,
  frontUrl: string,
  from = 1,
): { items: readonly T[]; pagination: Pagination; after: T | undefined; newest: T | undefined }[] {
  const count = newestFirst.length;
  const archive = archiveCount(count, perPage);
  // The first archive page holding an item the front page does not show.
  const afterFront = archive > 0 ? Math.floor((count - perPage - 1) / perPage) + 1 : undefined;
  const front = {
    items: newestFirst.slice(0, perPage),
    pagination: createPagination(frontUrl, 0, undefined, afterFront),
    after: undefined,
    newest: newestFirst[0],
  };
  const first = Math.max(1, from);
  const pages = Array.from({ length: Math.max(0, archive - first + 1) }, (_, index) => {
    const number = index + first;
    const newer = number < archive ? number + 1 : 0;
    return {
      items: newestFirst.slice(Math.max(0, count - number * perPage), count - (number - 1) * perPage),
      pagination: createPagination(frontUrl, number, newer, number > 1 ? number - 1 : undefined),
      // The oldest item of the next newer archive page: this page is settled once that exists.
      after: number < archive ? newestFirst[count - number * perPage - 1] : undefined,
      newest: number < archive ? undefined : newestFirst[0],
    };
  });
  return [front, ...pages];
}

/** How many archive pages a listing of `count` items has (none when its front page holds them all). */
export function archiveCount(count: number, perPage: number): number {
  return count > perPage ? Math.ceil(count / perPage) : 0;
}

/** A page's navigation: only pages that exist whatever newer items arrive later. */
function createPagination(
  frontUrl: string,
  number: number,
  newer: number | undefined,
  older: number | undefined,
): Pagination {
  const numbered: number[] = [];
  if (number > 0 && newer !== undefined && newer > 0) numbered.push(newer);
  if (number > 0) numbered.push(number);
  const from = number > 0 ? number - 1 : (older ?? 0);
  let lowest = from - OLDER_LINKS - (number > 0 ? 0 : 1);
  // Never leave out page 2 alone: a gap standing for one page is that page, shown.
  if (lowest <= 2) lowest = 0;
  for (let n = from; n > lowest && n >= 1; n--) numbered.push(n);
  return {
    number,
    frontUrl,
    url: number === 0 ? frontUrl : createPageUrl(frontUrl, number),
    newer: newer === undefined ? undefined : newer === 0 ? frontUrl : createPageUrl(frontUrl, newer),
    older: older === undefined ? undefined : createPageUrl(frontUrl, older),
    numbered: numbered.map((n) => ({ number: n, url: createPageUrl(frontUrl, n) })),
    oldest: numbered.includes(1) || (number === 0 && older === undefined) ? undefined : createPageUrl(frontUrl, 1),
  };
}
