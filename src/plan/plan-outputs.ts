import type { ResolvedConfig } from '../config/resolved-config.js';
import type { ArticleBodies } from '../content/article.js';
import { hashBytes } from '../hash/hash-bytes.js';
import type { SiteImages } from '../images/site-images.js';
import type { OutputFile } from '../output/output-file.js';
import { urlToOutputPath } from '../output/resolve-output-path.js';
import type { Renderer } from '../render/create-renderer.js';
import { describeTerm } from '../site/describe-article.js';
import type { ImageSizes } from '../site/image-size.js';
import type { Page, Site } from '../site/site.js';
import { type OutputGroup, planFeeds } from '../syndication/create-feeds.js';
import { planSitemapUpdate, type SitemapMonths } from '../syndication/create-sitemaps.js';
import type { FeedEntryMemo } from '../syndication/feed-entry-memo.js';
import { createLatestJson } from '../syndication/latest-json.js';
import { createRedirectFiles } from '../syndication/redirect-files.js';
import { createRobotsTxt } from '../syndication/robots-txt.js';
import { DRAWN_ICON_PATH, drawSiteIcon } from '../view/site-icon.js';
import { createPageFingerprinter } from './fingerprint-page.js';
import { createPageRenderer } from './page-renderer.js';

/** What the build knows about the static folder, read at the I/O edge. */
export interface StaticInfo {
  /** Sizes of its images, keyed by site URL path (`/images/a.jpg`). */
  readonly imageSizes?: ImageSizes;
  /** Output paths it provides (`robots.txt`); generated files yield to them where that makes sense. */
  readonly paths?: ReadonlySet<string>;
  /** The text of `static/_redirects`, merged into the `_redirects` the build writes. */
  readonly hostRedirects?: string | undefined;
}

/** One output of the site: its path, a fingerprint of everything it is made from, and its bytes when rendered. */
export interface PlannedOutput {
  readonly path: string;
  readonly fingerprint: string;
  /** Present when rendered: always for new or changed inputs, never for unchanged ones. */
  readonly contents: string | Uint8Array | undefined;
  /**
   * What the output state keeps instead of a hash of `contents`, when the
   * fingerprint already names the bytes: an image file (a derived file's key,
   * an original's size and mtime), as a static file is kept by its stamp.
   */
  readonly hash?: string;
  /**
   * A derived image file: neither its hash nor its fingerprint is kept by
   * path, as its photo's group names it (see `DerivedGroups`).
   */
  readonly derived?: true;
  /** The page this output renders, when it is one. */
  readonly page?: Page;
}

/** What planning the outputs of a build reads. */
export interface PlanInput {
  readonly site: Site;
  readonly config: ResolvedConfig;
  readonly renderer: Renderer;
  readonly staticInfo: StaticInfo;
  /** Fingerprints of the last build's outputs; empty to render everything. */
  readonly previous: ReadonlyMap<string, string>;
  /** Fingerprint of everything outside the site model that pages depend on (config, theme, static files). */
  readonly settings: string;
  /** Digest of the site's structure (see `describeSiteStructure`); computed when absent. */
  readonly structure?: string | undefined;
  /**
   * The only pages to plan, as indexes into `site.pages`, when the site's
   * structure is known to equal the last build's and the caller keeps every
   * other page as that build left it (see `page-dependents`). Absent: every
   * page is planned.
   */
  readonly onlyPages?: ReadonlySet<number> | undefined;
  /** Where article bodies and their digests are read. */
  readonly bodies: ArticleBodies;
  /** The site's data files by name (`data.<name>` in templates); part of `settings`. @default {} */
  readonly dataFiles?: Readonly<Record<string, unknown>>;
  /** The image pipeline's pictures and image identities; absent: images are linked as written. */
  readonly images?: SiteImages | undefined;
  /** Data from plugins' `siteModel` hooks (`site.data`); its hash is part of `settings`. @default none */
  readonly siteData?: Readonly<Record<string, unknown>>;
  /** Feed entries an earlier build of the session wrote under the same `settings`. @default none */
  readonly feedEntries?: FeedEntryMemo | undefined;
  /** Told where the monthly sitemap files are once they are planned, for a session's next publish. @default none */
  readonly keepSitemapMonths?: ((months: SitemapMonths) => void) | undefined;
}

