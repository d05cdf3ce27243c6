import type { ResolvedConfig } from '../config/resolved-config.js';
import type { ArticleBodies, Image } from '../content/article.js';
import { yearAt } from '../i18n/zone-clock.js';
import type { ImageCatalog } from '../images/image-catalog.js';
import type { ImageSlot } from '../images/images-config.js';
import type { RenderComponent } from '../markdown/expand-components.js';
import { FEED_TYPES } from '../site/feed-links.js';
import { findImageSize, type ImageSize, type ImageSizes } from '../site/image-size.js';
import type { SiteArticle } from '../site/site.js';
import { SEARCH_PAGE_URL } from '../url/reserved-folders.js';
import { createSiteUrl } from '../url/site-url.js';
import { createSiteIcon } from './site-icon.js';
import type { ArticleCardView, DateView, FeedLinkView, ImageView, SiteView } from './view-model.js';

/** Everything turning pages into template data needs; built once per build. */
export interface ViewContext {
  readonly config: ResolvedConfig;
  readonly strings: Readonly<Record<string, string>>;
  readonly site: SiteView;
  /** Formats an instant with a token pattern in the site's locale and zone. */
  formatDate(time: number, pattern: string): string;
  /** Writes a number as the locale writes it, its digits and no grouping (`٢`, not `2`, in `ar-EG`; `2026`, not `2,026`). */
  formatNumber(value: number): string;
  /** Root-relative href for a URL path without the base path (`/x/` → `/warta/x/`). */
  href(urlPath: string): string;
  /** Absolute URL for a URL path without the base path. */
  absolute(urlPath: string): string;
  /** Absolute URL for a root-relative href that carries the base path already (`/warta/x/`). */
  absoluteHref(href: string): string;
  /** Absolute URL for an image or link source as written: `https:` URLs as they are, else a site path. */
  resolveSrc(src: string): string;
  /** Measured size of a site-relative image source, if known. */
  imageSize(src: string): ImageSize | undefined;
  /** The image pipeline's pictures, when it runs for this build. */
  readonly images: ImageCatalog | undefined;
  /** Where article bodies are read. */
  readonly bodies: ArticleBodies;
  /** The theme's markup for the components in bodies; absent: they are left out. */
  readonly renderComponent: RenderComponent | undefined;
  /** The site's data files by name, for every template (`data.<name>`). */
  readonly dataFiles: Readonly<Record<string, unknown>>;
  /**
   * Card views made so far with this context, by article: a card appears on
   * many pages (listings, related blocks, other news) and is the same on each.
   * A context lives for one build, so edits between builds are never missed.
   */
  readonly cards: Map<SiteArticle, ArticleCardView>;
}

/** Builds the view context from the config and the per-build helpers. */
export function createViewContext(input: {
  config: ResolvedConfig;
  strings: Readonly<Record<string, string>>;
  lang: string;
  formatDate: (time: number, pattern: string) => string;
  feeds?: readonly Omit<FeedLinkView, 'label'>[];
  /** Sizes of the static folder's images, keyed by site URL path (`/images/a.jpg`). */
  imageSizes?: ImageSizes;
  /** The image pipeline's pictures (absent: images are linked as written). */
  images?: ImageCatalog | undefined;
  /** Where article bodies are read. */
  bodies: ArticleBodies;
  /** The theme's markup for components (`Renderer.renderComponent`). @default components left out */
  renderComponent?: RenderComponent;
  /** The site's data files by name. @default {} */
  dataFiles?: Readonly<Record<string, unknown>>;
  /** Data from plugins' `siteModel` hooks, for `site.data`. @default none */
  data?: Readonly<Record<string, unknown>>;
}): ViewContext {
  const { config } = input;
  const siteUrl = createSiteUrl(config);
  const { href, absolute } = siteUrl;
  const sizes: ImageSizes = input.imageSizes ?? new Map();
  const site: SiteView = {
    title: config.title,
    description: config.description,
    lang: input.lang,
    rtl: isRightToLeft(input.lang),
    locale: config.locale,
    timeZone: config.timeZone,
    baseUrl: config.baseUrl,
    homeUrl: href('/'),
    cssUrl: href('/assets/newsgen.css'),
    assetsUrl: href('/assets/'),
    searchUrl: config.search ? href(SEARCH_PAGE_URL) : undefined,
    nav: [],
    menus: { main: [], footer: [] },
    strings: input.strings,
    publisher: {
      name: config.publisher.name,
      logo: config.publisher.logo === undefined ? undefined : resolveSrc(config.publisher.logo, href),
    },
    logo: config.publisher.logo === undefined ? undefined : createLogo(config.publisher.logo, href, sizes),
    icon: createSiteIcon({ title: config.title, icon: config.publisher.icon, color: config.publisher.color }, href),
    themeColor: config.publisher.color,
    year: yearAt(config.now.getTime(), config.timeZone),
    feeds: (input.feeds ?? []).map((feed) => ({ ...feed, label: FEED_LABELS[feed.type] ?? feed.title })),
    data: input.data ?? {},
  };
  return {
    config,
    strings: input.strings,
    site,
    formatDate: input.formatDate,
    formatNumber: createNumberFormatter(config.locale),
    href,
    absolute,
    absoluteHref: siteUrl.absoluteHref,
    resolveSrc: siteUrl.resolveSrc,
    imageSize: (src) => findImageSize(sizes, src),
    images: input.images,
    bodies: input.bodies,
    renderComponent: input.renderComponent,
    dataFiles: input.dataFiles ?? {},
    cards: new Map(),
  };
}

