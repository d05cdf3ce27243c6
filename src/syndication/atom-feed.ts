import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Feed, FeedItem } from './feed-model.js';
import { addMediaContent } from './rss-feed.js';
import { XML_NAMESPACES as NS } from './xml-namespaces.js';

/**
 * Writes a feed as Atom 1.0 (RFC 4287): `published`/`updated` with offsets,
 * one `author` per author with their page as `uri`, `content type="html"` for
 * the body, Media RSS for the lead image. The publisher is the feed's author so
 * entries without a byline stay valid.
 */
export function renderAtomFeed(feed: Feed): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(NS.atom, 'feed')
    .att(NS.xmlns, 'xmlns:media', NS.media)
    .att('xml:lang', feed.language);
  root.ele('id').txt(feed.urls.atom);
  root.ele('title', { type: 'text' }).txt(feed.title);
  if (feed.description) root.ele('subtitle', { type: 'text' }).txt(feed.description);
  root.ele('updated').txt(feed.updated?.iso ?? feed.now.toISOString());
  root.ele('link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl });
  root.ele('link', { rel: 'self', type: 'application/atom+xml', href: feed.urls.atom });
  root.ele('author').ele('name').txt(feed.publisher);
  root.ele('generator').txt('newsgen');
  if (feed.logoUrl) root.ele('logo').txt(feed.logoUrl);
  for (const item of feed.items) addEntry(root, item);
  return root.end({ prettyPrint: true });
}

function addEntry(root: XMLBuilder, item: FeedItem): void {
  const entry = root.ele('entry');
  entry.ele('id').txt(item.id);
  entry.ele('title', { type: 'text' }).txt(item.title);
  entry.ele('link', { rel: 'alternate', type: 'text/html', href: item.url });
  entry.ele('published').txt(item.published.iso);
  entry.ele('updated').txt(item.modified.iso);
  for (const author of item.authors) entry.ele('author').ele('name').txt(author.name).up().ele('uri').txt(author.url);
  for (const category of item.categories) entry.ele('category', { term: category.term, label: category.label });
  entry.ele('summary', { type: 'text' }).txt(item.summary);
  if (item.contentHtml !== undefined) entry.ele('content', { type: 'html' }).txt(item.contentHtml);
  if (item.image) addMediaContent(entry, item.image);
}
