import type { LiveUpdate } from '../content/article.js';
import { isLive } from '../site/live.js';
import type { SiteArticle } from '../site/site.js';
import type { LiveBlogView, LiveUpdateView } from './live-blog-model.js';
import { createDateView, type ViewContext } from './view-context.js';

const NOT_LIVE: LiveBlogView = { live: false, liveNow: false, liveUntil: undefined, liveUpdates: [] };

/** The live blog fields of an article's page view, at the build's clock (`config.now`). */
export function createLiveBlogView(article: SiteArticle, context: ViewContext): LiveBlogView {
  if (!article.live) return NOT_LIVE;
  return {
    live: true,
    liveNow: isLive(article, context.config.now.getTime()),
    liveUntil: article.liveUntil && createDateView(context, article.liveUntil),
    liveUpdates: article.liveUpdates.map((update: LiveUpdate) => ({
      id: update.id,
      headline: update.headline,
      date: createDateView(context, update.date),
      text: update.text,
    })),
  };
}

/** An update's opening tag as the Markdown stage writes it (see `remarkLiveUpdates`). Groups: ISO time, id. */
const UPDATE_START = /<div class="live-update" data-update="([\d:T.+-]+)" data-update-id="(update-[\d-]+)">/g;

/**
 * A live blog body with each update's opening tag given its anchor and its
 * time, linked to the anchor, as the locale writes it: the Markdown stage
 * leaves the time to the page, which knows the site's date patterns.
 * `updates` are the article's; a tag none of them has (raw HTML imitating
 * one) loses its marker attributes and gets no anchor.
 */
export function expandLiveUpdates(html: string, updates: readonly LiveUpdateView[]): string {
  if (updates.length === 0 || !html.includes('<div class="live-update" ')) return html;
  const byId = new Map(updates.map((update) => [update.id, update]));
  return html.replace(UPDATE_START, (_tag, iso: string, id: string) => {
    const update = byId.get(id);
    if (!update || update.date.iso !== iso) return '<div class="live-update">';
    byId.delete(id);
    const time = `<time datetime="${update.date.iso}">${escapeText(update.date.display)}</time>`;
    return `<div class="live-update" id="${id}"><p class="live-update-time"><a href="#${id}">${time}</a></p>`;
  });
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
