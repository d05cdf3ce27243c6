import type { ArticleBodies } from '../content/article.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { avatarOwnerId, type SiteImages } from '../images/site-images.js';
import { describeArticle, describeTerm } from '../site/describe-article.js';
import { isLive } from '../site/live.js';
import { isAhead } from '../site/select-published.js';
import type { Page, Pagination, SiteArticle } from '../site/site.js';

/** Fingerprints pages from the site model; see {@link createPageFingerprinter}. */
export type PageFingerprinter = (page: Page) => string;

/**
 * Creates a fingerprinter for one build: a page's fingerprint covers
 * everything its template data is made from, computed from the site model
 * without building the view. `settings` covers the config, theme, UI strings,
 * static files and navigation; the page's own fields go in as they are, and
 * every article it shows as the fields a card prints (its own article also by
 * the digest of its body, see {@link ArticleBodies}), and every image it
 * shows by its identity (see `SiteImages`), and whether each live blog it
 * shows is live at `now`, the build's clock, and whether its own article is
 * dated after `now`. Equal fingerprints mean the
 * page would render to the same bytes, so a one-article change, or a changed
 * photo, re-renders only the pages showing it.
 * Article descriptions are memoised for the life of the fingerprinter.
 */
export function createPageFingerprinter(
  settings: string,
  bodies: Pick<ArticleBodies, 'digest'>,
  images?: Pick<SiteImages, 'lead' | 'body'>,
  now = 0,
): PageFingerprinter {
  const keys = new Map<SiteArticle, string>();
  const keyOf = (article: SiteArticle): string => {
    let key = keys.get(article);
    // Hashed once here, so a page's fingerprint hashes a few short digests, not every card's fields again.
    // A live blog's card and page show the live marker until `liveUntil`: the same file renders otherwise after it.
    const live = isLive(article, now) ? 'live' : '';
    if (key === undefined)
      keys.set(
        article,
        (key = hashBytes(`${describeArticle(article)}\n${images?.lead(article.sourcePath) ?? ''}${live}`)),
      );
    return key;
  };
  const keysOf = (articles: readonly SiteArticle[]) => articles.map(keyOf).join('\n');
  return (page) => {
    const parts = [settings, page.kind, page.url];
    switch (page.kind) {
      case 'article':
        parts.push(
          keyOf(page.article),
          bodies.digest(page.article),
          images?.body(page.article.sourcePath) ?? '',
          keysOf(page.related),
          keysOf(page.otherNews),
          keysOf(page.readAlso),
          // A live preview's banner on an article shown before its date (see `ResolvedConfig.preview`).
          isAhead(page.article, now) ? 'ahead' : '',
        );
        break;
      case 'home':
        parts.push(
          page.headline ? keyOf(page.headline) : '',
          ...page.sections.map((block) => `${describeTerm(block.term)}\n${keysOf(block.articles)}`),
          keysOf(page.articles),
          describePagination(page.pagination),
        );
        break;
      case 'list':
        parts.push(
          page.taxonomy,
          JSON.stringify([page.term && describeTerm(page.term), page.period, page.author]),
          page.lead ? keyOf(page.lead) : '',
          page.author ? (images?.lead(avatarOwnerId(page.author.slug)) ?? '') : '',
          keysOf(page.articles),
          describePagination(page.pagination),
        );
        break;
      case 'terms':
        parts.push(page.taxonomy, JSON.stringify(page.terms));
        break;
      case 'page':
        // Everything but the body's places (its references), which the page does not print.
        parts.push(JSON.stringify({ ...page.entry, references: undefined }), JSON.stringify(page.parents));
        parts.push(bodies.digest(page.entry));
        parts.push(images?.lead(page.entry.sourcePath) ?? '', images?.body(page.entry.sourcePath) ?? '');
        break;
      case 'not-found':
      case 'search':
        break;
    }
    return hashBytes(parts.join('\n\0'));
  };
}

/** Everything a page's navigation shows. */
function describePagination(pagination: Pagination): string {
  return JSON.stringify(pagination);
}
