import type {
  ArticlePageView,
  HomePageView,
  ListPageView,
  PageView,
  StandalonePageView,
  TermsPageView,
} from './view-model.js';

/** A schema.org node as plain JSON. */
export type JsonLd = Readonly<Record<string, unknown>>;

/** An absolute image with its size when known. */
export interface JsonLdImage {
  readonly url: string;
  readonly width: number | undefined;
  readonly height: number | undefined;
}

/** What structured data needs beyond the page's view. */
export interface JsonLdInputs {
  /** The publisher's logo, absolute. */
  readonly logo: JsonLdImage | undefined;
  /** Makes a root-relative href absolute (made once per build: see `createAbsolutizer`). */
  readonly absolute: (href: string) => string;
}

/** Makes a root-relative href absolute. */
type Absolute = JsonLdInputs['absolute'];

const CONTEXT = 'https://schema.org';

/**
 * The structured data of a page: `NewsArticle` and `BreadcrumbList` on
 * articles, `WebSite` on the home page, `ProfilePage` on author pages,
 * `CollectionPage` on other listings, `WebPage` and `BreadcrumbList` on
 * standalone pages; nothing on the 404 page.
 */
export function createJsonLd(view: PageView, { logo, absolute }: JsonLdInputs): JsonLd[] {
  switch (view.kind) {
    case 'article':
      return [createNewsArticle(view, logo, absolute), createBreadcrumbList(view, absolute)];
    case 'home':
      return [createWebSite(view, logo, absolute)];
    case 'list':
      return [view.taxonomy === 'author' ? createProfilePage(view, absolute) : createCollectionPage(view, absolute)];
    case 'terms':
      return [createCollectionPage(view, absolute)];
    case 'not-found':
    case 'search':
      return [];
    case 'page':
      return [createWebPage(view, absolute), createBreadcrumbList(view, absolute)];
  }
}

/** `WebPage` for a standalone page (About, Contact…): not news, so no `NewsArticle`. */
function createWebPage(view: StandalonePageView, abs: Absolute): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebPage',
    name: view.entry.title,
    url: view.page.canonical,
    ...(view.page.description ? { description: view.page.description } : {}),
    ...(view.entry.image ? { image: view.entry.image.absoluteUrl } : {}),
    ...(view.entry.updated ? { dateModified: view.entry.updated.iso } : {}),
    inLanguage: view.site.lang,
    isPartOf: { '@type': 'WebSite', name: view.site.title, url: abs(view.site.homeUrl) },
  };
}

/**
 * schema.org's type for each article kind: the `NewsArticle` subtypes Google
 * reads as news, and `Article` for paid content, which is not news (Google
 * News does not allow sponsored content passed off as editorial).
 */
const SCHEMA_TYPES: Readonly<Record<string, string>> = {
  opinion: 'OpinionNewsArticle',
  analysis: 'AnalysisNewsArticle',
  review: 'ReviewNewsArticle',
  background: 'BackgroundNewsArticle',
  sponsored: 'Article',
};

/**
 * `NewsArticle` (or its kind's type) following Google's Article structured
 * data guidance; for a live blog `LiveBlogPosting` (an Article too) with its
 * coverage and updates.
 */
export function createNewsArticle(view: ArticlePageView, logo: JsonLdImage | undefined, abs: Absolute): JsonLd {
  const { article, site } = view;
  return {
    '@context': CONTEXT,
    '@type': article.live ? 'LiveBlogPosting' : (SCHEMA_TYPES[article.kind] ?? 'NewsArticle'),
    headline: article.title,
    // The page's description, as the meta tags have it (cut to a length search results show).
    description: view.page.description,
    // The 16:9, 4:3 and 1:1 crops Google asks for, when the image pipeline made them.
    ...(article.image
      ? { image: article.image.share?.structured.map((image) => image.url) ?? [article.image.absoluteUrl] }
      : {}),
    datePublished: article.date.iso,
    dateModified: (article.updated ?? article.date).iso,
    author: createAuthors(view, abs),
    publisher: createOrganization(view, logo, abs),
    ...(article.sponsor ? { sponsor: { '@type': 'Organization', name: article.sponsor } } : {}),
    ...(article.dateline ? { dateline: article.dateline } : {}),
    articleSection: article.section.name,
    ...(article.tags.length > 0 ? { keywords: article.tags.map((tag) => tag.name).join(', ') } : {}),
    inLanguage: site.lang,
    url: view.page.canonical,
    mainEntityOfPage: { '@type': 'WebPage', '@id': view.page.canonical },
    ...(article.corrections.length > 0
      ? {
          correction: article.corrections.map((correction) => ({
            '@type': 'CorrectionComment',
            text: correction.text,
            datePublished: correction.date.iso,
          })),
        }
      : {}),
    ...(article.live ? createLiveBlogFields(view) : {}),
  };
}

