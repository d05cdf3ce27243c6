import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Image } from '../content/article.js';
import type { DateView, ImageView, SiteView } from '../render/view-model.js';

/** Everything turning pages into template data needs; built once per build. */
export interface ViewContext {
  readonly config: ResolvedConfig;
  readonly strings: Readonly<Record<string, string>>;
  readonly site: SiteView;
  /** Formats an instant with a token pattern in the site's locale and zone. */
  formatDate(time: number, pattern: string): string;
  /** Root-relative href for a URL path without the base path (`/x/` → `/warta/x/`). */
  href(urlPath: string): string;
  /** Absolute URL for a URL path without the base path. */
  absolute(urlPath: string): string;
}

/** Builds the view context from the config and the per-build helpers. */
export function createViewContext(input: {
  config: ResolvedConfig;
  strings: Readonly<Record<string, string>>;
  lang: string;
  formatDate: (time: number, pattern: string) => string;
  relativeTimeScript: string;
  feeds?: SiteView['feeds'];
}): ViewContext {
  const { config } = input;
  const href = (urlPath: string) => config.basePath + urlPath.replace(/^\//, '');
  const absolute = (urlPath: string) => new URL(encodeURI(href(urlPath)), config.baseUrl).href;
  const site: SiteView = {
    title: config.title,
    description: config.description,
    lang: input.lang,
    locale: config.locale,
    timeZone: config.timeZone,
    baseUrl: config.baseUrl,
    homeUrl: href('/'),
    cssUrl: href('/assets/newsgen.css'),
    nav: [],
    strings: input.strings,
    publisher: { name: config.publisher.name, logo: config.publisher.logo === undefined ? undefined : resolveSrc(config.publisher.logo, href) },
    relativeTimeScript: input.relativeTimeScript,
    feeds: input.feeds ?? [],
  };
  return { config, strings: input.strings, site, formatDate: input.formatDate, href, absolute };
}

/** A date with its machine and display forms, using the locale's patterns. */
export function createDateView(context: ViewContext, instant: { readonly time: number; readonly iso: string }): DateView {
  return {
    iso: instant.iso,
    display: context.formatDate(instant.time, context.strings['datePattern'] ?? 'YYYY-MM-DD HH:mm z'),
    short: context.formatDate(instant.time, context.strings['dateShortPattern'] ?? 'YYYY-MM-DD'),
  };
}

/** Image data with the base path applied to site-relative sources. */
export function createImageView(context: ViewContext, image: Image): ImageView {
  const src = resolveSrc(image.src, context.href);
  return {
    src,
    absoluteUrl: /^https?:/i.test(src) ? src : new URL(encodeURI(src), context.config.baseUrl).href,
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
    width: undefined,
    height: undefined,
  };
}

function resolveSrc(src: string, href: (urlPath: string) => string): string {
  return /^https?:\/\//i.test(src) ? src : href(src.startsWith('/') ? src : `/${src}`);
}
