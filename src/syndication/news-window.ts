import type { SiteArticle } from '../site/site.js';
import { createSiteUrl } from '../url/site-url.js';
import { selectPublicArticles } from './public-articles.js';
import type { SitemapConfig } from './sitemap-model.js';
import { estimateXmlBytes, type SplitLimit, splitEntries } from './split-entries.js';

/** How long an article stays in the Google News sitemap after publication: 48 hours. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

/**
 * The articles a Google News sitemap lists: public ones whose original
 * publication time (`date`, never `updated`) lies in the 48 hours up to `now`,
 * sponsored ones left out: Google News asks that paid content not be given
 * to it as news (a news sitemap of news articles only).
 * `articles` come newest first (by date), so the walk stops at the first
 * one older than the window: a publish into a large archive reads a few.
 */
export function selectRecentArticles(articles: readonly SiteArticle[], now: Date): SiteArticle[] {
  const end = now.getTime();
  const recent: SiteArticle[] = [];
  for (const article of articles) {
    if (article.date.time <= end - NEWS_WINDOW_MS) break;
    if (article.date.time <= end && article.kind !== 'sponsored') recent.push(article);
  }
  return selectPublicArticles(recent, now);
}

/**
 * The recent articles (newest first) cut into news sitemap files within
 * `limit`; one empty file when there is none, since the news sitemap keeps
 * its address whether or not anything is recent.
 */
export function splitRecentArticles(
  articles: readonly SiteArticle[],
  config: SitemapConfig,
  limit: SplitLimit,
): SiteArticle[][] {
  const siteUrl = createSiteUrl(config);
  const publisher = estimateXmlBytes(config.publisher.name);
  return splitEntries(
    selectRecentArticles(articles, config.now),
    limit,
    (article) => 400 + estimateXmlBytes(siteUrl.absolute(article.url)) + estimateXmlBytes(article.title) + publisher,
    400 + publisher,
  );
}
