import type { Article } from '../content/article.js';
import type { AuthorProfile } from '../content/author-profile.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createNameKey, createSlugger } from '../url/slug.js';
import { checkCollisions, type UrlClaim } from './check-collisions.js';
import { checkDuplicateIds } from './check-duplicate-ids.js';
import { checkTermNames } from './check-term-names.js';
import { indexTerms, type TermIndex } from './collect-terms.js';
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
  const sections = indexTerms(
    'section',
    published.map((article) => article.section),
    sectionNames,
    slugOf,
  );
  const tags = indexTerms('tag', published.flatMap(distinctNames('tags')), new Map(), slugOf);
  const authors = indexTerms(
    'author',
    published.flatMap(distinctNames('authors')),
    new Map([...profiles].map(([slug, profile]) => [slug, profile.name])),
    slugOf,
  );
  const placed = published.map((article) => placeArticle(article, options.permalink, { sections, tags, authors }));
  const orderedSections = orderSections(
    sections.terms,
    options.sections.map((section) => section.slug),
  );
  const site: Omit<Site, 'pages'> = {
    articles: placed,
    sections: orderedSections,
    tags: [...tags.terms.values()],
    authors: [...authors.terms.values()],
    profiles,
  };
  const nameWarnings = [
    ...checkTermNames('section', sections, published, displayPathOf),
    ...checkTermNames('tag', tags, published, displayPathOf),
    ...checkTermNames('author', authors, published, displayPathOf),
  ];
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
  return {
    site: { ...site, pages },
    diagnostics: [...checkDuplicateIds(articles, displayPathOf), ...checkCollisions(claims), ...nameWarnings],
  };
}

/**
 * An article's tags or authors with spellings of one name given once
 * (`[Ekonomi, ekonomi]`), so a term counts each article once.
 */
function distinctNames(field: 'tags' | 'authors'): (article: Article) => string[] {
  return (article) => {
    const seen = new Set<string>();
    return article[field].filter((name) => {
      const key = createNameKey(name);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
}

function placeArticle(
  article: Article,
  permalink: string,
  { sections, tags, authors }: { sections: TermIndex; tags: TermIndex; authors: TermIndex },
): SiteArticle {
  const sectionTerm = sections.find(article.section);
  if (!sectionTerm) throw new Error(`Internal: no term for section "${article.section}"`);
  // Object.assign, not a spread: V8 copies an object of twenty-odd fields much
  // more slowly through a spread, and this runs once per article of the site.
  return Object.assign({}, article, {
    url: createPermalink(permalink, article, sectionTerm.slug),
    sectionTerm,
    tagTerms: findDistinct(tags, article.tags),
    authorTerms: findDistinct(authors, article.authors),
  });
}

/** The terms of some names, each once, in the order first named: an article never lists a term twice. */
function findDistinct(index: TermIndex, names: readonly string[]): Term[] {
  const terms: Term[] = [];
  for (const name of names) {
    const term = index.find(name);
    if (term && !terms.includes(term)) terms.push(term);
  }
  return terms;
}

/** Configured sections first in their order, then the rest by name. */
function orderSections(sections: Map<string, Term>, order: readonly string[]): Term[] {
  const rank = (term: Term) => {
    const index = order.indexOf(term.slug);
    return index === -1 ? order.length : index;
  };
  return [...sections.values()].sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
