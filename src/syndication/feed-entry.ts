import { renderAtomEntry } from './atom-feed.js';
import type { FeedEntry, FeedItem } from './feed-model.js';
import { createJsonItem } from './json-feed.js';
import { renderRssItem } from './rss-feed.js';

/** An item as every format writes it (see {@link FeedEntry}). Pure. */
export function prepareFeedEntry(item: FeedItem): FeedEntry {
  return { modified: item.modified, rss: renderRssItem(item), atom: renderAtomEntry(item), json: createJsonItem(item) };
}
