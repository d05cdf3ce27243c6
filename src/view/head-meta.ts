import { stringifyEntitiesLight } from 'stringify-entities';
import type { FeedLink } from '../site/feed-links.js';
import { createJsonLd, type JsonLdImage, type JsonLdInputs } from './json-ld.js';
import { createOpenGraphLocale } from './open-graph-locale.js';
import { serializeJsonLd } from './serialize-json-ld.js';
import type { ImageView, PageView } from './view-model.js';

/** What a page's head needs beyond its view: the structured data's inputs (the logo is also the fallback share image), and feeds. */
export interface HeadExtras extends JsonLdInputs {
  /** Feeds of this page's own listing (the site-wide ones are in `site.feeds`). */
  readonly feeds: readonly FeedLink[];
}

/** The `robots` meta value: large image previews allowed; drafts and the 404 page kept out of indexes. */
export function createRobots(view: PageView): string {
  // The search page lists no content of its own: search engines have the pages it finds.
  if (view.kind === 'not-found' || view.kind === 'search' || (view.kind === 'article' && view.article.draft))
    return 'noindex';
  if (view.kind === 'page' && view.entry.draft) return 'noindex';
  return 'index, follow, max-image-preview:large';
}

/**
 * The extra head HTML of a page: the listing's own feed links, Open Graph,
 * `article:*` and Twitter card meta tags, and JSON-LD. Every attribute value
 * is escaped (see {@link createTag}); JSON-LD goes through
 * {@link serializeJsonLd}. The 404 page gets none of it.
 */
export function createHeadHtml(view: PageView, extras: HeadExtras): string {
  if (view.kind === 'not-found') return '';
  const tags: string[] = extras.feeds.map((feed) =>
    createTag('link', [
      ['rel', 'alternate'],
      ['type', feed.type],
      ['title', feed.title],
      ['href', feed.url],
    ]),
  );
  const image = pickImage(view, extras.logo);
  const meta: [string, string | number | undefined][] = [
    ['og:type', view.kind === 'article' ? 'article' : 'website'],
    ['og:title', view.page.title],
    ['og:description', view.page.description || undefined],
    ['og:url', view.page.canonical],
    ['og:site_name', view.site.title],
    ['og:locale', createOpenGraphLocale(view.site.locale)],
    ['og:image', image?.url],
    ['og:image:width', image?.width],
    ['og:image:height', image?.height],
    ['og:image:alt', image?.alt || undefined],
    ...createArticleMeta(view, extras.absolute),
  ];
  for (const [property, content] of meta)
    if (content !== undefined)
      tags.push(
        createTag('meta', [
          ['property', property],
          ['content', String(content)],
        ]),
      );
  // X reads title, description and image from the Open Graph tags above when
  // its own are absent; only the card type and the image's alt text have no
  // Open Graph fallback, so only those are repeated.
  const twitter: [string, string | undefined][] = [
    ['twitter:card', pickTwitterCard(view, image, extras.logo)],
    ['twitter:image:alt', image?.alt || undefined],
  ];
  for (const [name, content] of twitter)
    if (content !== undefined)
      tags.push(
        createTag('meta', [
          ['name', name],
          ['content', content],
        ]),
      );
  // Script content is raw text in HTML: serializeJsonLd leaves nothing in it that could end the element.
  for (const data of createJsonLd(view, extras))
    tags.push(`<script type="application/ld+json">${serializeJsonLd(data)}</script>`);
  return tags.join('\n');
}

/**
 * Characters escaped in a double-quoted attribute value: those
 * hast-util-to-html escapes there (its defaults), so the bytes are the same as
 * serialising an element tree, without building one for each of the page's tags.
 */
const ATTRIBUTE_SUBSET = ['\0', '"', '&', "'", '`'];

/** A void element (`<meta>`, `<link>`) with fixed attribute names and escaped values. */
function createTag(tagName: 'meta' | 'link', attributes: readonly (readonly [name: string, value: string])[]): string {
  let html = `<${tagName}`;
  for (const [name, value] of attributes)
    html += ` ${name}="${stringifyEntitiesLight(value, { subset: ATTRIBUTE_SUBSET })}"`;
  return `${html}>`;
}

function createArticleMeta(view: PageView, absolute: HeadExtras['absolute']): [string, string | undefined][] {
  if (view.kind !== 'article') return [];
  const { article } = view;
  return [
    ['article:published_time', article.date.iso],
    ['article:modified_time', (article.updated ?? article.date).iso],
    ['article:section', article.section.name],
    ...article.tags.map((tag): [string, string] => ['article:tag', tag.name]),
    ...article.authors.map((author): [string, string] => ['article:author', absolute(author.url)]),
  ];
}

type ShareImage = JsonLdImage & { readonly alt?: string };

/**
 * The smallest image X draws on a large card (`summary_large_image`); a
 * smaller one leaves the large card without its picture, while a summary
 * card shows it as a thumbnail.
 */
const LARGE_CARD_MIN = { width: 300, height: 157 };

/**
 * The X card type: a large picture for a page's own image (a lead or page
 * image at least {@link LARGE_CARD_MIN}, or of unknown size), and the summary
 * card's square thumbnail for the logo, an author's avatar (a portrait a
 * 2:1 large card would cut through) and a small image.
 */
function pickTwitterCard(view: PageView, image: ShareImage | undefined, logo: JsonLdImage | undefined): string {
  if (!image || image === logo || view.kind === 'list') return 'summary';
  const small =
    (image.width !== undefined && image.width < LARGE_CARD_MIN.width) ||
    (image.height !== undefined && image.height < LARGE_CARD_MIN.height);
  return small ? 'summary' : 'summary_large_image';
}

/** The article's lead image, the author's avatar, or the publisher's logo. */
function pickImage(view: PageView, logo: JsonLdImage | undefined): ShareImage | undefined {
  const own: ImageView | undefined =
    view.kind === 'article'
      ? view.article.image
      : view.kind === 'list'
        ? view.author?.avatar
        : view.kind === 'page'
          ? view.entry.image
          : undefined;
  // The 1200 × 630 crop when the image pipeline made one: the size link previews are drawn at.
  const share = own?.share?.openGraph;
  if (own && share) return { url: share.url, width: share.width, height: share.height, alt: own.alt };
  if (own) return { url: own.absoluteUrl, width: own.width, height: own.height, alt: own.alt };
  return logo;
}
