import { toHtml } from 'hast-util-to-html';
import type { Feed, FeedImage, FeedItem } from './feed-model.js';
import { formatRfc822 } from './format-rfc822.js';
import {
  renderXmlDocument,
  renderXmlElement,
  type XmlElement,
  type XmlNode,
  type XmlWritten,
  xml,
} from './xml-document.js';
import { XML_NAMESPACES as NS } from './xml-namespaces.js';

/**
 * Writes a feed as RSS 2.0: `content:encoded` for the body, `dc:creator` per
 * author, Media RSS `media:content` for the lead image, `atom:link rel="self"`.
 * Text is escaped where the document is written (`renderXmlDocument`).
 */
export function renderRssFeed(feed: Feed): string {
  const channel: XmlNode[] = [
    xml('title', feed.title),
    xml('link', feed.homeUrl),
    xml('description', feed.description || feed.title),
    xml('language', feed.language),
    xml('generator', 'newsgen'),
  ];
  if (feed.updated) channel.push(xml('lastBuildDate', formatRfc822(feed.updated)));
  channel.push(xml('atom:link', { href: feed.urls.rss, rel: 'self', type: 'application/rss+xml' }));
  if (feed.logoUrl)
    channel.push(xml('image', [xml('url', feed.logoUrl), xml('title', feed.title), xml('link', feed.homeUrl)]));
  for (const entry of feed.items) channel.push(entry.rss);
  const namespaces = { 'xmlns:atom': NS.atom, 'xmlns:content': NS.content, 'xmlns:dc': NS.dc, 'xmlns:media': NS.media };
  return renderXmlDocument(xml('rss', { version: '2.0', ...namespaces }, [xml('channel', channel)]));
}

/** An item's `<item>`, written where it goes in {@link renderRssFeed} (in `<channel>`). */
export function renderRssItem(item: FeedItem): XmlWritten {
  return renderXmlElement(createItem(item), 2);
}

function createItem(item: FeedItem): XmlElement {
  const children = [
    xml('title', item.title),
    xml('link', item.url),
    xml('guid', { isPermaLink: 'false' }, item.id),
    xml('pubDate', formatRfc822(item.published)),
    xml('atom:updated', item.modified.iso),
    // RSS readers treat `description` as HTML, so the plain-text summary is escaped once more.
    xml('description', toHtml({ type: 'text', value: item.summary })),
  ];
  if (item.contentHtml !== undefined) children.push(xml('content:encoded', item.contentHtml));
  for (const author of item.authors) children.push(xml('dc:creator', author.name));
  for (const category of item.categories) children.push(xml('category', category.label));
  if (item.image) children.push(createMediaContent(item.image));
  return xml('item', children);
}

/** A Media RSS `media:content` element for an image (used by RSS and Atom). */
export function createMediaContent(image: FeedImage): XmlElement {
  const sized = image.width !== undefined && image.height !== undefined;
  const attributes = {
    url: image.url,
    medium: 'image',
    type: image.type || undefined,
    width: sized ? String(image.width) : undefined,
    height: sized ? String(image.height) : undefined,
  };
  const children: XmlElement[] = [];
  const description = image.caption ?? image.alt;
  if (description) children.push(xml('media:description', { type: 'plain' }, description));
  if (image.credit) children.push(xml('media:credit', image.credit));
  return xml('media:content', attributes, children);
}
