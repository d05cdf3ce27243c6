import type { Article } from '../content/article.js';
import { placeArticle } from '../site/build-site.js';
import { termsOf } from '../site/collect-terms.js';
import { compareNewestFirst } from '../site/compare.js';
import { compilePermalink } from '../site/permalink.js';
import { selectPublished } from '../site/select-published.js';
import type { Page, Site, SiteArticle, SiteIndexes, SiteOptions } from '../site/site.js';
import { findsEveryTerm, keepsTermName } from '../site/term-names.js';
import { meetsRedirects } from '../syndication/redirect-files.js';
import { collectListings } from './publish-listings.js';
import { layOutPublish } from './publish-pages.js';

/** One article added to the content, or one removed (by source path). */
export type PublishChange =
  | { readonly kind: 'add'; readonly article: Article }
  | { readonly kind: 'remove'; readonly sourcePath: string };

/** The last build's model, as a publish patch starts from it. */
export interface PublishBase {
  readonly site: Site;
  readonly indexes: SiteIndexes;
  /** The last model's warnings (diagnostics), by rule. */
  readonly modelWarnings: readonly { readonly ruleId?: string | undefined }[];
}

/** A site model with one newest article added or removed, and what may now render differently. */
export interface PublishedSite {
  readonly site: Site;
  readonly change: 'add' | 'remove';
  /** The article added or removed, as placed in the site. */
  readonly article: SiteArticle;
  /** Pages of the new site that are new or may differ from the last build's page at their URL. */
  readonly changed: ReadonlySet<Page>;
  /** URLs of pages the last site did not have. */
  readonly added: readonly string[];
  /** URLs of the last site's pages that the new site no longer has. */
  readonly removed: readonly string[];
  /** The last site's pages, in order (pages kept are the same objects in `site.pages`). */
  readonly lastPages: readonly Page[];
}

/** The model warnings a publish patch keeps exact: broken links are checked again, menus do not depend on articles. */
const KEPT_WARNINGS = new Set(['link-broken', 'menu-target-missing']);

/**
 * The site with one article published as the newest of all, or the newest
 * removed, patched from the last build's model instead of built again:
 * article pages depend only on the past, so only the new article's page, the
 * listings it is in (home, its section, tags, authors, year and month), the
 * term indexes and the terms' counts change. Returns undefined, leaving
 * `base` untouched, for anything it cannot prove it lays out as `buildSite`
 * would: an article that is not the newest, a term that appears or
 * disappears, or whose name (its most common spelling) would change, a new
 * date archive, configured redirects, the article's own aliases, a page that
 * comes or goes where an old address or its redirect page is (see
 * `meetsRedirects`), ids, slugs or `::related` links that meet the article,
 * and model warnings other than broken links and menus.
 * `others` is every other article of the content, published or not.
 */
export function patchPublish(
  base: PublishBase,
  change: PublishChange,
  others: readonly Article[],
  options: SiteOptions,
): PublishedSite | undefined {
  const { site } = base;
  // A configured folder redirect may hide a new page (an error); aliases are checked against the pages below.
  if (options.redirects.length > 0) return undefined;
  if (!base.modelWarnings.every((warning) => KEPT_WARNINGS.has(warning.ruleId ?? ''))) return undefined;
  const newest = site.articles[0];
  if (!newest) return undefined;
  const article = change.kind === 'add' ? placeNewest(base, change.article, others, options) : newest;
  if (!article) return undefined;
  if (change.kind === 'remove' && (newest.sourcePath !== change.sourcePath || site.articles.length < 2))
    return undefined;
  // Its old addresses would go with it.
  if (change.kind === 'remove' && newest.aliases.length > 0) return undefined;
  // Strictly the newest by date: with a tie, which of the two counts as "before" the other for the related
  // and other-news lists of older pages is the tie-break's, not the date's, and those pages could change.
  const next = change.kind === 'add' ? newest : site.articles[1];
  if (next === undefined || article.date.time <= next.date.time) return undefined;
  // A `::related` link to the article would resolve differently (or warn) with it added or removed.
  if (others.some((other) => other.readAlsoLinks.some((link) => link.slug === article.slug))) return undefined;
  const articles = change.kind === 'add' ? [article, ...site.articles] : site.articles.slice(1);
  const step = change.kind === 'add' ? 1 : (-1 as const);
  const listings = collectListings(articles, article);
  const terms = termsOf(article);
  if (
    !terms.every((term) => keepsTermName(term, listings.get(term.url) ?? [], options, site.profiles, { article, step }))
  )
    return undefined;
  const laidOut = layOutPublish(
    site,
    { ...site, articles },
    { article, step, listings },
    options,
    () => {
      // Only once the layout is known to be exact: the terms are shared by every article and page.
      for (const term of terms) (term as { count: number }).count += step;
    },
    // A page that comes or goes where an old address is, or beside a redirect page's file, changes the redirects.
    (added, removed) => !meetsRedirects(site.redirects, [...added, ...removed]),
  );
  if (!laidOut) return undefined;
  return { ...laidOut, change: change.kind, article, lastPages: site.pages };
}

/** The new article placed in the site, when it is the newest, published and plain enough to patch in. */
function placeNewest(
  base: PublishBase,
  article: Article,
  others: readonly Article[],
  options: SiteOptions,
): SiteArticle | undefined {
  const newest = base.site.articles[0];
  const plain =
    article.aliases.length === 0 &&
    article.readAlsoLinks.length === 0 &&
    article.expires === undefined &&
    article.featuredUntil === undefined &&
    article.date.time <= options.now.getTime() &&
    selectPublished([article], options).length === 1 &&
    newest !== undefined &&
    compareNewestFirst(article, newest) < 0;
  if (!plain || others.some((other) => other.id === article.id)) return undefined;
  // A name with a slug but no term yet is a new term: new listings, feeds and index entries.
  if (!findsEveryTerm(base.indexes, article)) return undefined;
  return placeArticle(article, compilePermalink(options.permalink), base.indexes);
}
