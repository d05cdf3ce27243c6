import { isLive } from '../site/select-published.js';
import type { SiteArticle } from '../site/site.js';

/**
 * The articles that may leave the site through feeds and sitemaps: live at
 * `now`, never drafts, scheduled or expired articles, even in a preview build
 * run with `--drafts` or `--future`. Keeps the input order.
 */
export function selectPublicArticles(articles: readonly SiteArticle[], now: Date): SiteArticle[] {
  const time = now.getTime();
  return articles.filter((article) => isPublic(article, time));
}

/** Whether {@link selectPublicArticles} keeps `article` at `now` (milliseconds). */
export function isPublic(article: SiteArticle, now: number): boolean {
  return isLive(article, now, PUBLIC);
}

const PUBLIC = { drafts: false, future: false };
