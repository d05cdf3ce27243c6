import type { Instant } from '../content/article.js';
import type { Page, SiteArticle } from '../site/site.js';

/**
 * The public articles a page shows, for its sitemap `lastmod`: the article
 * itself, the articles of a listing or home page, every article for an index
 * of terms. `isPublic` filters out drafts and scheduled articles.
 */
export function listPageArticles(page: Page, all: readonly SiteArticle[], isPublic: (article: SiteArticle) => boolean): SiteArticle[] {
  switch (page.kind) {
    case 'article':
      return isPublic(page.article) ? [page.article] : [];
    case 'home':
      return [...(page.headline ? [page.headline] : []), ...page.sections.flatMap((block) => block.articles), ...page.articles].filter(isPublic);
    case 'list':
      return page.articles.filter(isPublic);
    case 'terms':
      return all.filter(isPublic);
    case 'not-found':
      return [];
  }
}

/** The newest `updated` (or `date`) among articles, as ISO 8601 with offset. */
export function findLastModified(articles: readonly SiteArticle[]): Instant | undefined {
  let newest: Instant | undefined;
  for (const article of articles) {
    const modified = article.updated ?? article.date;
    if (!newest || modified.time > newest.time) newest = modified;
  }
  return newest;
}
