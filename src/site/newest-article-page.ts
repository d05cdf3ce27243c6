import type { SiteSoFar } from './create-pages.js';
import { findRelatedByWalk } from './related.js';
import type { ArticlePage, SiteArticle, SiteOptions } from './site.js';

/**
 * The page of the site's newest article (`site.articles[0]`), as
 * `createArticlePages` makes it, without indexing the whole site: its
 * related articles by walking the articles from the newest (see
 * `findRelatedByWalk`). For a page without `::related` links.
 */
export function createNewestArticlePage(site: SiteSoFar, options: SiteOptions): ArticlePage | undefined {
  const [article, ...older] = site.articles;
  if (!article || article.readAlsoLinks.length > 0) return undefined;
  const related = findRelatedByWalk(site.articles, 0, options.related.weights, options.related.count);
  const shown = new Set<SiteArticle>(related);
  const otherNews: SiteArticle[] = [];
  for (const candidate of older) {
    if (otherNews.length >= options.otherNewsCount) break;
    if (!shown.has(candidate)) otherNews.push(candidate);
  }
  return { kind: 'article', url: article.url, article, readAlso: [], related, otherNews };
}
