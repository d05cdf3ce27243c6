import type { ArticleData } from '../content/article.js';

type PermalinkArticle = Pick<ArticleData, 'slug' | 'id' | 'date'>;
type TokenValue = (article: PermalinkArticle, sectionSlug: string) => string;

const TOKENS: Readonly<Record<string, TokenValue>> = {
  ':section': (_, sectionSlug) => sectionSlug,
  ':slug': (article) => article.slug,
  ':yyyy': (article) => article.date.iso.slice(0, 4),
  ':mm': (article) => article.date.iso.slice(5, 7),
  ':dd': (article) => article.date.iso.slice(8, 10),
  ':id': (article) => article.id,
};

/**
 * Expands an article URL pattern (`/:section/:slug/`, `/:yyyy/:mm/:dd/:slug/`,
 * `/berita/:id/`) into the article's URL path. Date tokens use the date as
 * written in the site's time zone (the ISO text carries that wall time).
 * Unknown tokens stay as written.
 */
export function createPermalink(pattern: string, article: PermalinkArticle, sectionSlug: string): string {
  return compilePermalink(pattern)(article, sectionSlug);
}

/**
 * {@link createPermalink} with the pattern parsed once, for a site's
 * thousands of articles: the pattern becomes a list of literal parts and
 * token readers joined per article.
 */
export function compilePermalink(pattern: string): (article: PermalinkArticle, sectionSlug: string) => string {
  const parts: (string | TokenValue)[] = [];
  let last = 0;
  for (const match of pattern.matchAll(/:[a-z]+/g)) {
    const value = TOKENS[match[0]];
    if (!value) continue;
    parts.push(pattern.slice(last, match.index), value);
    last = match.index + match[0].length;
  }
  parts.push(pattern.slice(last));
  return (article, sectionSlug) => {
    let url = '';
    for (const part of parts) url += typeof part === 'string' ? part : part(article, sectionSlug);
    return url;
  };
}
