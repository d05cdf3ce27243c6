import type { FeedConfig } from '../config/resolved-config.js';
import { createSiteUrl, type SiteAddress } from '../url/site-url.js';
import type { Term } from './site.js';

/** An autodiscovery link for `<link rel="alternate">`. */
export interface FeedLink {
  readonly type: string;
  readonly title: string;
  /** Root-relative href, base path included. */
  readonly url: string;
}

/** Where a feed's three files go, as URL paths without the base path. */
export interface FeedPaths {
  readonly rss: string;
  readonly atom: string;
  readonly json: string;
}

/** MIME types for autodiscovery links and HTTP. */
export const FEED_TYPES: Readonly<Record<keyof FeedPaths, string>> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/** File names of a feed's three formats inside its folder. */
export const FEED_FILES: Readonly<Record<keyof FeedPaths, string>> = {
  rss: 'feed.xml',
  atom: 'atom.xml',
  json: 'feed.json',
};

/** The three feed paths under a listing's URL path (`/ekonomi/` → `/ekonomi/feed.xml`…). */
export function createFeedPaths(folderUrl: string): FeedPaths {
  const folder = folderUrl.endsWith('/') ? folderUrl : `${folderUrl}/`;
  return { rss: folder + FEED_FILES.rss, atom: folder + FEED_FILES.atom, json: folder + FEED_FILES.json };
}

/** Whether a section, tag or author listing has feeds of its own under this config. */
export function hasTermFeeds(term: Term, feeds: FeedConfig): boolean {
  return (
    term.taxonomy === 'section' ||
    (term.taxonomy === 'tag' && feeds.tags) ||
    (term.taxonomy === 'author' && feeds.authors)
  );
}

/** Autodiscovery links for the feeds under a listing URL, one per format. */
export function createFeedLinks(title: string, folderUrl: string, config: SiteAddress): FeedLink[] {
  const siteUrl = createSiteUrl(config);
  const paths = createFeedPaths(folderUrl);
  return [
    { type: FEED_TYPES.rss, title: `${title} (RSS)`, url: siteUrl.href(paths.rss) },
    { type: FEED_TYPES.atom, title: `${title} (Atom)`, url: siteUrl.href(paths.atom) },
    { type: FEED_TYPES.json, title: `${title} (JSON Feed)`, url: siteUrl.href(paths.json) },
  ];
}

/** Title of a term's feed, e.g. `Ekonomi — Warta Nusantara`. */
export function createTermFeedTitle(term: Term, siteTitle: string): string {
  return `${term.name} — ${siteTitle}`;
}
