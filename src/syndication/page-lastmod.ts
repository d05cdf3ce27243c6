import type { Instant } from '../i18n/instant.js';
import type { Page, SiteArticle } from '../site/site.js';

/**
 * A page's sitemap `lastmod`: the newest `updated` (or `date`) among the
 * public articles it shows: the article itself, the articles of a listing or
 * home page, every article for an index of terms (`newestPublic`, computed
 * once per site). `isPublic` filters out drafts and scheduled articles.
 * Undefined when the page shows no public article.
 */
export function findPageLastModified(
  page: Page,
  isPublic: (article: SiteArticle) => boolean,
  newestPublic: Instant | undefined,
): Instant | undefined {
  switch (page.kind) {
    case 'article':
      return isPublic(page.article) ? modifiedOf(page.article) : undefined;
    case 'home':
      // In the order the page shows them: the first of equally new articles wins.
      return newer(
        newer(
          page.headline && isPublic(page.headline) ? modifiedOf(page.headline) : undefined,
          newestOf(
            page.sections.flatMap((block) => block.articles),
            isPublic,
          ),
        ),
        newestOf(page.articles, isPublic),
      );
    case 'list':
      return newestOf(page.articles, isPublic);
    case 'terms':
      return newestPublic;
    case 'not-found':
      return undefined;
  }
}

function modifiedOf(article: SiteArticle): Instant {
  return article.updated ?? article.date;
}

/** The later of two instants; the first when they are equal. */
function newer(a: Instant | undefined, b: Instant | undefined): Instant | undefined {
  return !a || (b && b.time > a.time) ? b : a;
}

function newestOf(articles: readonly SiteArticle[], isPublic: (article: SiteArticle) => boolean): Instant | undefined {
  let newest: Instant | undefined;
  for (const article of articles) if (isPublic(article)) newest = newer(newest, modifiedOf(article));
  return newest;
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
