import { hashBytes } from '../hash/hash-bytes.js';
import { urlToOutputPath } from '../output/resolve-output-path.js';
import { describeTerm } from '../site/describe-article.js';
import type { Page } from '../site/site.js';
import { planFeeds } from '../syndication/create-feeds.js';
import { createPageFingerprinter } from './fingerprint-page.js';
import { createPageRenderer } from './page-renderer.js';
import type { PlanInput, PlannedOutput } from './plan-input.js';
import { fingerprintGroup, planOtherOutputs } from './plan-other-outputs.js';

export type { PlanInput, PlannedOutput, StaticInfo } from './plan-input.js';
export { fingerprintGroup, planOtherOutputs } from './plan-other-outputs.js';

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
