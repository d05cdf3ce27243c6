import type { Page, Site, SiteArticle } from '../site/site.js';
import { isPublic } from './public-articles.js';
import type { SitemapConfig } from './sitemap-model.js';

/**
 * The public articles by month of publication (`2026-11`, from the article's
 * date in the site's time zone), months in calendar order and each month's
 * articles oldest first (date, then id). Oldest first so that a new article
 * joins the end of its month, and a month split at the limits keeps its
 * earlier files as they were.
 */
export function groupArticlesByMonth(site: Site, config: SitemapConfig): Map<string, SiteArticle[]> {
  const now = config.now.getTime();
  const months = new Map<string, SiteArticle[]>();
  // Articles come by date, so a month's come one after another: its list is looked up when the month
  // changes, not per article (a new string and a lookup each, over the whole archive at every publish).
  let month = '';
  let list: SiteArticle[] = [];
  for (let index = site.articles.length - 1; index >= 0; index -= 1) {
    const article = site.articles[index] as SiteArticle;
    if (!isPublic(article, now)) continue;
    const iso = article.date.iso;
    if (month === '' || !iso.startsWith(month)) {
      month = iso.slice(0, 7);
      let found = months.get(month);
      if (!found) months.set(month, (found = []));
      list = found;
    }
    list.push(article);
  }
  return new Map([...months].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The greatest offset of any time zone from UTC (+14:00): a local date is never more than this ahead of UTC. */
const MAX_OFFSET = 14 * 60 * 60 * 1000;

/**
 * One month's articles as {@link groupArticlesByMonth} lists them (oldest
 * first), found among the newest articles alone: an article dated in the
 * month is at most 14 hours older than the month's first midnight in UTC,
 * so the walk from the newest stops there. A publish's month is the newest,
 * so the walk is that month's articles long, not the archive's.
 */
export function listMonthArticles(site: Site, config: SitemapConfig, month: string): SiteArticle[] {
  const now = config.now.getTime();
  const [year = 0, monthNumber = 1] = month.split('-').map(Number);
  // setUTCFullYear keeps years 0-99 literal (Date.UTC would read them as 19xx).
  const start = new Date(0);
  start.setUTCFullYear(year, monthNumber - 1, 1);
  const earliest = start.getTime() - MAX_OFFSET;
  const found: SiteArticle[] = [];
  for (const article of site.articles) {
    if (article.date.time < earliest) break;
    if (article.date.iso.startsWith(month) && isPublic(article, now)) found.push(article);
  }
  return found.reverse();
}

/**
 * URL paths of every published page that is not an article (home, listings,
 * indexes of terms, standalone pages), in the order of the site's pages. A listing with no
 * public article on it is not published, so it is left out.
 */
export function listPagePaths(site: Site, config: SitemapConfig): string[] {
  const now = config.now.getTime();
  const paths: string[] = [];
  for (const page of site.pages) if (isListedPage(page, now)) paths.push(page.url);
  return paths;
}

function isListedPage(page: Page, now: number): boolean {
  switch (page.kind) {
    case 'home':
    case 'terms':
      return true;
    case 'list':
      return page.articles.some((article) => isPublic(article, now));
    case 'page':
      return !page.entry.draft;
    case 'article':
    case 'not-found':
    case 'search':
      return false;
  }
}