/**
 * What Google's live blog guide asks of a `LiveBlogPosting`: when coverage
 * starts (the article's `date`) and ends (`liveUntil`, when set), and each
 * update as a `BlogPosting` with its headline (its opening words when it has
 * no heading), time, plain text and URL (the page's, with its anchor).
 */
function createLiveBlogFields(view: ArticlePageView): JsonLd {
  const { article } = view;
  return {
    coverageStartTime: article.date.iso,
    ...(article.liveUntil ? { coverageEndTime: article.liveUntil.iso } : {}),
    liveBlogUpdate: article.liveUpdates.map((update) => ({
      '@type': 'BlogPosting',
      headline: update.headline ?? cutHeadline(update.text),
      datePublished: update.date.iso,
      url: `${view.page.canonical}#${update.id}`,
      articleBody: update.text,
    })),
  };
}

/** An update's opening words for a headline: at most 110 characters, cut at a space. */
function cutHeadline(text: string): string {
  if (text.length <= 110) return text;
  const cut = text.slice(0, 109);
  const space = cut.lastIndexOf(' ');
  return `${(space > 60 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The article's authors as `Person`s with their pages; an article without a
 * byline is the publisher's own work, so its `Organization` (an empty
 * `author` tells Google nothing, and the Article guidelines ask for one).
 */
function createAuthors(view: ArticlePageView, abs: Absolute): JsonLd[] {
  const { authors } = view.article;
  if (authors.length === 0)
    return [{ '@type': 'Organization', name: view.site.publisher.name, url: abs(view.site.homeUrl) }];
  return authors.map((author) => ({ '@type': 'Person', name: author.name, url: abs(author.url) }));
}

/** `BreadcrumbList` from the page's breadcrumbs, every item absolute. */
export function createBreadcrumbList(view: PageView, abs: Absolute): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: view.page.breadcrumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: abs(crumb.url),
    })),
  };
}

function createWebSite(view: HomePageView, logo: JsonLdImage | undefined, abs: Absolute): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    name: view.site.title,
    url: abs(view.site.homeUrl),
    ...(view.site.description ? { description: view.site.description } : {}),
    inLanguage: view.site.lang,
    publisher: createOrganization(view, logo, abs),
  };
}

function createProfilePage(view: ListPageView, abs: Absolute): JsonLd {
  const author = view.author;
  const sameAs = (author?.links ?? []).map((link) => link.url).filter((url) => /^https?:\/\//i.test(url));
  return {
    '@context': CONTEXT,
    '@type': 'ProfilePage',
    url: view.page.canonical,
    name: view.page.title,
    inLanguage: view.site.lang,
    mainEntity: {
      '@type': 'Person',
      name: author?.name ?? view.heading,
      ...(view.term ? { url: abs(view.term.url) } : {}),
      ...(author?.role ? { jobTitle: author.role } : {}),
      ...(author?.avatar ? { image: author.avatar.absoluteUrl } : {}),
      ...(sameAs.length > 0 ? { sameAs } : {}),
    },
  };
}

function createCollectionPage(view: ListPageView | TermsPageView, abs: Absolute): JsonLd {
  const urls = view.kind === 'list' ? view.articles.map((article) => article.url) : view.terms.map((term) => term.url);
  return {
    '@context': CONTEXT,
    '@type': 'CollectionPage',
    name: view.page.title,
    url: view.page.canonical,
    ...(view.page.description ? { description: view.page.description } : {}),
    inLanguage: view.site.lang,
    isPartOf: { '@type': 'WebSite', name: view.site.title, url: abs(view.site.homeUrl) },
    mainEntity: {
      '@type': 'ItemList',
      itemListElement: urls.map((url, index) => ({ '@type': 'ListItem', position: index + 1, url: abs(url) })),
    },
  };
}

function createOrganization(view: PageView, logo: JsonLdImage | undefined, abs: Absolute): JsonLd {
  return {
    '@type': 'Organization',
    name: view.site.publisher.name,
    url: abs(view.site.homeUrl),
    ...(logo
      ? {
          logo: {
            '@type': 'ImageObject',
            url: logo.url,
            ...(logo.width !== undefined && logo.height !== undefined
              ? { width: logo.width, height: logo.height }
              : {}),
          },
        }
      : {}),
  };
}
