import { createFeedLinks, createTermFeedTitle, type FeedLink, hasTermFeeds } from '../site/feed-links.js';
import type { Page } from '../site/site.js';
import type { JsonLdImage } from './json-ld.js';
import type { ViewContext } from './view-context.js';

/** The feeds of a listing's own term, for autodiscovery next to the site-wide ones. */
export function listPageFeeds(page: Page, context: ViewContext): FeedLink[] {
  if (page.kind !== 'list' || !page.term || !hasTermFeeds(page.term, context.config.feeds)) return [];
  return createFeedLinks(createTermFeedTitle(page.term, context.config.title), page.term.url, context.config);
}

/** The publisher's logo with its size, for the JSON-LD publisher. */
export function createLogo(context: ViewContext): JsonLdImage | undefined {
  const logo = context.config.publisher.logo;
  if (logo === undefined) return undefined;
  const size = context.imageSize(logo);
  return { url: context.resolveSrc(logo), width: size?.width, height: size?.height };
}
