import { hashBytes } from '../hash/hash-bytes.js';
import type { SiteHistory } from '../incremental/history.js';
import { type PageDependents, remapDependents } from '../incremental/page-dependents.js';
import type { PublishedSite } from '../incremental/patch-publish.js';
import { urlToKnownOutputPath, urlToOutputPath } from '../output/resolve-output-path.js';
import {
  createPagePlanner,
  fingerprintGroup,
  orderPages,
  type PlanInput,
  type PlannedOutput,
  planPage,
} from '../plan/plan-outputs.js';
import { termsOf } from '../site/collect-terms.js';
import type { OutputGroup } from '../syndication/create-feeds.js';
import { planFeeds } from '../syndication/create-feeds.js';
import { planSitemapUpdate, type SitemapMonths } from '../syndication/create-sitemaps.js';
import { createLatestJson } from '../syndication/latest-json.js';
import { type ImageFileChanges, withFreshImageFiles } from './image-file-changes.js';
import { type RenderPlan, recordFingerprints } from './render-plan.js';

/**
 * The outputs of a publish patch (see `patchPublish`), as a partial plan:
 * the pages it names (the article's own, the listing pages that differ, the
 * term indexes), the site's feed and its listings' feeds, the sitemap index,
 * the listings', news and the article's month's sitemaps, `latest.json`
 * (the patch has no redirects, and the config and theme are the last
 * build's), and the image files that are new (`images`: the article's
 * page-bundle photos, derived files no article showed before).
 * Every other output of the last build stays as it is without being looked
 * at; the pages it removed, sitemap files the site no longer has and image
 * files no page shows any more are deleted. The dependents index is the
 * last one renumbered (worked out once the files are written), the history
 * the last one with one link more or less (`history`).
 */
export function planPublish(
  input: PlanInput,
  publish: PublishedSite,
  lastDependents: PageDependents,
  history: () => SiteHistory,
  images: ImageFileChanges,
  lastSitemaps: SitemapMonths | undefined,
): RenderPlan {
  const { site, previous } = input;
  const { article } = publish;
  const sitemaps = planSitemapUpdate(site, input.config, {
    months: new Set([article.date.iso.slice(0, 7)]),
    last: lastSitemaps,
    lastPages: publish.lastPages,
  });
  input.keepSitemapMonths?.(sitemaps.months);
  const files = new Set(sitemaps.files);
  const gone = publish.removed.map(urlToKnownOutputPath);
  for (const path of previous.keys())
    if (path.startsWith('sitemap') && path.endsWith('.xml') && !files.has(path)) gone.push(path);
  gone.push(...images.gone);
  const listings = new Set(termsOf(article).map((term) => term.url));
  const feeds = planFeeds(
    site,
    input.config,
    input.staticInfo.imageSizes ?? new Map(),
    input.bodies,
    input.images,
    input.renderer.renderComponent,
    listings,
    input.feedEntries,
  );
  const fingerprints = new Map<string, string>();
  const change = `publish ${publish.change} ${article.sourcePath}`;
  return {
    outputs: recordFingerprints(
      withFreshImageFiles(planChanges(input, publish, [...feeds, ...sitemaps.groups]), images.fresh),
      fingerprints,
    ),
    incremental: true,
    partial: true,
    deleted: [...gone.filter((path) => previous.has(path)), ...images.derivedGone],
    derived: { groups: images.groups, gone: images.derivedGone },
    unchanged: undefined,
    fingerprints,
    dependents: () => remapDependents(lastDependents, { ...publish, pages: site.pages }, pagePath, change),
    history,
    close: async () => undefined,
  };
}

/** The changed pages (front pages first), then the groups and generated files whose bytes may differ. */
async function* planChanges(
  input: PlanInput,
  publish: PublishedSite,
  groups: readonly OutputGroup[],
): AsyncGenerator<PlannedOutput> {
  const { site, previous } = input;
  const { render, fingerprintPage } = createPagePlanner(input);
  const indexes = new Set<number>();
  for (const [index, page] of site.pages.entries()) if (publish.changed.has(page)) indexes.add(index);
  for (const page of orderPages(site.pages, indexes)) yield planPage(input, page, fingerprintPage, render);
  const known = new Set(previous.values());
  for (const group of groups) {
    const fingerprint = fingerprintGroup(input, group);
    if (known.has(fingerprint)) continue;
    for (const file of await group.render()) yield { path: file.path, fingerprint, contents: file.contents };
  }
  // Redirect files and robots.txt are the last build's: a publish patch has no redirects and changes no config.
  const latest = createLatestJson(site, input.config);
  const fingerprint = hashBytes(latest.contents);
  if (previous.get(latest.path) !== fingerprint) yield { path: latest.path, fingerprint, contents: latest.contents };
}

function pagePath(page: { readonly url: string }): string {
  return urlToOutputPath(page.url);
}
