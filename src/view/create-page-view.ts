import { formatString } from '../i18n/strings.js';
import { createExcerpt } from '../markdown/create-excerpt.js';
import { expandComponents } from '../markdown/expand-components.js';
import { isAhead } from '../site/select-published.js';
import type { ListPage, Page, Pagination, SiteArticle } from '../site/site.js';
import { rebaseHtml } from '../url/absolutize-html.js';
import {
  createCardView,
  createLeadCardView,
  createPaginationView,
  createTermView,
  makeCardView,
} from './create-card-view.js';
import { createHomeSlots } from './create-home-view.js';
import { createStandaloneView, type SiteChrome } from './create-standalone-view.js';
import { createLogo, listPageFeeds } from './head-inputs.js';
import { createHeadHtml, createRobots } from './head-meta.js';
import { findLeadVideo, renderLeadVideo } from './lead-video.js';
import { createLiveBlogView, expandLiveUpdates } from './live-blog-view.js';
import { resolveReadAlso } from './resolve-read-also.js';
import { createDateView, createImageView, type ViewContext } from './view-context.js';
import type { ArticleView, LinkView, ListPageView, PageMetaView, PageView } from './view-model.js';
import { wrapBodyTables } from './wrap-tables.js';

export { createCardView, createPaginationView } from './create-card-view.js';

/**
 * Turns one page of the site model into the data its template receives
 * (the first half of the `render` stage), head metadata included. Pure given
 * the context.
 */
export function createPageView(page: Page, context: ViewContext, chrome: SiteChrome): PageView {
  const view = createBodyView(page, context, chrome);
  const headHtml = createHeadHtml(view, {
    feeds: listPageFeeds(page, context),
    logo: createLogo(context),
    absolute: context.absoluteHref,
  });
  return { ...view, page: { ...view.page, headHtml, robots: createRobots(view) } };
}

function createBodyView(page: Page, context: ViewContext, chrome: SiteChrome): PageView {
  const site = { ...context.site, ...chrome };
  const data = context.dataFiles;
  const t = (key: string) => context.strings[key] ?? key;
  switch (page.kind) {
    case 'article': {
      const article = createArticleView(page.article, page.readAlso, context);
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
        otherNewsCount: context.config.otherNewsCount,
      };
    }
    case 'home': {
      const { title, description } = context.config;
      return {
        kind: 'home',
        site,
        data,
        page: createMeta(
          context,
          page.url,
          pagedTitle(context, title, page.pagination),
          description || formatString(t('homeDescription'), { title }),
          [],
        ),
        ...createHomeSlots(page, context),
      };
    }
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
        page: createMeta(
          context,
          page.url,
          heading,
          formatString(t('listDescription'), { name: heading, title: context.config.title }),
          [],
        ),
        taxonomy: page.taxonomy,
        heading,
        terms: page.terms.map((term) => ({ ...createTermView(term, context), count: term.count })),
      };
    }
    case 'not-found':
      return { kind: 'not-found', site, data, page: createNotFoundMeta(context, page.url) };
    case 'search': {
      const title = formatString(t('searchHeading'), { title: context.config.title });
      return {
        kind: 'search',
        site,
        data,
        page: { ...createMeta(context, page.url, title, '', []), robots: 'noindex' },
        search: { bundleUrl: context.href('/pagefind/'), host: new URL(context.config.baseUrl).host },
      };
    }
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

/**
 * The 404 page's head: kept out of indexes, and without a canonical URL, as
 * it answers for every missing address and is the canonical version of none
 * (one naming /404.html claimed a real page's place).
 */
function createNotFoundMeta(context: ViewContext, url: string): PageMetaView {
  const t = (key: string) => context.strings[key] ?? key;
  return { ...createMeta(context, url, t('notFoundTitle'), t('notFoundText'), []), canonical: '', robots: 'noindex' };
}

/** The longest `<meta name="description">` (and `og:description`), in characters, ellipsis included. */
const DESCRIPTION_LENGTH = 160;

function createMeta(
  context: ViewContext,
  url: string,
  title: string,
  description: string,
  breadcrumbs: readonly LinkView[],
): PageMetaView {
  return {
    title,
    // Search engines show about 160 characters of a description and link previews fewer: a summary of a
    // paragraph was used whole, and cut wherever they chose. Cut here at a word, with an ellipsis.
    description: createExcerpt(description, DESCRIPTION_LENGTH),
    url: context.href(url),
    canonical: context.absolute(url),
    breadcrumbs,
    headHtml: '',
    robots: undefined,
  };
}

