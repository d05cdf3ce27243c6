import type { ArticleData } from '../content/article.js';

/**
 * Expands an article URL pattern (`/:section/:slug/`, `/:yyyy/:mm/:dd/:slug/`,
 * `/berita/:id/`) into the article's URL path. Date tokens use the date as
 * written in the site's time zone (the ISO text carries that wall time).
 */
export function createPermalink(
  pattern: string,
  article: Pick<ArticleData, 'slug' | 'id' | 'date'>,
  sectionSlug: string,
): string {
  const [yyyy = '', mm = '', dd = ''] = article.date.iso.slice(0, 10).split('-');
  const values: Record<string, string> = {
    ':section': sectionSlug,
    ':slug': article.slug,
    ':yyyy': yyyy,
    ':mm': mm,
    ':dd': dd,
    ':id': article.id,
  };
  return pattern.replace(/:[a-z]+/g, (token) => values[token] ?? token);
}
