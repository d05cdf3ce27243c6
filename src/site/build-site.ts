import type { Article } from '../content/article.js';
import type { AuthorProfile } from '../content/author-profile.js';
import { copyArticle } from '../content/copy-article.js';
import type { PageContent } from '../content/standalone-page.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { SEARCH_PAGE_URL } from '../url/reserved-folders.js';
import { createNameKeyer, createSlugger } from '../url/slug.js';
import { checkCollisions, type UrlClaim } from './check-collisions.js';
import { checkDuplicateIds } from './check-duplicate-ids.js';
import { checkPageUrls } from './check-page-urls.js';
import { checkProfileAuthors } from './check-profile-authors.js';
import { checkStaticCollisions, type StaticFiles } from './check-static-collisions.js';
import { checkSiteTermNames } from './check-term-names.js';
import { indexTerms, type TermIndex } from './collect-terms.js';
import { sortNewestFirst } from './compare.js';
import { createArticlePages, createHomePages, createListingPages } from './create-pages.js';
import { createStandalonePages } from './create-standalone-pages.js';
import {
  describeFixedOutput,
  describeGeneratedFile,
  describeStaticFile,
  listFeedFiles,
  listFixedFiles,
} from './generated-files.js';
import { checkHostRedirectCharacters, checkHostRedirects } from './host-redirect-rules.js';
import { compilePermalink } from './permalink.js';
import { checkReadAlsoLinks } from './read-also.js';
import { resolveSiteMenus } from './resolve-menus.js';
import { resolveRedirects } from './resolve-redirects.js';
import { selectPublished } from './select-published.js';
import type { Page, Redirect, Site, SiteArticle, SiteIndexes, SiteOptions, Taxonomy, Term } from './site.js';

/**
 * The `model` stage: selects the published articles and standalone pages,
 * resolves their terms and URLs, lays out every page of the site and
 * resolves the menus. Pure. URL collisions (naming both files), menu entries
 * that point at nothing, `::related` links to no published article and
 * redirects over a page or a file (generated, or one of `staticFiles`), and
 * static files where the build writes a page or a file, are returned as
 * diagnostics.
 */
export function buildSite(
  articles: readonly Article[],
  profiles: ReadonlyMap<string, AuthorProfile>,
  options: SiteOptions,
  displayPathOf: (item: { readonly sourcePath: string }) => string,
  standalone: readonly PageContent[] = [],
  staticFiles?: StaticFiles,
): { site: Site; diagnostics: Diagnostic[]; indexes: { section: TermIndex; tag: TermIndex; author: TermIndex } } {
  const published = sortNewestFirst(selectPublished(articles, options));
  const sectionNames = new Map(options.sections.map((section) => [section.slug, section.name]));
  const slugOf = createSlugger();
  const keyOf = createNameKeyer();
  // Oldest first: of two names with one slug, the one used first keeps it (see `indexTerms`).
  const inOrderOfUse = [...published].reverse();
  const sections = indexTerms(
    'section',
    inOrderOfUse.map((article) => article.section),
    sectionNames,
    slugOf,
  );
  const tags = indexTerms('tag', inOrderOfUse.flatMap(distinctNames('tags', keyOf)), new Map(), slugOf);
  const authors = indexTerms(
    'author',
    inOrderOfUse.flatMap(distinctNames('authors', keyOf)),
    new Map([...profiles].map(([slug, profile]) => [slug, profile.name])),
    slugOf,
  );
  const permalinkOf = compilePermalink(options.permalink);
  const placed = published.map((article) =>
    placeArticle(article, permalinkOf, { section: sections, tag: tags, author: authors }),
  );
  const orderedSections = orderSections(
    sections.terms,
    options.sections.map((section) => section.slug),
  );
  const pagesOfContent = createStandalonePages(standalone, options);
  const menus = resolveSiteMenus(options.menus, pagesOfContent, orderedSections);
  const site: Omit<Site, 'pages' | 'redirects'> = {
    articles: placed,
    sections: orderedSections,
    tags: [...tags.terms.values()],
    authors: [...authors.terms.values()],
    profiles,
    menus: menus.menus,
  };
  const pages: Page[] = [
    ...createHomePages(site, options),
    ...createArticlePages(site, options),
    ...createListingPages(site, options),
    ...pagesOfContent,
    ...createFixedPages(options),
  ];
  const sectionSlugs = [...sections.terms.keys(), ...options.sections.map((section) => section.slug)];
  const pageUrls = checkPageUrls(pages, sectionSlugs, displayPathOf);
  const claimOfPage = claimOf(displayPathOf);
  const { describeGenerated, describeWritten } = describeSiteFiles(site, options);
  const redirects = resolveRedirects({
    pages,
    // Only files with aliases ask for redirects: most articles have none, and need no display path here.
    owners: [...placed, ...pagesOfContent.map((page) => page.entry)]
      .filter((item) => item.aliases.length > 0)
      .map((item) => ({ url: item.url, aliases: item.aliases, file: displayPathOf(item) })),
    config: options.redirects,
    baseUrls: options.publicBaseUrl === options.baseUrl ? [options.baseUrl] : [options.baseUrl, options.publicBaseUrl],
    describePage: (page) => claimOfPage(page).file,
    describeFile: (path) =>
      describeGenerated(path) ?? (staticFiles && describeStaticFile(path, staticFiles.paths, staticFiles.shown)),
  });
  return {
    site: { ...site, pages, redirects: redirects.redirects },
    indexes: { section: sections, tag: tags, author: authors },
    diagnostics: [
      ...checkDuplicateIds(articles, displayPathOf),
      ...checkProfileAuthors(profiles, articles, displayPathOf),
      ...pageUrls.diagnostics,
      // A page at a reserved address is reported once, as that.
      ...checkCollisions(pageUrls.kept, claimOfPage),
      ...checkReadAlsoLinks(published, articles, displayPathOf),
      ...checkSiteTermNames({ section: sections, tag: tags, author: authors }, published, displayPathOf),
      ...menus.diagnostics,
      ...redirects.diagnostics,
      ...(staticFiles
        ? checkStaticFiles(staticFiles, {
            pages,
            redirects: redirects.redirects,
            baseUrl: options.baseUrl,
            describeWritten,
            describePage: (page) => claimOfPage(page).file,
          })
        : []),
    ],
  };
}

