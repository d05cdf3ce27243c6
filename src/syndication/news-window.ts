import type { SiteArticle } from '../site/site.js';
import { selectPublicArticles } from './public-articles.js';

/** How long an article stays in the Google News sitemap after publication: 48 hours. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

/**
 * The articles a Google News sitemap lists: public ones whose original
 * publication time (`date`, never `updated`) lies in the 48 hours up to `now`.
 */
export function selectRecentArticles(articles: readonly SiteArticle[], now: Date): SiteArticle[] {
  const end = now.getTime();
  return selectPublicArticles(articles, now).filter(
    (article) => article.date.time > end - NEWS_WINDOW_MS && article.date.time <= end,
  );
}
