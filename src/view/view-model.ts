/**
 * The data every template receives. This is the contract between the site model
 * and the theme: templates see only these fields. All URLs are ready to print:
 * `url` fields are root-relative and include the site's base path
 * (`/warta/ekonomi/x/`), `absoluteUrl`/`canonical` fields are absolute.
 * Strings are raw text (Handlebars escapes them); fields named `html` are
 * sanitised HTML for triple-stash `{{{ }}}`.
 */

import type { LiveBlogView } from './live-blog-model.js';
import type { DateView, LinkView, SiteView } from './site-view-model.js';

export type { DateView, FeedLinkView, LinkView, MenuItemView, SiteView } from './site-view-model.js';

/**
 * A section, tag or author term. Its article count is not part of it: the
 * count changes with every publish, and only the term indexes show it.
 */
export interface TermView {
  readonly name: string;
  readonly slug: string;
  readonly url: string;
}

/** A term on a term index page, with its count. */
export interface TermCountView extends TermView {
  /** Number of published articles with this term. */
  readonly count: number;
}

export interface ImageView {
  /** URL ready for `src` (base path applied to site-relative paths). */
  readonly src: string;
  readonly absoluteUrl: string;
  readonly alt: string;
  readonly caption: string | undefined;
  readonly credit: string | undefined;
  readonly width: number | undefined;
  readonly height: number | undefined;
  /** The `<img>`'s `srcset` when the image pipeline made renditions (`a.jpg 320w, b.jpg 640w`). */
  readonly srcset?: string | undefined;
  /** The `sizes` of the slot the image is shown in. */
  readonly sizes?: string | undefined;
  /** `<source>` elements of a `<picture>`, best format first (AVIF, WebP); empty or absent: a plain `<img>`. */
  readonly sources?: readonly { readonly type: string; readonly srcset: string }[];
  /** For an article's lead image: the crops for JSON-LD (16:9, 4:3, 1:1) and Open Graph (1200 × 630), absolute. */
  readonly share?: ShareImagesView | undefined;
}

