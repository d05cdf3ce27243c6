import { lookup } from 'mrmime';
import type { ArticleBodies, Image } from '../content/article.js';
import { findImageSize, type ImageSizes } from '../site/image-size.js';
import type { SiteArticle } from '../site/site.js';
import { absolutizeHtml } from '../url/absolutize-html.js';
import { createSiteUrl, type SiteAddress } from '../url/site-url.js';
import { createArticleGuid } from './create-article-guid.js';
import type { FeedImage, FeedItem } from './feed-model.js';

/** What turning an article into a feed item needs. */
export interface FeedItemContext {
  readonly address: SiteAddress;
  readonly imageSizes: ImageSizes;
  /** `full`: the whole body HTML; `summary`: only the summary text. */
  readonly content: 'full' | 'summary';
  /** Where article bodies are read. */
  readonly bodies: ArticleBodies;
}

/** One published article as a feed item, every URL absolute. Pure. */
export function createFeedItem(article: SiteArticle, context: FeedItemContext): FeedItem {
  const siteUrl = createSiteUrl(context.address);
  const url = siteUrl.absolute(article.url);
  return {
    id: createArticleGuid(context.address.baseUrl, article.id),
    url,
    title: article.title,
    summary: article.excerpt,
    contentHtml:
      context.content === 'full' ? absolutizeHtml(context.bodies.html(article), url, context.address) : undefined,
    published: article.date,
    modified: article.updated ?? article.date,
    authors: article.authorTerms.map((term) => ({ name: term.name, url: siteUrl.absolute(term.url) })),
    categories: [article.sectionTerm, ...article.tagTerms].map((term) => ({ term: term.slug, label: term.name })),
    image: article.image && createFeedImage(article.image, context),
  };
}

/** A lead image with its absolute URL, type and measured size. */
export function createFeedImage(image: Image, context: Pick<FeedItemContext, 'address' | 'imageSizes'>): FeedImage {
  const size = findImageSize(context.imageSizes, image.src);
  return {
    url: createSiteUrl(context.address).resolveSrc(image.src),
    type: lookup(image.src.replace(/[?#].*$/, '')),
    width: size?.width,
    height: size?.height,
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
  };
}
