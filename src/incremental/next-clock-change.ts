import type { Article } from '../content/article.js';
import { NEWS_WINDOW_MS } from '../syndication/news-window.js';

/**
 * The first instant after `now` at which the same content would build
 * differently: a scheduled article going live, an article expiring or
 * leaving a lead slot (`featuredUntil`), a live blog's coverage ending
 * (`liveUntil`), or one leaving the news sitemap's window. Until then a build with unchanged inputs
 * can be skipped; `Infinity` when nothing in the site depends on the clock.
 */
export function findNextClockChange(articles: readonly Article[], now: number): number {
  let next = Number.POSITIVE_INFINITY;
  const consider = (time: number) => {
    if (time > now && time < next) next = time;
  };
  for (const article of articles) {
    consider(article.date.time);
    consider(article.date.time + NEWS_WINDOW_MS);
    if (article.expires) consider(article.expires.time);
    if (article.featuredUntil) consider(article.featuredUntil.time);
    if (!article.live) continue;
    if (article.liveUntil) consider(article.liveUntil.time);
    // An update from the future is warned about (see `checkFutureUpdates`) until its time comes.
    for (const update of article.liveUpdates) consider(update.date.time);
  }
  return next;
}