/**
 * The locale's digits, as `{{t}}` writes a count and the dates write theirs:
 * page and table numbers in Latin digits stood beside Arabic-Indic dates.
 */
function createNumberFormatter(locale: string): (value: number) => string {
  const format = new Intl.NumberFormat(locale, { useGrouping: false });
  return (value) => format.format(value);
}

/** A date with its machine and display forms, using the locale's patterns. */
export function createDateView(
  context: ViewContext,
  instant: { readonly time: number; readonly iso: string },
): DateView {
  return {
    iso: instant.iso,
    display: context.formatDate(instant.time, context.strings['datePattern'] ?? 'YYYY-MM-DD HH:mm z'),
    short: context.formatDate(instant.time, context.strings['dateShortPattern'] ?? 'YYYY-MM-DD'),
  };
}

/**
 * Image data for a slot: the image pipeline's responsive picture of a local
 * image when the build has one (`context.images`), else the source as
 * written with the base path applied and the measured size, or a remote
 * image's size from front matter. `owner` is the content path of the article
 * that shows it: a page bundle's relative paths resolve beside it.
 */
export function createImageView(
  context: ViewContext,
  image: Image,
  slot: ImageSlot = 'card',
  owner?: string | undefined,
): ImageView {
  const use = { src: image.src, owner, focus: image.focus };
  const picture = context.images?.picture(use, slot);
  const text = { alt: image.alt, caption: image.caption, credit: image.credit };
  if (picture) {
    const share = slot === 'lead' ? context.images?.share(use) : undefined;
    return {
      src: picture.src,
      absoluteUrl: absolutize(picture.src, context),
      ...text,
      width: picture.width,
      height: picture.height,
      srcset: picture.srcset,
      sizes: picture.sizes,
      sources: picture.sources,
      share: share && { structured: share.structured, openGraph: share.openGraph },
    };
  }
  const src = context.images?.original(use) ?? resolveSrc(image.src, context.href);
  const size = context.imageSize(image.src);
  return {
    src,
    absoluteUrl: absolutize(src, context),
    ...text,
    width: size?.width ?? image.width,
    height: size?.height ?? image.height,
  };
}

function absolutize(src: string, context: ViewContext): string {
  return /^https?:/i.test(src) ? src : context.absoluteHref(encodeURI(src));
}

/** Short names of the feed formats, for the footer (the full titles repeat the site's name). */
const FEED_LABELS: Readonly<Record<string, string>> = {
  [FEED_TYPES.rss]: 'RSS',
  [FEED_TYPES.atom]: 'Atom',
  [FEED_TYPES.json]: 'JSON Feed',
};

function createLogo(src: string, href: (urlPath: string) => string, sizes: ImageSizes): SiteView['logo'] {
  const size = findImageSize(sizes, src);
  return { src: resolveSrc(src, href), width: size?.width, height: size?.height };
}

function resolveSrc(src: string, href: (urlPath: string) => string): string {
  return /^https?:\/\//i.test(src) ? src : href(src.startsWith('/') ? src : `/${src}`);
}

/** Whether a language is written right to left, as CLDR says (`Intl.Locale` text info). */
function isRightToLeft(lang: string): boolean {
  try {
    const locale = new Intl.Locale(lang) as Intl.Locale & {
      getTextInfo?: () => { direction?: string };
      textInfo?: { direction?: string };
    };
    return (locale.getTextInfo?.() ?? locale.textInfo)?.direction === 'rtl';
  } catch {
    return false;
  }
}
