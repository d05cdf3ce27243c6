import { selectPublished } from '../site/select-published.js';
import type { SiteArticle } from '../site/site.js';

/**
 * The articles that may leave the site through feeds and sitemaps: live at
 * `now`, never drafts, scheduled or expired articles, even in a preview build
 * run with `--drafts` or `--future`. Keeps the input order.
 */
export function selectPublicArticles(articles: readonly SiteArticle[], now: Date): SiteArticle[] {
  return selectPublished(articles, { now, drafts: false, future: false });
}
