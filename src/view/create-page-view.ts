import { formatString } from '../i18n/strings.js';
import type { ListPage, Page, Pagination, SiteArticle, Term } from '../site/site.js';
import { rebaseHtml } from '../url/absolutize-html.js';
import { createStandaloneView, type SiteChrome } from './create-standalone-view.js';
import { createLogo, listPageFeeds } from './head-inputs.js';
import { createHeadHtml, createRobots } from './head-meta.js';
import { createDateView, createImageView, type ViewContext } from './view-context.js';
import type {
  ArticleCardView,
  ArticleView,
  LinkView,
  ListPageView,
  PageMetaView,
  PageView,
  PaginationLinkView,
  PaginationView,
  TermView,
} from './view-model.js';

/**
 * Turns one page of the site model into the data its template receives
 * (the first half of the `render` stage), head metadata included. Pure given
 * the context.
 */
export function createPageView(page: Page, context: ViewContext, chrome: SiteChrome): PageView {
  const view = createBodyView(page, context, chrome);
  const headHtml = createHeadHtml(view, { feeds: listPageFeeds(page, context), logo: createLogo(context) });
  return { ...view, page: { ...view.page, headHtml, robots: createRobots(view) } };
}

function createBodyView(page: Page, context: ViewContext, chrome: SiteChrome): PageView {
  const site = { ...context.site, ...chrome };
  const data = context.dataFiles;
  const t = (key: string) => context.strings[key] ?? key;
  switch (page.kind) {
    case 'article': {
      const article = createArticleView(page.article, context);
      const breadcrumbs = [
        { name: t('home'), url: context.href('/') },
        { name: article.section.name, url: article.section.url },
        { name: article.title, url: article.url },
      ];
      return {
        kind: 'article',
        site,
        data,
        page: createMeta(context, page.url, article.title, article.excerpt, breadcrumbs),
        article,
        related: page.related.map((item) => createCardView(item, context)),
        otherNews: page.otherNews.map((item) => createCardView(item, context)),
      };
    }
    case 'home':
      return {
        kind: 'home',
        site,
        data,
        page: createMeta(
          context,
          page.url,
          pagedTitle(context, context.config.title, page.pagination),
          context.config.description,
          [],
        ),
        headline: page.headline && createHeadlineView(page.headline, context),
        sections: page.sections.map((block) => ({
          section: createTermView(block.term, context),
          articles: block.articles.map((item) => createCardView(item, context)),
        })),
        articles: page.articles.map((item) => createCardView(item, context)),
        pagination: createPaginationView(page.pagination, context),
      };
    case 'list':
      return createListView(page, context, site);
    case 'terms': {
      const heading = t(
        page.taxonomy === 'section' ? 'allSections' : page.taxonomy === 'tag' ? 'allTags' : 'allAuthors',
      );
      return {
        kind: 'terms',
        site,
        data,
        page: createMeta(context, page.url, heading, `${heading} — ${context.config.title}`, []),
        taxonomy: page.taxonomy,
        heading,
        terms: page.terms.map((term) => ({ ...createTermView(term, context), count: term.count })),
      };
    }
    case 'not-found':
      return {
        kind: 'not-found',
        site,
        data,
        page: { ...createMeta(context, page.url, t('notFoundTitle'), t('notFoundText'), []), robots: 'noindex' },
      };
    case 'page': {
      const { entry, layout, breadcrumbs, meta } = createStandaloneView(page, context);
      return {
        kind: 'page',
        site,
        data,
        page: createMeta(context, page.url, meta.title, meta.description, breadcrumbs),
        layout,
        entry,
      };
    }
  }
}

function createMeta(
  context: ViewContext,
  url: string,
  title: string,
  description: string,
  breadcrumbs: readonly LinkView[],
): PageMetaView {
  return {
    title,
    description,
    url: context.href(url),
    canonical: context.absolute(url),
    breadcrumbs,
    headHtml: '',
    robots: undefined,
  };
}

function pagedTitle(context: ViewContext, title: string, pagination: Pagination): string {
  if (pagination.number === 0) return title;
  return `${title} — ${formatString(context.strings['archivePage'] ?? 'Page {number}', { number: pagination.number })}`;
}

