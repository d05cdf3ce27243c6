import type { Page, SiteArticle } from './site.js';

/**
 * Every article whose fields a page prints (its own article, related and
 * other news, listing cards): the articles a page's fingerprint depends on,
 * besides the site's structure and the settings.
 */
export function shownArticles(page: Page): readonly SiteArticle[] {
  switch (page.kind) {
    case 'article':
      return [page.article, ...page.related, ...page.otherNews, ...page.readAlso];
    case 'home':
      return [
        ...(page.headline ? [page.headline] : []),
        ...page.sections.flatMap((block) => block.articles),
        ...page.articles,
      ];
    case 'list':
      return page.lead ? [page.lead, ...page.articles] : page.articles;
    case 'terms':
    case 'not-found':
    case 'page':
    case 'search':
      return [];
  }
}
