import type { Article } from '../content/article.js';
import type { AuthorProfile } from '../content/author-profile.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createSlugger } from '../url/slug.js';
import { checkCollisions, type UrlClaim } from './check-collisions.js';
import { collectTerms } from './collect-terms.js';
import { compareNewestFirst } from './compare.js';
import { createArticlePages, createHomePages, createListingPages } from './create-pages.js';
import { createPermalink } from './permalink.js';
import { selectPublished } from './select-published.js';
import type { Site, SiteArticle, SiteOptions, Term } from './site.js';

/** Site settings the model depends on. */
/**
 * The `model` stage: selects the published articles, resolves their terms
 * and URLs, and lays out every page of the site. Pure. URL collisions are
 * returned as diagnostics naming both files.
 */
export function buildSite(
  articles: readonly Article[],
  profiles: ReadonlyMap<string, AuthorProfile>,
  options: SiteOptions,
  displayPathOf: (article: Article) => string,
): { site: Site; diagnostics: Diagnostic[] } {
  const published = selectPublished(articles, options).sort(compareNewestFirst);
  const sectionNames = new Map(options.sections.map((section) => [section.slug, section.name]));
  const slugOf = createSlugger();
  const sections = collectTerms(
    'section',
    published.map((article) => article.section),
    sectionNames,
    slugOf,
  );
  const tags = collectTerms(
    'tag',
    published.flatMap((article) => article.tags),
    new Map(),
    slugOf,
  );
  const authors = collectTerms(
    'author',
    published.flatMap((article) => article.authors),
    new Map([...profiles].map(([slug, profile]) => [slug, profile.name])),
    slugOf,
  );
  const placed = published.map((article) =>
    placeArticle(article, options.permalink, { sections, tags, authors, slugOf }),
  );
  const orderedSections = orderSections(
    sections,
    options.sections.map((section) => section.slug),
  );
  const site: Omit<Site, 'pages'> = {
    articles: placed,
    sections: orderedSections,
    tags: [...tags.values()],
    authors: [...authors.values()],
    profiles,
  };
  const pages = [
    ...createHomePages(site, options),
    ...createArticlePages(site, options),
    ...createListingPages(site, options),
    { kind: 'not-found' as const, url: '/404.html' },
  ];
  const claims: UrlClaim[] = pages.map((page) =>
    page.kind === 'article'
      ? { url: page.url, file: displayPathOf(page.article), place: page.article.slugPlace }
      : {
          url: page.url,
          file: `(generated ${page.kind} page${'term' in page && page.term ? ` for "${page.term.name}"` : ''})`,
          place: undefined,
        },
  );
  return { site: { ...site, pages }, diagnostics: checkCollisions(claims) };
}

interface TermIndex {
  readonly sections: Map<string, Term>;
  readonly tags: Map<string, Term>;
  readonly authors: Map<string, Term>;
  readonly slugOf: (name: string) => string;
}

function placeArticle(
  article: Article,
  permalink: string,
  { sections, tags, authors, slugOf }: TermIndex,
): SiteArticle {
  const find = (terms: Map<string, Term>, name: string) => terms.get(slugOf(name));
  const sectionTerm = find(sections, article.section);
  if (!sectionTerm) throw new Error(`Internal: no term for section "${article.section}"`);
  const only = (list: (Term | undefined)[]): Term[] => list.filter((term): term is Term => term !== undefined);
  // Object.assign, not a spread: V8 copies an object of twenty-odd fields much
  // more slowly through a spread, and this runs once per article of the site.
  return Object.assign({}, article, {
    url: createPermalink(permalink, article, sectionTerm.slug),
    sectionTerm,
    tagTerms: only(article.tags.map((tag) => find(tags, tag))),
    authorTerms: only(article.authors.map((author) => find(authors, author))),
  });
}

/** Configured sections first in their order, then the rest by name. */
function orderSections(sections: Map<string, Term>, order: readonly string[]): Term[] {
  const rank = (term: Term) => {
    const index = order.indexOf(term.slug);
    return index === -1 ? order.length : index;
  };
  return [...sections.values()].sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