function formatPeriod(
  context: ViewContext,
  period: { readonly year: number; readonly month: number | undefined },
): string {
  if (period.month === undefined) return `${context.strings['archive'] ?? 'Archive'} ${period.year}`;
  return context.formatDate(Date.UTC(period.year, period.month - 1, 15, 12), 'MMMM YYYY');
}

function createTermView(term: Term, context: ViewContext): TermView {
  return { name: term.name, slug: term.slug, url: context.href(term.url) };
}

/** A section, tag, author or date listing page. */
function createListView(page: ListPage, context: ViewContext, site: PageView['site']): ListPageView {
  const heading = page.term?.name ?? (page.period ? formatPeriod(context, page.period) : '');
  const description = page.author?.role ?? `${heading} — ${context.config.title}`;
  return {
    kind: 'list',
    site,
    data: context.dataFiles,
    page: createMeta(context, page.url, pagedTitle(context, heading, page.pagination), description, []),
    taxonomy: page.taxonomy,
    heading,
    term: page.term && createTermView(page.term, context),
    lead: page.lead && createCardView(page.lead, context),
    author: page.author && {
      name: page.author.name,
      role: page.author.role,
      bioHtml: page.author.bioHtml === undefined ? undefined : rebaseHtml(page.author.bioHtml, context.config.basePath),
      avatar: page.author.avatar && createImageView(context, page.author.avatar, 'avatar', page.author.sourcePath),
      links: page.author.links,
    },
    articles: page.articles.map((item) => createCardView(item, context)),
    pagination: createPaginationView(page.pagination, context),
  };
}

/** A listing page's navigation as templates get it (see {@link PaginationView}). */
export function createPaginationView(pagination: Pagination, context: Pick<ViewContext, 'href'>): PaginationView {
  const href = (url: string | undefined) => (url === undefined ? undefined : context.href(url));
  const pages: PaginationLinkView[] = pagination.numbered.map(({ number, url }) => ({
    number,
    url: context.href(url),
    current: number === pagination.number,
    gap: false,
  }));
  if (pagination.oldest !== undefined) {
    pages.push({ gap: true }, { number: 1, url: context.href(pagination.oldest), current: false, gap: false });
  }
  return {
    current: pagination.number,
    prev: href(pagination.newer),
    next: href(pagination.older),
    newest: pagination.number === 0 ? undefined : context.href(pagination.frontUrl),
    pages,
  };
}

/** The home page's headline: a card whose image is the large, eagerly fetched one. */
function createHeadlineView(article: SiteArticle, context: ViewContext): ArticleCardView {
  const card = createCardView(article, context);
  return article.image && context.images
    ? { ...card, image: createImageView(context, article.image, 'featured', article.sourcePath) }
    : card;
}

/** The card form of an article, for listings and related blocks. */
export function createCardView(article: SiteArticle, context: ViewContext): ArticleCardView {
  const made = context.cards.get(article);
  if (made) return made;
  const card = makeCardView(article, context);
  context.cards.set(article, card);
  return card;
}

function makeCardView(article: SiteArticle, context: ViewContext): ArticleCardView {
  return {
    id: article.id,
    url: context.href(article.url),
    title: article.title,
    excerpt: article.excerpt,
    date: createDateView(context, article.date),
    image: article.image && createImageView(context, article.image, 'card', article.sourcePath),
    section: createTermView(article.sectionTerm, context),
    authors: article.authorTerms.map((term) => createTermView(term, context)),
    params: article.params,
  };
}

function createArticleView(article: SiteArticle, context: ViewContext): ArticleView {
  return {
    ...makeCardView(article, context),
    image: article.image && createImageView(context, article.image, 'lead', article.sourcePath),
    html: rebaseHtml(
      context.images?.body(context.bodies.html(article), article.sourcePath) ?? context.bodies.html(article),
      context.config.basePath,
    ),
    dateline: article.dateline,
    editor: article.editor,
    tags: article.tagTerms.map((term) => createTermView(term, context)),
    updated: article.updated && createDateView(context, article.updated),
    corrections: article.corrections.map((correction) => ({
      date: createDateView(context, correction.date),
      text: correction.text,
    })),
    draft: article.draft,
  };
}
