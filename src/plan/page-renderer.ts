import type { ResolvedConfig } from '../config/resolved-config.js';
import type { ArticleBodies } from '../content/article.js';
import { createDateFormatter } from '../i18n/format-date.js';
import { resolveStrings } from '../i18n/strings.js';
import type { ImageCatalog } from '../images/image-catalog.js';
import type { Renderer } from '../render/create-renderer.js';
import { createFeedLinks } from '../site/feed-links.js';
import type { ImageSizes } from '../site/image-size.js';
import type { Page, SiteMenus, Term } from '../site/site.js';
import { createPageView } from '../view/create-page-view.js';
import { createSiteChrome } from '../view/create-standalone-view.js';
import { createViewContext } from '../view/view-context.js';

/** What rendering a page reads besides the page: the same on the main thread and in a worker. */
export interface PageRenderInput {
  readonly config: ResolvedConfig;
  readonly renderer: Renderer;
  /** The site's sections, for the navigation on every page. */
  readonly sections: readonly Term[];
  /** The site's menus, on every page too. */
  readonly menus: SiteMenus;
  /** The site's data files by name, for every template. */
  readonly dataFiles: Readonly<Record<string, unknown>>;
  readonly imageSizes: ImageSizes;
  /** Where article bodies are read. */
  readonly bodies: ArticleBodies;
  /** The image pipeline's pictures; absent: images are linked as written. */
  readonly images?: ImageCatalog | undefined;
  /** Data from plugins' `siteModel` hooks (`site.data`). @default none */
  readonly siteData?: Readonly<Record<string, unknown>>;
}

/**
 * Renders pages to HTML with what every page of a build shares: view
 * context (with its card memo), navigation and date formatting. One per build
 * and thread; pure given its input, so a page renders to the same bytes on
 * any thread.
 */
export function createPageRenderer(input: PageRenderInput): (page: Page) => string {
  const { config, renderer } = input;
  const formatter = createDateFormatter(config.locale, config.timeZone);
  const context = createViewContext({
    config,
    strings: resolveStrings(config.locale, config.strings),
    lang: config.locale,
    formatDate: (time, pattern) => formatter.format(time, pattern),
    feeds: createFeedLinks(config.title, '/', config),
    imageSizes: input.imageSizes,
    images: input.images,
    bodies: input.bodies,
    renderComponent: renderer.renderComponent,
    dataFiles: input.dataFiles,
    ...(input.siteData ? { data: input.siteData } : {}),
  });
  const chrome = createSiteChrome(input.sections, input.menus, context);
  return (page) => renderer.render(createPageView(page, context, chrome));
}
