import type { Feed, FeedItem } from './feed-model.js';

/** The JSON Feed version this writer follows. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/**
 * Writes a feed as JSON Feed 1.1: `content_html` for the body (or
 * `content_text` with the summary in summary mode, since an item needs one of
 * them), the lead image as `image`, `authors` with their pages.
 */
export function renderJsonFeed(feed: Feed): string {
  const json = {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    ...(feed.description ? { description: feed.description } : {}),
    ...(feed.logoUrl ? { icon: feed.logoUrl } : {}),
    language: feed.language,
    authors: [{ name: feed.publisher, url: feed.publisherUrl }],
    items: feed.items.map((entry) => entry.json),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** An item as JSON Feed writes it. */
export function createJsonItem(item: FeedItem): Record<string, unknown> {
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    ...(item.contentHtml !== undefined ? { content_html: item.contentHtml } : { content_text: item.summary }),
    summary: item.summary,
    ...(item.image ? { image: item.image.url } : {}),
    date_published: item.published.iso,
    date_modified: item.modified.iso,
    // Without a byline the item leaves `authors` out, so the feed's own (the publisher) stand for it:
    // JSON Feed's authors list holds one or more authors when it is there.
    ...(item.authors.length > 0
      ? { authors: item.authors.map((author) => ({ name: author.name, url: author.url })) }
      : {}),
    tags: item.categories.map((category) => category.label),
  };
}