/** An image file at an absolute URL with its size. */
export interface SizedImageView {
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

/** The share crops of a lead image. */
export interface ShareImagesView {
  readonly structured: readonly SizedImageView[];
  readonly openGraph: SizedImageView;
}

/** An article as shown in lists (home, section, related, other news). */
export interface ArticleCardView {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly excerpt: string;
  readonly date: DateView;
  readonly image: ImageView | undefined;
  readonly section: TermView;
  readonly authors: readonly TermView[];
  /** What the article is (`kind:`): `news`, `opinion`, `analysis`, `review`, `background` or `sponsored`. */
  readonly kind: string;
  /** The label readers see for a kind other than news ("Opini", "Advertorial"); absent for news. */
  readonly kindLabel: string | undefined;
  /** Who paid for a sponsored article (`sponsor:`). */
  readonly sponsor: string | undefined;
  /** A live blog whose coverage runs at the build's clock (not past `liveUntil`): cards show the live marker. */
  readonly liveNow: boolean;
  /** The article's `params:` from its front matter, as written (an empty object when none). */
  readonly params: Readonly<Record<string, unknown>>;
}

export interface CorrectionView {
  readonly date: DateView;
  readonly text: string;
}

/** A full article on its own page. */
export interface ArticleView extends ArticleCardView, LiveBlogView {
  /** Sanitised body HTML (the dateline, if any, is already inside the first paragraph). */
  readonly html: string;
  /**
   * The video facade shown in the lead image's place when the body opens with
   * one whose poster is the lead image (it is then left out of `html`).
   */
  readonly leadHtml?: string | undefined;
  /** The summary from the front matter, shown under the headline (the excerpt is not: it repeats the body). */
  readonly summary: string | undefined;
  readonly dateline: string | undefined;
  readonly editor: string | undefined;
  readonly tags: readonly TermView[];
  readonly updated: DateView | undefined;
  readonly corrections: readonly CorrectionView[];
  readonly draft: boolean;
  /** A live preview shows the article before its date (see `ResolvedConfig.preview`): its page says when it appears. */
  readonly scheduled: boolean;
  /** The body holds embed components (video facades, social posts): the page loads the theme's embed script. */
  readonly hasEmbeds: boolean;
}

/** One slot of a listing's page navigation: a link to a page, or a gap where pages are left out. */
export type PaginationLinkView =
  | {
      readonly number: number;
      /** The number as readers read it, in the locale's digits (`٢` in `ar-EG`); the URL keeps `/page/2/`. */
      readonly label: string;
      readonly url: string;
      readonly current: boolean;
      readonly gap: false;
    }
  | { readonly gap: true };

/**
 * A listing page's navigation. Listings have a front page (`current` 0, the
 * newest articles) and archive pages numbered from the oldest (`current` 1
 * holds the oldest), which never change as newer articles arrive.
 */
export interface PaginationView {
  readonly current: number;
  /** The page with newer articles (`rel="prev"`); none on the front page. */
  readonly prev: string | undefined;
  /** The page with older articles (`rel="next"`). */
  readonly next: string | undefined;
  /** The front page, on archive pages whose `prev` is not already the front page. */
  readonly newest: string | undefined;
  /**
   * Archive pages linked, newest first: the next newer, the current one and
   * two older, a gap, and the oldest. Empty when fewer than two pages would
   * be numbered (one number would only repeat `prev` or `next`, or be the
   * current page alone).
   */
  readonly pages: readonly PaginationLinkView[];
}

export interface AuthorProfileView {
  readonly name: string;
  readonly role: string | undefined;
  /** Sanitised bio HTML. */
  readonly bioHtml: string | undefined;
  readonly avatar: ImageView | undefined;
  readonly links: readonly LinkView[];
}

/** Page metadata for the head. */
export interface PageMetaView {
  readonly title: string;
  readonly description: string;
  readonly url: string;
  /**
   * The page's absolute URL for `<link rel="canonical">`; empty on the 404
   * page, which is served at every missing address and is the canonical
   * version of none of them.
   */
  readonly canonical: string;
  readonly breadcrumbs: readonly LinkView[];
  /** Extra head HTML (Open Graph, JSON-LD) already escaped/serialised by newsgen. */
  readonly headHtml: string;
  readonly robots: string | undefined;
}

interface BaseView {
  readonly site: SiteView;
  readonly page: PageMetaView;
  /** The site's data files: `data/kontak.yaml` is `data.kontak` (`data.[nama-berkas]` for names with a hyphen). */
  readonly data: Readonly<Record<string, unknown>>;
}

export interface ArticlePageView extends BaseView {
  readonly kind: 'article';
  readonly article: ArticleView;
  readonly related: readonly ArticleCardView[];
  /** Other news published before this article (never after: the page must not change when newer ones appear). */
  readonly otherNews: readonly ArticleCardView[];
  /**
   * How many other-news headlines the site shows (config `otherNews`; 0: no
   * box). The box is there even when `otherNews` is empty (the site's oldest
   * articles): the theme's script fills it with the newest headlines.
   */
  readonly otherNewsCount: number;
}

/** A section's block on the home page: its newest story as a card, the next ones as headlines. */
export interface SectionBlockView {
  readonly section: TermView;
  readonly lead: ArticleCardView;
  readonly headlines: readonly ArticleCardView[];
}

/**
 * The home page. The front page (pagination number 0) has the lead story,
 * the secondary leads under it, the latest headlines with their times, and a
 * block per section; archive pages hold their slice of articles in `articles`.
 */
export interface HomePageView extends BaseView {
  readonly kind: 'home';
  /** Front page: the lead story (the newest). */
  readonly lead: ArticleCardView | undefined;
  /** Front page: the stories right under the lead (up to three). */
  readonly secondary: readonly ArticleCardView[];
  /** Front page: the rest of the newest stories, as headlines with times. */
  readonly latest: readonly ArticleCardView[];
  /** Front page: a block per section in navigation order, with stories not shown above. */
  readonly sections: readonly SectionBlockView[];
  /** Archive pages: their articles, newest first; empty on the front page. */
  readonly articles: readonly ArticleCardView[];
  readonly pagination: PaginationView;
}

/** A listing: one section, tag, author or date archive, one page of it. */
export interface ListPageView extends BaseView {
  readonly kind: 'list';
  readonly taxonomy: 'section' | 'tag' | 'author' | 'archive';
  readonly heading: string;
  readonly term: TermView | undefined;
  readonly author: AuthorProfileView | undefined;
  /** A section's front page: the article editors featured (`featured: true`), else its newest, shown large above the list. */
  readonly lead: ArticleCardView | undefined;
  /** The listing's articles (after the lead, when there is one). */
  readonly articles: readonly ArticleCardView[];
  readonly pagination: PaginationView;
}

/** An index of every term of a taxonomy, with counts. */
export interface TermsPageView extends BaseView {
  readonly kind: 'terms';
  readonly taxonomy: 'section' | 'tag' | 'author';
  readonly heading: string;
  readonly terms: readonly TermCountView[];
}

export interface NotFoundPageView extends BaseView {
  readonly kind: 'not-found';
}

/** The search page (`search: true`): Pagefind's search box and results, and a plain form for readers without JavaScript. */
export interface SearchPageView extends BaseView {
  readonly kind: 'search';
  /** The search index's folder (`/pagefind/`, with the base path, where Pagefind's scripts are) and the host the plain form's web search is limited to. */
  readonly search: { readonly bundleUrl: string; readonly host: string };
}

/** A standalone page's own content (`content/pages/…`). */
export interface PageEntryView {
  readonly title: string;
  /** A standfirst for under the title. */
  readonly summary: string | undefined;
  /** Sanitised body HTML. */
  readonly html: string;
  readonly image: ImageView | undefined;
  readonly updated: DateView | undefined;
  readonly draft: boolean;
  /** The page's `params:` from its front matter, as written. */
  readonly params: Readonly<Record<string, unknown>>;
}

/** A standalone page, rendered with the template its `layout` names (`page.hbs` by default). */
export interface StandalonePageView extends BaseView {
  readonly kind: 'page';
  /** The template's name. */
  readonly layout: string;
  readonly entry: PageEntryView;
}

/** What a page template receives; `kind` (and for pages `layout`) picks the template. */
export type PageView =
  | ArticlePageView
  | HomePageView
  | ListPageView
  | TermsPageView
  | NotFoundPageView
  | StandalonePageView
  | SearchPageView;