function pagedTitle(context: ViewContext, title: string, pagination: Pagination): string {
  if (pagination.number === 0) return title;
  const number = context.formatNumber(pagination.number);
  return `${title} — ${formatString(context.strings['archivePage'] ?? 'Page {number}', { number })}`;
}

function formatPeriod(
  context: ViewContext,
  period: { readonly year: number; readonly month: number | undefined },
): string {
  const year = context.formatNumber(period.year);
  if (period.month === undefined) return `${context.strings['archive'] ?? 'Archive'} ${year}`;
  // The year in the locale's digits, as the dates under it (the `YYYY` token writes Latin ones).
  return `${context.formatDate(Date.UTC(period.year, period.month - 1, 15, 12), 'MMMM')} ${year}`;
}

/** A section, tag, author or date listing page. */
function createListView(page: ListPage, context: ViewContext, site: PageView['site']): ListPageView {
  const heading = page.term?.name ?? (page.period ? formatPeriod(context, page.period) : '');
  const description =
    page.author?.role ??
    formatString(context.strings['listDescription'] ?? '{name}: {title}', {
      name: heading,
      title: context.config.title,
    });
  // A section's front page opens with its featured or newest story, large, as a section front.
  const [first, ...rest] = page.articles;
  const newest = page.taxonomy === 'section' && page.pagination.number === 0 ? first : undefined;
  const lead = page.lead ?? newest;
  const listed = lead === first && lead !== undefined ? rest : page.articles;
  return {
    kind: 'list',
    site,
    data: context.dataFiles,
    page: createMeta(context, page.url, pagedTitle(context, heading, page.pagination), description, []),
    taxonomy: page.taxonomy,
    heading,
    term: page.term && createTermView(page.term, context),
    lead: lead && createLeadCardView(lead, context),
    author: page.author && {
      name: page.author.name,
      role: page.author.role,
      bioHtml: page.author.bioHtml === undefined ? undefined : rebaseHtml(page.author.bioHtml, context.config.basePath),
      avatar: page.author.avatar && createImageView(context, page.author.avatar, 'avatar', page.author.sourcePath),
      links: page.author.links,
    },
    articles: listed.map((item) => createCardView(item, context)),
    pagination: createPaginationView(page.pagination, context),
  };
}

/** What every embed the theme's script enhances carries (see `remarkEmbeds`). */
const EMBED_MARKER = ' data-embed="';

function createArticleView(article: SiteArticle, readAlso: readonly SiteArticle[], context: ViewContext): ArticleView {
  const targets = new Map(
    readAlso.map((target) => [target.slug, { title: target.title, url: context.href(target.url) }]),
  );
  const image = article.image && createImageView(context, article.image, 'lead', article.sourcePath);
  const raw = context.bodies.html(article);
  const render = context.renderComponent;
  const video = image && render ? findLeadVideo(raw, article.image?.src) : undefined;
  const leadHtml = video && image && render ? renderLeadVideo(video, image, render) : undefined;
  const live = createLiveBlogView(article, context);
  const body = expandLiveUpdates(expandComponents(video?.rest ?? raw, render), live.liveUpdates);
  const html = wrapBodyTables(
    resolveReadAlso(
      rebaseHtml(context.images?.body(body, article.sourcePath) ?? body, context.config.basePath),
      targets,
      context.renderComponent,
    ),
    context,
  );
  return {
    ...makeCardView(article, context),
    image,
    leadHtml,
    html,
    summary: article.summary,
    dateline: article.dateline,
    editor: article.editor,
    tags: article.tagTerms.map((term) => createTermView(term, context)),
    updated: article.updated && createDateView(context, article.updated),
    corrections: article.corrections.map((correction) => ({
      date: createDateView(context, correction.date),
      text: correction.text,
    })),
    draft: article.draft,
    scheduled: context.config.preview === true && isAhead(article, context.config.now.getTime()),
    hasEmbeds: html.includes(EMBED_MARKER) || Boolean(leadHtml?.includes(EMBED_MARKER)),
    ...live,
  };
}
