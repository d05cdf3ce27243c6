import type { FeedConfig } from '../config/resolved-config.js';
import { createFeedPaths, hasTermFeeds } from './feed-links.js';
import type { Site, SiteOptions } from './site.js';

/**
 * Outputs every build writes besides pages and feeds (output paths), the
 * output folder's marker (`OUTPUT_MARKER`) among them; the theme's files
 * live under `assets/`.
 */
export const ALWAYS_WRITTEN: readonly string[] = [
  'robots.txt',
  'latest.json',
  'sitemap.xml',
  '_redirects',
  '.newsgen-output',
];
/** The nginx redirect map (`NGINX_REDIRECTS_PATH`), written with `nginxRedirects: true`. */
export const NGINX_MAP_FILE = 'redirects.nginx.conf';

/** The outputs a site with `options` writes besides pages, feeds and the {@link GENERATED_PREFIXES}. */
export function listFixedFiles(options: Pick<SiteOptions, 'nginxRedirects'>): readonly string[] {
  return options.nginxRedirects ? [...ALWAYS_WRITTEN, NGINX_MAP_FILE] : ALWAYS_WRITTEN;
}
/** Output path prefixes of generated files: the theme's assets, the sitemap index's children. */
export const GENERATED_PREFIXES: readonly string[] = ['assets/', 'sitemap-'];

/** Output paths of every feed file of the site (`feed.xml`, `ekonomi/atom.xml`…): the home page's, and every listing's that has its own. */
export function listFeedFiles(site: Pick<Site, 'sections' | 'tags' | 'authors'>, feeds: FeedConfig): string[] {
  const folders = [
    '/',
    ...[...site.sections, ...site.tags, ...site.authors]
      .filter((term) => hasTermFeeds(term, feeds))
      .map((term) => term.url),
  ];
  return folders.flatMap((folder) => Object.values(createFeedPaths(folder)).map((path) => path.slice(1)));
}

/**
 * Describes the generated file (not a page) a build writes at a site path
 * (`/sitemap.xml`, `/ekonomi/feed.xml`, `/assets/newsgen.css`), or under a
 * folder (`/assets/`, for a redirect of everything below it); undefined
 * when it writes none there. `feedFiles` are the site's feed output paths
 * (see {@link listFeedFiles}), `fixedFiles` its {@link listFixedFiles}.
 */
export function describeGeneratedFile(
  sitePath: string,
  feedFiles: ReadonlySet<string>,
  fixedFiles: readonly string[] = ALWAYS_WRITTEN,
): string | undefined {
  const path = sitePath.slice(1);
  if (path.endsWith('/') || path === '')
    return path.startsWith('assets/') || 'assets/'.startsWith(path) ? "the theme's folder assets/" : undefined;
  if (fixedFiles.includes(path) || GENERATED_FILE.test(path)) return `the generated file ${path}`;
  return feedFiles.has(path) ? `the feed ${path}` : undefined;
}

/**
 * Files of {@link ALWAYS_WRITTEN} that a static file of the same name
 * replaces: the build then writes none. (A static `_redirects` is merged
 * into the build's, and is not listed among the static files.)
 */
const STATIC_REPLACES: readonly string[] = ['robots.txt'];

/**
 * Describes the file the build writes at an output path whatever the static
 * folder holds (a feed, `latest.json`, `sitemap.xml`, the marker), or
 * undefined. Exact files only: the theme's `assets/` and the child sitemaps
 * are checked where they are written.
 */
export function describeFixedOutput(
  outputPath: string,
  feedFiles: ReadonlySet<string>,
  fixedFiles: readonly string[],
): string | undefined {
  if (fixedFiles.includes(outputPath) && !STATIC_REPLACES.includes(outputPath))
    return `the generated file ${outputPath}`;
  return feedFiles.has(outputPath) ? `the feed ${outputPath}` : undefined;
}

/** {@link GENERATED_PREFIXES} as exact files: anything under `assets/`, a child sitemap at the root. */
const GENERATED_FILE = /^(?:assets\/|sitemap-[^/]*\.xml$)/;

/**
 * Describes the static file at a site path (the file itself, or the
 * `index.html` a redirect page there would be), or the first one under a
 * folder (ending in `/`, for a redirect of everything below it); undefined
 * when the static folder has none there. `shown` names a static file's
 * output path as messages show it (`static/images/a.jpg`).
 */
export function describeStaticFile(
  sitePath: string,
  staticPaths: ReadonlySet<string>,
  shown: (outputPath: string) => string,
): string | undefined {
  const path = sitePath.slice(1);
  if (path === '') return undefined;
  let file: string | undefined;
  if (path.endsWith('/')) {
    for (const candidate of staticPaths)
      if (candidate.startsWith(path)) {
        file = candidate;
        break;
      }
  } else file = [path, `${path}/index.html`].find((candidate) => staticPaths.has(candidate));
  return file === undefined ? undefined : `the static file ${shown(file)}`;
}
