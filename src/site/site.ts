import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Article } from '../content/article.js';
import type { AuthorProfile } from '../content/author-profile.js';
import type { PageContent } from '../content/standalone-page.js';

/** The taxonomies a site groups articles by. */
export type Taxonomy = 'section' | 'tag' | 'author';

/** One section, tag or author: the slug is its identity, the name its most common spelling. */
export interface Term {
  readonly taxonomy: Taxonomy;
  readonly slug: string;
  readonly name: string;
  /** URL path of the term's first listing page, without the base path. */
  readonly url: string;
  /** Number of published articles with this term. */
  readonly count: number;
}

/**
 * Each taxonomy's terms by the names articles spell them (see `indexTerms`):
 * what places an article in a site; and the terms given a numbered slug,
 * which the site warns about.
 */
export type SiteIndexes = Readonly<
  Record<
    Taxonomy,
    {
      find(name: string): Term | undefined;
      readonly renamed: readonly { readonly term: Term; readonly takenBy: Term }[];
    }
  >
>;

/** A published article placed in the site: URL and resolved terms. */
export interface SiteArticle extends Article {
  /** URL path without the base path, e.g. `/ekonomi/harga-cabai/`. */
  readonly url: string;
  readonly sectionTerm: Term;
  readonly tagTerms: readonly Term[];
  readonly authorTerms: readonly Term[];
}

/**
 * Where a listing page sits: the listing's front page (`number` 0, its newest
 * articles) or an archive page numbered from the oldest (`number` 1 holds the
 * oldest articles). Every link goes to a page that keeps existing when newer
 * articles arrive, so publishing never changes an older archive page.
 */
export interface Pagination {
  readonly number: number;
  /** URL path of this page. */
  readonly url: string;
  /** URL path of the listing's front page. */
  readonly frontUrl: string;
  /** The next page with newer articles (the front page after the newest archive page); none on the front page. */
  readonly newer: string | undefined;
  /** The next page with older articles. */
  readonly older: string | undefined;
  /** Archive pages numbered in the navigation, newest first (the current one included). */
  readonly numbered: readonly { readonly number: number; readonly url: string }[];
  /** The oldest archive page, when `numbered` does not reach it. */
  readonly oldest: string | undefined;
}

interface BasePage {
  /** URL path without the base path (`/`, `/tag/x/page/2/`, `/404.html`). */
  readonly url: string;
}

export interface ArticlePage extends BasePage {
  readonly kind: 'article';
  readonly article: SiteArticle;
  readonly related: readonly SiteArticle[];
  readonly otherNews: readonly SiteArticle[];
  /** The articles the body links with `::related`, one per slug (see `findReadAlso`); unknown slugs left out. */
  readonly readAlso: readonly SiteArticle[];
}

export interface HomePage extends BasePage {
  readonly kind: 'home';
  /** The lead story: the newest featured article (`featured: true`), else the newest article. */
  readonly headline: SiteArticle | undefined;
  readonly sections: readonly { readonly term: Term; readonly articles: readonly SiteArticle[] }[];
  readonly articles: readonly SiteArticle[];
  readonly pagination: Pagination;
  /** On an archive page that is not the newest: the oldest article of the next newer one (see `paginate`). */
  readonly after: SiteArticle | undefined;
  /** The newest article of the whole listing, on its front page and newest archive page. */
  readonly newest: SiteArticle | undefined;
}

export interface ListPage extends BasePage {
  readonly kind: 'list';
  readonly taxonomy: Taxonomy | 'archive';
  readonly term: Term | undefined;
  /** Archive label (`2016`, `2016-09`) for date archives. */
  readonly period: { readonly year: number; readonly month: number | undefined } | undefined;
  readonly author: AuthorProfile | undefined;
  /** On a section's front page, the newest featured article of the section (left out of `articles`). */
  readonly lead: SiteArticle | undefined;
  readonly articles: readonly SiteArticle[];
  readonly pagination: Pagination;
  /** On an archive page that is not the newest: the oldest article of the next newer one (see `paginate`). */
  readonly after: SiteArticle | undefined;
  /** The newest article of the whole listing, on its front page and newest archive page. */
  readonly newest: SiteArticle | undefined;
}

export interface TermsPage extends BasePage {
  readonly kind: 'terms';
  readonly taxonomy: Taxonomy;
  readonly terms: readonly Term[];
}

export interface NotFoundPage extends BasePage {
  readonly kind: 'not-found';
}

/** A page above another in the URL tree, for breadcrumbs. */
export interface PageTrail {
  readonly title: string;
  readonly url: string;
}

/** A standalone page (`content/pages/…`): About, Contact, the editorial board. */
export interface StandalonePage extends BasePage {
  readonly kind: 'page';
  readonly entry: PageContent;
  /** The site's pages above this one (`/tentang/` above `/tentang/kontak/`), outermost first. */
  readonly parents: readonly PageTrail[];
}

/** Every page of the site; `kind` says which template renders it. */
/** The search page (`/search/`, with `search: true`): the site's search index, read in the reader's browser. */
export interface SearchPage extends BasePage {
  readonly kind: 'search';
}

export type Page = ArticlePage | HomePage | ListPage | TermsPage | NotFoundPage | StandalonePage | SearchPage;

/** The whole site model: the output of the `model` stage. */
export interface Site {
  /** Published articles, newest first (date, then id). */
  readonly articles: readonly SiteArticle[];
  readonly sections: readonly Term[];
  readonly tags: readonly Term[];
  readonly authors: readonly Term[];
  readonly profiles: ReadonlyMap<string, AuthorProfile>;
  readonly pages: readonly Page[];
  /** The main and footer menus, resolved to URLs. */
  readonly menus: SiteMenus;
  /** Old addresses and where they lead (aliases and configured redirects), exact ones first. */
  readonly redirects: readonly Redirect[];
}

/** An old address of the site and where it leads now (see `resolveRedirects`). */
export interface Redirect {
  /** A site path without the base path (`/lama/banjir/`); ends in `*` for a whole folder. */
  readonly from: string;
  /** A site path without the base path (ends in `*` when `from` does), or an absolute URL. */
  readonly to: string;
  readonly wildcard: boolean;
}

/** The config the `model` stage reads. */
export type SiteOptions = Pick<
  ResolvedConfig,
  | 'permalink'
  | 'perPage'
  | 'sections'
  | 'related'
  | 'otherNewsCount'
  | 'now'
  | 'drafts'
  | 'future'
  | 'menus'
  | 'redirects'
  | 'baseUrl'
  | 'publicBaseUrl'
  | 'feeds'
  | 'nginxRedirects'
  | 'search'
>;

/** A menu entry resolved to where it goes. */
export interface MenuItem {
  readonly title: string;
  /** A URL path of the site without the base path (`/redaksi/`), or an absolute URL elsewhere. */
  readonly url: string;
  /** True for a URL outside the site (http(s) or mailto). */
  readonly external: boolean;
  readonly children: readonly MenuItem[];
}

/** The site's menus. `main` is undefined when neither the config nor a page defines one: the header lists the sections. */
export interface SiteMenus {
  readonly main: readonly MenuItem[] | undefined;
  readonly footer: readonly MenuItem[];
}