/**
 * What the static folder holds against what the build writes: files where
 * it writes its own (see `checkStaticCollisions`), and rules of its
 * `_redirects` that hide the site's redirects (see `checkHostRedirects`).
 */
function checkStaticFiles(
  staticFiles: StaticFiles,
  site: Pick<Parameters<typeof checkStaticCollisions>[0], 'pages' | 'describeWritten' | 'describePage'> & {
    readonly redirects: readonly Redirect[];
    readonly baseUrl: string;
  },
): Diagnostic[] {
  const { redirects, baseUrl, ...written } = site;
  const text = staticFiles.hostRedirects;
  return [
    ...checkStaticCollisions({ ...written, staticFiles }),
    ...(text === undefined ? [] : checkHostRedirectCharacters(text, staticFiles.shown('_redirects'))),
    ...(text === undefined
      ? []
      : checkHostRedirects({ text, file: staticFiles.shown('_redirects'), redirects, baseUrl })),
  ];
}

/**
 * What the site writes besides pages, by site path (`describeGeneratedFile`,
 * for redirects) and by output path (`describeFixedOutput`, for static
 * files). The feeds are listed only when something asks: most sites'
 * articles have no aliases.
 */
function describeSiteFiles(site: Pick<Site, 'sections' | 'tags' | 'authors'>, options: SiteOptions) {
  let feedFiles: Set<string> | undefined;
  const fixedFiles = listFixedFiles(options);
  const feedsOf = () => (feedFiles ??= new Set(listFeedFiles(site, options.feeds)));
  return {
    describeGenerated: (path: string) => describeGeneratedFile(path, feedsOf(), fixedFiles),
    describeWritten: (path: string) => describeFixedOutput(path, feedsOf(), fixedFiles),
  };
}

/** Who claims a page's URL: its content file, or a description of a generated page. */
function claimOf(displayPathOf: (item: { readonly sourcePath: string }) => string): (page: Page) => UrlClaim {
  return (page) => {
    if (page.kind === 'article')
      return { url: page.url, file: displayPathOf(page.article), place: page.article.slugPlace };
    if (page.kind === 'page') return { url: page.url, file: displayPathOf(page.entry), place: page.entry.slugPlace };
    const term = 'term' in page && page.term ? ` for "${page.term.name}"` : '';
    return { url: page.url, file: `(generated ${page.kind} page${term})`, place: undefined };
  };
}

/**
 * An article's tags or authors with spellings of one name given once
 * (`[Ekonomi, ekonomi]`), so a term counts each article once.
 */
export function distinctNames(
  field: 'tags' | 'authors',
  keyOf: (name: string) => string,
): (article: Article) => readonly string[] {
  // One list of keys for every call: an article's few names are checked without a set made for each.
  const keys: string[] = [];
  return (article) => {
    const names = article[field];
    keys.length = 0;
    for (const name of names) {
      const key = keyOf(name);
      if (keys.includes(key)) return names.filter((_, index) => firstOfKey(names, index, keyOf));
      keys.push(key);
    }
    // Most articles name each term once: their list is given back as it is.
    return names;
  };
}

/** Whether no name before `index` has the key of the name at `index`. */
function firstOfKey(names: readonly string[], index: number, keyOf: (name: string) => string): boolean {
  const key = keyOf(names[index] as string);
  for (let before = 0; before < index; before++) if (keyOf(names[before] as string) === key) return false;
  return true;
}

/** An article placed in the site: its URL and its terms, found in the indexes. */
export function placeArticle(
  article: Article,
  permalinkOf: (article: Article, sectionSlug: string) => string,
  { section: sections, tag: tags, author: authors }: SiteIndexes,
): SiteArticle {
  const sectionTerm = sections.find(article.section);
  if (!sectionTerm) throw new Error(`Internal: no term for section "${article.section}"`);
  // Four fields assigned onto a copy with every field written out (see copyArticle): one hidden
  // class for every article of the site, made in a fraction of a spread's time. Object.assign
  // onto `{}` gave dictionary-mode objects, slow to read in every later stage.
  return Object.assign(copyArticle(article, article), {
    url: permalinkOf(article, sectionTerm.slug),
    sectionTerm,
    tagTerms: findDistinct(tags, article.tags),
    authorTerms: findDistinct(authors, article.authors),
  });
}

/** The terms of some names, each once, in the order first named: an article never lists a term twice. */
function findDistinct(index: SiteIndexes[Taxonomy], names: readonly string[]): Term[] {
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

/** The pages every site has whatever its content: the 404 page, and the search page with `search: true`. */
function createFixedPages(options: Pick<SiteOptions, 'search'>): Page[] {
  return [
    { kind: 'not-found', url: '/404.html' },
    ...(options.search ? [{ kind: 'search' as const, url: SEARCH_PAGE_URL }] : []),
  ];
}
