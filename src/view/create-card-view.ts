import type { ArticleKind } from '../content/read-kind.js';
import { isLive } from '../site/live.js';
import type { Pagination, SiteArticle, Term } from '../site/site.js';
import { createDateView, createImageView, type ViewContext } from './view-context.js';
import type { ArticleCardView, PaginationLinkView, PaginationView, TermView } from './view-model.js';

/** The card form of an article, for listings and related blocks; made once per article and context. */
export function createCardView(article: SiteArticle, context: ViewContext): ArticleCardView {
  const made = context.cards.get(article);
  if (made) return made;
  const card = makeCardView(article, context);
  context.cards.set(article, card);
  return card;
}

/** A fresh card view, not memoised (the article page spreads it into its own view). */
export function makeCardView(article: SiteArticle, context: ViewContext): ArticleCardView {
  return {
    id: article.id,
    url: context.href(article.url),
    title: article.title,
    excerpt: article.excerpt,
    date: createDateView(context, article.date),
    image: article.image && createImageView(context, article.image, 'card', article.sourcePath),
    section: createTermView(article.sectionTerm, context),
    authors: article.authorTerms.map((term) => createTermView(term, context)),
    kind: article.kind,
    kindLabel: labelKind(article.kind, context.strings),
    sponsor: article.sponsor,
    liveNow: isLive(article, context.config.now.getTime()),
    params: article.params,
  };
}

/** The UI string that labels a kind (`kindOpinion` for opinion); none for news, which needs no label. */
export function labelKind(kind: ArticleKind, strings: Readonly<Record<string, string>>): string | undefined {
  return kind === 'news' ? undefined : strings[`kind${kind[0]?.toUpperCase()}${kind.slice(1)}`];
}

/**
 * The card of a front's lead story (the home page's and a section's): its
 * picture is the large one, fetched first.
 */
export function createLeadCardView(article: SiteArticle, context: ViewContext): ArticleCardView {
  const card = createCardView(article, context);
  return article.image && context.images
    ? { ...card, image: createImageView(context, article.image, 'featured', article.sourcePath) }
    : card;
}

/** A section, tag or author ready to print (counts only on term indexes: they change with every publish). */
export function createTermView(term: Term, context: Pick<ViewContext, 'href'>): TermView {
  return { name: term.name, slug: term.slug, url: context.href(term.url) };
}

/**
 * A listing page's navigation as templates get it (see {@link PaginationView}).
 * It reads as a reader expects: "newer" and "older" where those pages exist;
 * the numbered archive pages only when there are at least two of them to
 * choose from (the front page of a listing with one archive page shows just
 * "older", not a lone "1" that duplicates it, and a lone archive page shows
 * just "newer"); and a link to the front page only when "newer" does not
 * already lead there.
 */
export function createPaginationView(
  pagination: Pagination,
  context: Pick<ViewContext, 'href' | 'formatNumber'>,
): PaginationView {
  const href = (url: string | undefined) => (url === undefined ? undefined : context.href(url));
  const pages: PaginationLinkView[] = pagination.numbered.map(({ number, url }) => ({
    number,
    label: context.formatNumber(number),
    url: context.href(url),
    current: number === pagination.number,
    gap: false,
  }));
  if (pagination.oldest !== undefined) {
    const oldest = { number: 1, label: context.formatNumber(1), url: context.href(pagination.oldest) };
    pages.push({ gap: true }, { ...oldest, current: false, gap: false });
  }
  const numbered = pages.filter((page) => !page.gap).length;
  const frontIsNewer = pagination.newer === pagination.frontUrl;
  return {
    current: pagination.number,
    prev: href(pagination.newer),
    next: href(pagination.older),
    newest: pagination.number === 0 || frontIsNewer ? undefined : context.href(pagination.frontUrl),
    pages: numbered >= 2 ? pages : [],
  };
}
