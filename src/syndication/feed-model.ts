import type { Instant } from '../i18n/instant.js';
import type { XmlWritten } from './xml-document.js';

/** The lead image of a feed item, ready for Media RSS and JSON Feed. */
export interface FeedImage {
  /** Absolute URL. */
  readonly url: string;
  /** MIME type guessed from the file name, when known. */
  readonly type: string | undefined;
  readonly width: number | undefined;
  readonly height: number | undefined;
  readonly alt: string;
  readonly caption: string | undefined;
  readonly credit: string | undefined;
}

/** One article as every feed format sees it: all URLs absolute. */
export interface FeedItem {
  /** Identifier that never changes for the life of the article (see `createArticleGuid`). */
  readonly id: string;
  readonly url: string;
  /** The article's title; paid content's starts with its label ("Advertorial: …"). */
  readonly title: string;
  /** Plain-text summary (the article's summary or excerpt). */
  readonly summary: string;
  /** Full body HTML with absolute links, or undefined for summary-only feeds. */
  readonly contentHtml: string | undefined;
  readonly published: Instant;
  /** `updated`, or the publication date when the article was never updated. */
  readonly modified: Instant;
  readonly authors: readonly { readonly name: string; readonly url: string }[];
  /** The kind when not news (term `opinion`, label "Opini"), then the section, then tags. */
  readonly categories: readonly { readonly term: string; readonly label: string }[];
  readonly image: FeedImage | undefined;
}

/** Absolute addresses of one feed in every format. */
export interface FeedUrls {
  readonly rss: string;
  readonly atom: string;
  readonly json: string;
}

/** One feed (the whole site, or one section, tag or author) before it is written in a format. */
export interface Feed {
  readonly title: string;
  readonly description: string;
  /** BCP 47 language of the site. */
  readonly language: string;
  /** Absolute URL of the page the feed follows (home or the term's listing). */
  readonly homeUrl: string;
  readonly urls: FeedUrls;
  /** Newest modification among the items; undefined for an empty feed. */
  readonly updated: Instant | undefined;
  readonly publisher: string;
  /** Absolute URL of the publisher's home: the site's home page, also in a section's, tag's or author's feed. */
  readonly publisherUrl: string;
  /** Absolute URL of the publisher's logo, when configured. */
  readonly logoUrl: string | undefined;
  /** Newest first, at most the configured limit. */
  readonly items: readonly FeedEntry[];
}

/**
 * One item as each format writes it, made once however many feeds show it
 * (see `prepareFeedEntry`): the RSS `<item>` and Atom `<entry>` already
 * written at the depth where they go, and the JSON Feed item.
 */
export interface FeedEntry {
  readonly modified: Instant;
  readonly rss: XmlWritten;
  readonly atom: XmlWritten;
  readonly json: Readonly<Record<string, unknown>>;
}