/** Every sitemap of the site, telling `keepSitemapMonths` where the monthly files are. */
function planSitemapGroups(input: PlanInput): OutputGroup[] {
  const { groups, months } = planSitemapUpdate(input.site, input.config, undefined);
  input.keepSitemapMonths?.(months);
  return groups;
}

/**
 * The `render` stage as a stream: every output file of the site (of the
 * pages, only `onlyPages` when given), listing pages first (page 1 of the
 * home page and of each section first of all, so an editor sees them
 * soonest), then articles, then feeds, sitemaps and assets. A page's fingerprint (see
 * `fingerprintPage`) covers everything its template data is made from; when
 * it equals `previous[path]`, the page is neither built into a view nor
 * rendered again. Lazy, so a large site never holds all of its HTML at once.
 * Pure given the renderer.
 */
export async function* planOutputs(input: PlanInput): AsyncGenerator<PlannedOutput> {
  const { render, fingerprintPage } = createPagePlanner(input);
  for (const page of orderPages(input.site.pages, input.onlyPages))
    yield planPage(input, page, fingerprintPage, render);
  yield* planOtherOutputs(input);
}

const RANK_ARTICLE = 3;

/** One page's output: kept (no contents) when its fingerprint is unchanged; rendered with `render` when given. */
export function planPage(
  input: PlanInput,
  page: Page,
  fingerprintPage: (page: Page) => string,
  render: ((page: Page) => string) | undefined,
): PlannedOutput {
  const { previous } = input;
  const path = urlToOutputPath(page.url);
  const fingerprint = fingerprintPage(page);
  return {
    path,
    fingerprint,
    contents: previous.get(path) === fingerprint || !render ? undefined : render(page),
    page,
  };
}

/** Feeds, sitemaps, `latest.json`, redirects, robots.txt and theme assets: everything but pages. */
export async function* planOtherOutputs(input: PlanInput): AsyncGenerator<PlannedOutput> {
  const { site, config, renderer, staticInfo, previous } = input;
  const groups: OutputGroup[] = [
    ...planFeeds(
      site,
      config,
      staticInfo.imageSizes ?? new Map(),
      input.bodies,
      input.images,
      renderer.renderComponent,
      undefined,
      input.feedEntries,
    ),
    ...planSitemapGroups(input),
  ];
  const previousByFingerprint = groupPaths(previous);
  for (const group of groups) {
    const fingerprint = fingerprintGroup(input, group);
    const kept = previousByFingerprint.get(fingerprint);
    if (kept) for (const path of kept) yield { path, fingerprint, contents: undefined };
    else for (const file of await group.render()) yield { path: file.path, fingerprint, contents: file.contents };
  }
  yield* planAssets(input);
  const generated = [createLatestJson(site, config), ...createRedirectFiles(site, config, staticInfo.hostRedirects)];
  if (!staticInfo.paths?.has('robots.txt')) generated.push({ path: 'robots.txt', contents: createRobotsTxt(config) });
  const icon = planDrawnIcon(config, staticInfo, renderer);
  if (icon) generated.push(icon);
  for (const file of generated) {
    const fingerprint = hashBytes(file.contents);
    yield {
      path: file.path,
      fingerprint,
      contents: previous.get(file.path) === fingerprint ? undefined : file.contents,
    };
  }
}

/**
 * The drawn favicon the pages link to when the site configures no icon,
 * unless the static folder or the theme provides that file itself.
 */
function planDrawnIcon(config: ResolvedConfig, staticInfo: StaticInfo, renderer: Renderer): OutputFile | undefined {
  if (config.publisher.icon !== undefined) return undefined;
  if (staticInfo.paths?.has(DRAWN_ICON_PATH) || renderer.assetPaths.includes(DRAWN_ICON_PATH)) return undefined;
  return { path: DRAWN_ICON_PATH, contents: drawSiteIcon({ title: config.title, color: config.publisher.color }) };
}

/**
 * The theme's assets, fingerprinted by the theme (which covers every
 * asset's bytes) so that a build with the theme unchanged keeps them without
 * loading the minifier.
 */
