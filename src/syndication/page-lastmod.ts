import type { Instant } from '../i18n/instant.js';
import type { SiteArticle } from '../site/site.js';

/** When an article last changed for a reader: its `updated` time, else its publication time. */
export function modifiedOf(article: SiteArticle): Instant {
  return article.updated ?? article.date;
}

/** The newest `updated` (or `date`) among articles, as ISO 8601 with offset. */
export function findLastModified(articles: readonly SiteArticle[]): Instant | undefined {
  let newest: Instant | undefined;
  for (const article of articles) {
    const modified = modifiedOf(article);
    if (!newest || modified.time > newest.time) newest = modified;
  }
  return newest;
}
