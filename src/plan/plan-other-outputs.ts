import type { ResolvedConfig } from '../config/resolved-config.js';
import { hashBytes } from '../hash/hash-bytes.js';
import type { OutputFile } from '../output/output-file.js';
import type { Renderer } from '../render/create-renderer.js';
import { type OutputGroup, planFeeds } from '../syndication/create-feeds.js';
import { planSitemapUpdate } from '../syndication/create-sitemaps.js';
import { createLatestJson } from '../syndication/latest-json.js';
import { planRedirectFiles } from '../syndication/redirect-files.js';
import { createRobotsTxt } from '../syndication/robots-txt.js';
import { DRAWN_ICON_PATH, drawSiteIcon } from '../view/site-icon.js';
import type { PlanInput, PlannedOutput, StaticInfo } from './plan-input.js';

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
  for (const group of groups) yield* planGroup(input, group, previousByFingerprint);
  yield* planAssets(input);
  yield* planByContents(previous, [createLatestJson(site, config)]);
  const redirects = planRedirectFiles(site, config, staticInfo.hostRedirects, input.redirectFiles);
  if (redirects) yield* planGroup(input, redirects, previousByFingerprint);
  const generated: OutputFile[] = [];
  if (!staticInfo.paths?.has('robots.txt')) generated.push({ path: 'robots.txt', contents: createRobotsTxt(config) });
  const icon = planDrawnIcon(config, staticInfo, renderer);
  if (icon) generated.push(icon);
  yield* planByContents(previous, generated);
}

/** A group's files: kept when the last build wrote them under the group's fingerprint, else rendered. */
async function* planGroup(
  input: PlanInput,
  group: OutputGroup,
  previousByFingerprint: ReadonlyMap<string, readonly string[]>,
): AsyncGenerator<PlannedOutput> {
  const fingerprint = fingerprintGroup(input, group);
  const kept = previousByFingerprint.get(fingerprint);
  if (kept) for (const path of kept) yield { path, fingerprint, contents: undefined };
  else for (const file of await group.render()) yield { path: file.path, fingerprint, contents: file.contents };
}

/** Small files made whole every build, each fingerprinted by its bytes. */
function* planByContents(
  previous: ReadonlyMap<string, string>,
  files: readonly OutputFile[],
): Generator<PlannedOutput> {
  for (const file of files) {
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

/** A group of files (feeds, sitemaps) is rendered again only when its key or the settings change. */
export function fingerprintGroup(input: PlanInput, group: OutputGroup): string {
  return hashBytes(`${input.settings}\n${group.key}`);
}

/** Every sitemap of the site, telling `keepSitemapMonths` where the monthly files are. */
function planSitemapGroups(input: PlanInput): OutputGroup[] {
  const { groups, months } = planSitemapUpdate(input.site, input.config, undefined);
  input.keepSitemapMonths?.(months);
  return groups;
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
