import type { SiteSoFar } from './create-pages.js';
import { createRelatedFinder, NEIGHBOURS, type RelatedItem, toRelatedItem } from './related.js';
import type { ArticlePage, SiteArticle, SiteOptions } from './site.js';

/**
 * The page of the site's newest article (`site.articles[0]`), as
 * `createArticlePages` makes it, without indexing the whole site: its
 * related articles can only come from the `NEIGHBOURS` nearest older
 * articles of its section's, tags' and authors' listings (`listings`, each
 * newest first), so ranking among those gives the same list. For a page
 * without `::related` links.
 */
export function createNewestArticlePage(
  site: SiteSoFar,
  listings: readonly (readonly SiteArticle[])[],
  options: SiteOptions,
): ArticlePage | undefined {
  const [article, ...older] = site.articles;
  if (!article || article.readAlsoLinks.length > 0) return undefined;
  const items = new Map<SiteArticle, RelatedItem>([[article, toRelatedItem(article)]]);
  for (const listing of listings) {
    let nearer = 0;
    for (const other of listing) {
      if (nearer >= NEIGHBOURS) break;
      if (!items.has(other)) items.set(other, toRelatedItem(other));
      if (other.date.time < article.date.time) nearer += 1;
    }
  }
  const articles = new Map([...items].map(([one, item]) => [item, one]));
  const related = createRelatedFinder([...articles.keys()], options.related.weights)(
    items.get(article) as RelatedItem,
    options.related.count,
  )
    .map((item) => articles.get(item))
    .filter((found): found is SiteArticle => found !== undefined);
  const shown = new Set<SiteArticle>(related);
  const otherNews: SiteArticle[] = [];
  for (const candidate of older) {
    if (otherNews.length >= options.otherNewsCount) break;
    if (!shown.has(candidate)) otherNews.push(candidate);
  }
  return { kind: 'article', url: article.url, article, readAlso: [], related, otherNews };
}
