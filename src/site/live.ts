import type { Article } from '../content/article.js';

/** Whether a live blog's coverage runs at `now`: `live: true`, and `liveUntil` not yet reached. */
export function isLive(article: Pick<Article, 'live' | 'liveUntil'>, now: number): boolean {
  return article.live && (article.liveUntil === undefined || article.liveUntil.time > now);
}
