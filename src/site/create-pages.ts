import { compareTermsByCount } from './collect-terms.js';
import { createArchivePages } from './date-archives.js';
import { findFeatured } from './featured.js';
import { createHomeSections } from './home-sections.js';
import { paginate } from './paginate.js';
import { positionsOf } from './positions.js';
import { createReadAlsoFinder } from './read-also.js';
import { createRelatedFinder, findRelatedByWalk, type RelatedItem, toRelatedItem } from './related.js';
import type {
  ArticlePage,
  HomePage,
  ListPage,
  Page,
  Site,
  SiteArticle,
  SiteOptions,
  Taxonomy,
  Term,
  TermsPage,
} from './site.js';

/** A site before its pages and redirects are laid out. */
export type SiteSoFar = Omit<Site, 'pages' | 'redirects'>;

/** URL of each taxonomy's index of terms. */
export const TERMS_INDEX_URLS: Readonly<Record<Taxonomy, string>> = {
  section: '/sections/',
  tag: '/tag/',
  author: '/author/',
};

/**
 * Home pages: the front page leads with the headline (the newest featured
 * article, else the newest that is not paid content), then the rest of the front page's newest
 * articles, then a block per section in navigation order with that
 * section's newest articles not shown above (led by its newest featured
 * one); then the archive pages (see `paginate`), which list every article.
 * No article appears twice on a page. Archive pages numbered below `from`
 * are left out (see `paginate`).
 */
export function createHomePages(site: SiteSoFar, options: SiteOptions, from = 1): HomePage[] {
  const now = options.now.getTime();
  // Paid content leads only when editors feature it: the newest article that is not sponsored leads otherwise.
  const headline =
    findFeatured(site.articles, now) ??
    site.articles.find((article) => article.kind !== 'sponsored') ??
    site.articles[0];
  const pages = paginate(site.articles, options.perPage, '/', from);
  const above = new Set<SiteArticle>([...(headline ? [headline] : []), ...(pages[0]?.items ?? [])]);
  const sections = createHomeSections(site, above, now);
  return pages.map(({ items, pagination, after, newest }) => {
    const front = pagination.number === 0;
    return {
      kind: 'home',
      url: pagination.url,
      headline: front ? headline : undefined,
      sections: front ? sections : [],
      articles: front ? items.filter((article) => article !== headline) : items,
      pagination,
      after,
      newest,
    };
  });
}

/**
 * One page per article, with its related articles and the other news not
 * shown already, both chosen among the articles published at or before it
 * (in the total order of `site.articles`): publishing a newer article never
 * changes an older article's page. Readers still see fresh headlines: the
 * theme replaces the other-news list from `/latest.json` in the browser.
 */
export function createArticlePages(site: SiteSoFar, options: SiteOptions): ArticlePage[] {
  const positions = positionsOf(site.articles);
  const related = createLazyRelated(site, positions, options);
  const blocksOf = (article: SiteArticle) => {
    const chosen = related(article);
    const shown = new Set<SiteArticle>(chosen);
    const otherNews: SiteArticle[] = [];
    for (let index = (positions.get(article) ?? 0) + 1; index < site.articles.length; index++) {
      if (otherNews.length >= options.otherNewsCount) break;
      const candidate = site.articles[index] as SiteArticle;
      if (!shown.has(candidate)) otherNews.push(candidate);
    }
    return { related: chosen, otherNews };
  };
  const findReadAlso = createReadAlsoFinder(site.articles);
  // Related and other news are worked out on first use, so the home and section
  // pages (rendered first) never wait for ten thousand related searches.
  return site.articles.map((article) => {
    let blocks: ReturnType<typeof blocksOf> | undefined;
    return {
      kind: 'article',
      url: article.url,
      article,
      readAlso: findReadAlso(article),
      get related() {
        return (blocks ??= blocksOf(article)).related;
      },
      get otherNews() {
        return (blocks ??= blocksOf(article)).otherNews;
      },
    };
  });
}

/**
 * Lookups of related articles that walk the article list before the site is
 * indexed; see {@link findRelatedByWalk}. A publish plans a page or two; a
 * build that asks for more builds the finder.
 */
const WALKS = 16;

/**
 * The related articles of each article: the first few by walking the list
 * from the article, then from a finder built on first use, so a build that
 * plans few article pages (a publish) never indexes the site.
 */
