import type { SiteArticle } from './site.js';

/** Whether editors have an article in a lead slot at `now`: `featured: true`, and `featuredUntil` not yet reached. */
export function isFeatured(article: SiteArticle, now: number): boolean {
  return article.featured && (article.featuredUntil === undefined || article.featuredUntil.time > now);
}

/** The newest featured article of a newest-first list, if any: what leads the home page or a section. */
export function findFeatured(newestFirst: readonly SiteArticle[], now: number): SiteArticle | undefined {
  return newestFirst.find((article) => isFeatured(article, now));
}