function* planAssets(input: PlanInput): Generator<PlannedOutput> {
  const { renderer, previous } = input;
  const fingerprint = hashBytes(`${input.settings}\nassets\n${renderer.fingerprint}`);
  if (renderer.assetPaths.every((path) => previous.get(path) === fingerprint))
    for (const path of renderer.assetPaths) yield { path, fingerprint, contents: undefined };
  else for (const file of renderer.assets) yield { path: file.path, fingerprint, contents: file.contents };
}

/**
 * The outputs of an edit that left the model as it was (only article bodies
 * changed): the edited pages, then the feeds whose items changed. Every
 * other output of the last build stays as it is and is not planned at all.
 */
export async function* planBodyEdit(
  input: PlanInput & { readonly pages: ReadonlySet<Page> },
): AsyncGenerator<PlannedOutput> {
  const { render, fingerprintPage } = createPagePlanner(input);
  for (const page of input.pages)
    yield { path: urlToOutputPath(page.url), fingerprint: fingerprintPage(page), contents: render(page) };
  yield* planChangedFeeds(input);
}

async function* planChangedFeeds(input: PlanInput): AsyncGenerator<PlannedOutput> {
  const previousFingerprints = new Set(input.previous.values());
  for (const group of planFeeds(
    input.site,
    input.config,
    input.staticInfo.imageSizes ?? new Map(),
    input.bodies,
    input.images,
    input.renderer.renderComponent,
    undefined,
    input.feedEntries,
  )) {
    const fingerprint = fingerprintGroup(input, group);
    if (previousFingerprints.has(fingerprint)) continue;
    for (const file of await group.render()) yield { path: file.path, fingerprint, contents: file.contents };
  }
}

/** A group of files (feeds, sitemaps) is rendered again only when its key or the settings change. */
export function fingerprintGroup(input: PlanInput, group: OutputGroup): string {
  return hashBytes(`${input.settings}\n${group.key}`);
}

/** Renders and fingerprints pages with what every page shares: view context, navigation, settings. */
export function createPagePlanner(input: PlanInput): {
  render: (page: Page) => string;
  fingerprintPage: (page: Page) => string;
} {
  const { site, config, renderer, staticInfo } = input;
  return {
    render: createPageRenderer({
      config,
      renderer,
      sections: site.sections,
      menus: site.menus,
      dataFiles: input.dataFiles ?? {},
      imageSizes: staticInfo.imageSizes ?? new Map(),
      bodies: input.bodies,
      images: input.images?.catalog,
      ...(input.siteData ? { siteData: input.siteData } : {}),
    }),
    // Section navigation and the menus are on every page, so they are part of every page's fingerprint.
    fingerprintPage: createPageFingerprinter(
      hashBytes(`${input.settings}\n${site.sections.map(describeTerm).join('\n')}\n${JSON.stringify(site.menus)}`),
      input.bodies,
      input.images,
      config.now.getTime(),
    ),
  };
}

/** Output paths by the fingerprint they were written with: a group's files share one. */
function groupPaths(previous: ReadonlyMap<string, string>): Map<string, string[]> {
  const byFingerprint = new Map<string, string[]>();
  for (const [path, fingerprint] of previous) {
    const paths = byFingerprint.get(fingerprint);
    if (paths) paths.push(path);
    else byFingerprint.set(fingerprint, [path]);
  }
  return byFingerprint;
}

/**
 * The front pages an editor checks first (page 1 of the home page and of each
 * section), then the rest of the home and section listings, other listings,
 * articles, and the rest.
 */
export function orderPages(pages: readonly Page[], only?: ReadonlySet<number>): Page[] {
  const chosen = only
    ? [...only].map((index) => ({ page: pages[index] as Page, index }))
    : pages.map((page, index) => ({ page, index }));
  return chosen
    .map(({ page, index }) => ({ page, index, rank: rankPage(page) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ page }) => page);
}

function rankPage(page: Page): number {
  if (page.kind === 'home' || (page.kind === 'list' && page.taxonomy === 'section'))
    return page.pagination.number === 0 ? 0 : 1;
  return page.kind === 'article' ? RANK_ARTICLE : 2;
}