function createLazyRelated(
  site: SiteSoFar,
  positions: ReadonlyMap<SiteArticle, number>,
  options: SiteOptions,
): (article: SiteArticle) => SiteArticle[] {
  let walks = 0;
  let finder:
    | {
        find: ReturnType<typeof createRelatedFinder>;
        items: Map<RelatedItem, SiteArticle>;
        itemOf: Map<SiteArticle, RelatedItem>;
      }
    | undefined;
  const build = () => {
    const items = new Map<RelatedItem, SiteArticle>();
    const itemOf = new Map<SiteArticle, RelatedItem>();
    for (const article of site.articles) {
      const item = toRelatedItem(article);
      items.set(item, article);
      itemOf.set(article, item);
    }
    return { find: createRelatedFinder([...items.keys()], options.related.weights), items, itemOf };
  };
  return (article) => {
    const position = positions.get(article);
    if (!finder && position !== undefined && walks < WALKS) {
      walks += 1;
      return findRelatedByWalk(site.articles, position, options.related.weights, options.related.count);
    }
    finder ??= build();
    const item = finder.itemOf.get(article);
    if (!item) return [];
    const { items } = finder;
    return finder
      .find(item, options.related.count)
      .map((found) => items.get(found))
      .filter((found): found is SiteArticle => found !== undefined);
  };
}

/** The taxonomies with listings, in page order, and the term slugs each article is listed under. */
export const LISTED_TAXONOMIES: readonly [
  Taxonomy,
  (site: SiteSoFar) => readonly Term[],
  (article: SiteArticle) => string[],
][] = [
  ['section', (site) => site.sections, (article) => [article.sectionTerm.slug]],
  ['tag', (site) => site.tags, (article) => article.tagTerms.map((term) => term.slug)],
  ['author', (site) => site.authors, (article) => article.authorTerms.map((term) => term.slug)],
];

/** Paginated listings per section, tag, author and date, and an index per taxonomy. */
export function createListingPages(site: SiteSoFar, options: SiteOptions): (ListPage | TermsPage)[] {
  const pages: (ListPage | TermsPage)[] = [];
  for (const [taxonomy, termsOf, keysOf] of LISTED_TAXONOMIES) {
    const groups = groupBy(site.articles, keysOf);
    const terms = termsOf(site);
    // Appended one by one, never spread into push: a listing of a large archive has more pages than a call takes arguments.
    for (const term of terms)
      for (const page of createTermListing(site, term, groups.get(term.slug) ?? [], options)) pages.push(page);
    pages.push(createTermsPage(taxonomy, terms));
  }
  for (const page of createArchivePages(site.articles, options.perPage)) pages.push(page);
  return pages;
}

/** One term's listing pages (front page, then archive pages from `from`, see `paginate`) from its articles, newest first. */
export function createTermListing(
  site: Pick<SiteSoFar, 'profiles'>,
  term: Term,
  listed: readonly SiteArticle[],
  options: SiteOptions,
  from = 1,
): ListPage[] {
  const { taxonomy } = term;
  const author = taxonomy === 'author' ? site.profiles.get(term.slug) : undefined;
  // A section's front page is led by its newest featured article, shown once.
  const lead = taxonomy === 'section' ? findFeatured(listed, options.now.getTime()) : undefined;
  return paginate(listed, options.perPage, term.url, from).map(({ items, pagination, after, newest }) => {
    const front = pagination.number === 0 && lead !== undefined;
    return {
      kind: 'list',
      url: pagination.url,
      taxonomy,
      term,
      period: undefined,
      author,
      lead: front ? lead : undefined,
      articles: front ? items.filter((article) => article !== lead) : items,
      pagination,
      after,
      newest,
    };
  });
}

/** A taxonomy's index of terms: sections in navigation order, tags and authors by how many articles they have. */
export function createTermsPage(taxonomy: Taxonomy, terms: readonly Term[]): TermsPage {
  const indexTerms = taxonomy === 'section' ? [...terms] : [...terms].sort(compareTermsByCount);
  return { kind: 'terms', url: TERMS_INDEX_URLS[taxonomy], taxonomy, terms: indexTerms };
}

/** Groups items under each of their keys, keeping the input order inside each group. */
function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

export type { Page };
