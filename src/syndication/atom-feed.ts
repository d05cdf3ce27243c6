import type { Feed, FeedItem } from './feed-model.js';
import { createMediaContent } from './rss-feed.js';
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
 * The `updated` Atom requires of a feed with no entries (a term whose articles
 * are all drafts or scheduled, in a preview; a site with none published yet):
 * the Unix epoch, "never", rather than the build clock, so that the feed's
 * bytes follow its content and a build with nothing new finds it up to date.
 */
const NEVER_UPDATED = '1970-01-01T00:00:00Z';

/**
 * Writes a feed as Atom 1.0 (RFC 4287): `published`/`updated` with offsets,
 * one `author` per author with their page as `uri`, `content type="html"` for
 * the body, Media RSS for the lead image. The publisher is the feed's author so
 * entries without a byline stay valid.
 */
export function renderAtomFeed(feed: Feed): string {
  const children: XmlNode[] = [xml('id', feed.urls.atom), xml('title', { type: 'text' }, feed.title)];
  if (feed.description) children.push(xml('subtitle', { type: 'text' }, feed.description));
  children.push(
    xml('updated', feed.updated?.iso ?? NEVER_UPDATED),
    xml('link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl }),
    xml('link', { rel: 'self', type: 'application/atom+xml', href: feed.urls.atom }),
    xml('author', [xml('name', feed.publisher)]),
    xml('generator', 'newsgen'),
  );
  if (feed.logoUrl) children.push(xml('logo', feed.logoUrl));
  for (const entry of feed.items) children.push(entry.atom);
  const attributes = { xmlns: NS.atom, 'xmlns:media': NS.media, 'xml:lang': feed.language };
  return renderXmlDocument(xml('feed', attributes, children));
}

/** An item's `<entry>`, written where it goes in {@link renderAtomFeed}. */
export function renderAtomEntry(item: FeedItem): XmlWritten {
  return renderXmlElement(createEntry(item), 1);
}

function createEntry(item: FeedItem): XmlElement {
  const children = [
    xml('id', item.id),
    xml('title', { type: 'text' }, item.title),
    xml('link', { rel: 'alternate', type: 'text/html', href: item.url }),
    xml('published', item.published.iso),
    xml('updated', item.modified.iso),
  ];
  for (const author of item.authors) children.push(xml('author', [xml('name', author.name), xml('uri', author.url)]));
  for (const category of item.categories)
    children.push(xml('category', { term: category.term, label: category.label }));
  children.push(xml('summary', { type: 'text' }, item.summary));
  if (item.contentHtml !== undefined) children.push(xml('content', { type: 'html' }, item.contentHtml));
  if (item.image) children.push(createMediaContent(item.image));
  return xml('entry', children);
}
