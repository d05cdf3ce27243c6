import { toHtml } from 'hast-util-to-html';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Feed, FeedImage, FeedItem } from './feed-model.js';
import { formatRfc822 } from './format-rfc822.js';
import { XML_NAMESPACES as NS } from './xml-namespaces.js';

/**
 * Writes a feed as RSS 2.0: `content:encoded` for the body, `dc:creator` per
 * author, Media RSS `media:content` for the lead image, `atom:link rel="self"`.
 * Text goes through the XML builder, which escapes it.
 */
export function renderRssFeed(feed: Feed): string {
  const rss = create({ version: '1.0', encoding: 'UTF-8' })
    .ele('rss', { version: '2.0' })
    .att(NS.xmlns, 'xmlns:atom', NS.atom)
    .att(NS.xmlns, 'xmlns:content', NS.content)
    .att(NS.xmlns, 'xmlns:dc', NS.dc)
    .att(NS.xmlns, 'xmlns:media', NS.media);
  const channel = rss.ele('channel');
  channel.ele('title').txt(feed.title);
  channel.ele('link').txt(feed.homeUrl);
  channel.ele('description').txt(feed.description || feed.title);
  channel.ele('language').txt(feed.language);
  channel.ele('generator').txt('newsgen');
  if (feed.updated) channel.ele('lastBuildDate').txt(formatRfc822(feed.updated));
  channel.ele(NS.atom, 'atom:link', { href: feed.urls.rss, rel: 'self', type: 'application/rss+xml' });
  if (feed.logoUrl)
    channel
      .ele('image')
      .ele('url')
      .txt(feed.logoUrl)
      .up()
      .ele('title')
      .txt(feed.title)
      .up()
      .ele('link')
      .txt(feed.homeUrl);
  for (const item of feed.items) addItem(channel, item);
  return rss.end({ prettyPrint: true });
}

function addItem(channel: XMLBuilder, item: FeedItem): void {
  const element = channel.ele('item');
  element.ele('title').txt(item.title);
  element.ele('link').txt(item.url);
  element.ele('guid', { isPermaLink: 'false' }).txt(item.id);
  element.ele('pubDate').txt(formatRfc822(item.published));
  element.ele(NS.atom, 'atom:updated').txt(item.modified.iso);
  // RSS readers treat `description` as HTML, so the plain-text summary is escaped once more.
  element.ele('description').txt(toHtml({ type: 'text', value: item.summary }));
  if (item.contentHtml !== undefined) element.ele(NS.content, 'content:encoded').txt(item.contentHtml);
  for (const author of item.authors) element.ele(NS.dc, 'dc:creator').txt(author.name);
  for (const category of item.categories) element.ele('category').txt(category.label);
  if (item.image) addMediaContent(element, item.image);
}

/** Adds a Media RSS `media:content` element for an image (used by RSS and Atom). */
export function addMediaContent(parent: XMLBuilder, image: FeedImage): void {
  const attributes: Record<string, string> = { url: image.url, medium: 'image' };
  if (image.type) attributes['type'] = image.type;
  if (image.width !== undefined && image.height !== undefined) {
    attributes['width'] = String(image.width);
    attributes['height'] = String(image.height);
  }
  const media = parent.ele(NS.media, 'media:content', attributes);
  const description = image.caption ?? image.alt;
  if (description) media.ele(NS.media, 'media:description', { type: 'plain' }).txt(description);
  if (image.credit) media.ele(NS.media, 'media:credit').txt(image.credit);
}
