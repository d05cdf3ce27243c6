import type { Article } from '../content/article.js';

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
