import type { Article } from '../content/article.js';
import type { HeldBack } from './held-back.js';

/** What decides whether an article is published in this build. */
export interface PublishOptions {
  readonly now: Date;
  readonly drafts: boolean;
  readonly future: boolean;
}

/**
 * Keeps the articles that are live at `now`: drafts only with `drafts`,
 * scheduled articles (dated after `now`) only with `future`, expired ones never.
 */
export function selectPublished<T extends Article>(articles: readonly T[], options: PublishOptions): T[] {
  const now = options.now.getTime();
  return articles.filter((article) => isLive(article, now, options));
}

/**
 * Whether `article` is dated after `now` (milliseconds): scheduled, in the
 * site only with `future`, and marked as such in a preview (see `ResolvedConfig.preview`).
 */
export function isAhead(article: Pick<Article, 'date'>, now: number): boolean {
  return article.date.time > now;
}

/** Whether {@link selectPublished} keeps `article` at `now` (milliseconds). */
export function isLive(
  article: Article,
  now: number,
  options: { readonly drafts: boolean; readonly future: boolean },
): boolean {
  return (
    (options.drafts || !article.draft) &&
    (options.future || article.date.time <= now) &&
    (article.expires === undefined || article.expires.time > now)
  );
}

/**
 * The articles a build holds back until later: scheduled ones (published by
 * the first build after their date) and drafts. Expired articles are not
 * held back but taken down, and are not counted. Pure.
 */
export function countHeldBack(articles: Iterable<Article>, options: PublishOptions): HeldBack {
  const now = options.now.getTime();
  let scheduled = 0;
  let drafts = 0;
  let next: Article | undefined;
  for (const article of articles) {
    if (article.expires !== undefined && article.expires.time <= now) continue;
    if (article.draft && !options.drafts) drafts += 1;
    else if (isAhead(article, now) && !options.future) {
      scheduled += 1;
      if (next === undefined || article.date.time < next.date.time) next = article;
    }
  }
  return { scheduled, next: next?.date.iso, drafts };
}
