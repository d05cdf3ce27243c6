import { lookup } from 'mrmime';
import type { ArticleBodies, Image } from '../content/article.js';
import type { SiteImages } from '../images/site-images.js';
import { removeReadAlsoPlaceholders } from '../markdown/embeds/related-link.js';
import { expandComponents, type RenderComponent } from '../markdown/expand-components.js';
import { findImageSize, type ImageSizes } from '../site/image-size.js';
import type { SiteArticle } from '../site/site.js';
import { absolutizeHtml } from '../url/absolutize-html.js';
import { absolutizeHref, createSiteUrl, type SiteAddress } from '../url/site-url.js';
import { labelKind } from '../view/create-card-view.js';
import type { LiveUpdateView } from '../view/live-blog-model.js';
import { expandLiveUpdates } from '../view/live-blog-view.js';
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
  /** The image pipeline's pictures; absent: images are linked as written. */
  readonly images?: SiteImages | undefined;
  /** The theme's markup for the components in bodies (as pages show them); absent: they are left out. */
  readonly renderComponent?: RenderComponent | undefined;
  /** The site's UI strings, for the label of an article that is not news ("Opini", "Advertorial"). */
  readonly strings: Readonly<Record<string, string>>;
}

/** One published article as a feed item, every URL absolute. Pure. */
export function createFeedItem(article: SiteArticle, context: FeedItemContext): FeedItem {
  const siteUrl = createSiteUrl(context.address);
  const url = siteUrl.absolute(article.url);
  const label = labelKind(article.kind, context.strings);
  const terms = [article.sectionTerm, ...article.tagTerms].map((term) => ({ term: term.slug, label: term.name }));
  return {
    id: createArticleGuid(context.address.baseUrl, article.id),
    url,
    // Feed readers list titles alone, so paid content says so where it is read, as its page does above the title.
    title: article.kind === 'sponsored' && label ? `${label}: ${article.title}` : article.title,
    summary: article.excerpt,
    contentHtml: context.content === 'full' ? createContentHtml(article, url, context) : undefined,
    published: article.date,
    modified: article.updated ?? article.date,
    authors: article.authorTerms.map((term) => ({ name: term.name, url: siteUrl.absolute(term.url) })),
    categories: label ? labelCategories(article.kind, label, terms) : terms,
    image: article.image && createFeedImage(article.image, context, article.sourcePath),
  };
}

/**
 * The kind first (its word as the term, its label as readers see it), then
 * the section and tags but one named like it: an imported column tagged
 * "Opini" says so once.
 */
function labelCategories(kind: string, label: string, terms: FeedItem['categories']): FeedItem['categories'] {
  const same = (name: string): boolean => name.localeCompare(label, undefined, { sensitivity: 'accent' }) === 0;
  return [{ term: kind, label }, ...terms.filter((term) => !same(term.label))];
}

/** The body as pages show it (local images as responsive pictures), every URL absolute. */
function createContentHtml(article: SiteArticle, url: string, context: FeedItemContext): string {
  const body = expandComponents(removeReadAlsoPlaceholders(context.bodies.html(article)), context.renderComponent);
  const html = article.live ? expandLiveUpdates(body, feedUpdateTimes(article)) : body;
  const catalog = context.images?.catalog;
  return absolutizeHtml(catalog ? catalog.body(html, article.sourcePath) : html, url, context.address);
}

/**
 * A live blog's updates with their times as the site's wall clock reads them
 * (`2026-12-07 10:46`): feeds are read in any locale, and their entries are
 * kept by what they print, which the page's date patterns are not part of.
 */
function feedUpdateTimes(article: SiteArticle): LiveUpdateView[] {
  return article.liveUpdates.map((update) => ({
    id: update.id,
    headline: update.headline,
    text: update.text,
    date: { iso: update.date.iso, display: update.date.iso.slice(0, 16).replace('T', ' ') },
  }));
}

/**
 * A lead image with its absolute URL, type and size: with the image
 * pipeline, its 16:9 share crop 1200 px wide (or the original when it is
 * smaller), which feed readers show large; otherwise the file as written,
 * with its measured size.
 */
export function createFeedImage(
  image: Image,
  context: Pick<FeedItemContext, 'address' | 'imageSizes' | 'images'>,
  owner?: string,
): FeedImage {
  const use = { src: image.src, owner, focus: image.focus };
  const shared = context.images?.catalog.share(use)?.structured[0];
  const text = { alt: image.alt, caption: image.caption, credit: image.credit };
  if (shared)
    return {
      url: shared.url,
      type: lookup(new URL(shared.url).pathname),
      width: shared.width,
      height: shared.height,
      ...text,
    };
  const original = context.images?.catalog.original(use);
  const size = findImageSize(context.imageSizes, image.src);
  return {
    url: original
      ? absolutizeHref(original, context.address.baseUrl)
      : createSiteUrl(context.address).resolveSrc(image.src),
    type: lookup(image.src.replace(/[?#].*$/, '')),
    width: size?.width ?? image.width,
    height: size?.height ?? image.height,
    ...text,
  };
}
