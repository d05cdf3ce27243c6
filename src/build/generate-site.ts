import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Article } from '../content/article.js';
import type { SourceFile } from '../content/source-file.js';
import { compareDiagnostics, createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { createDateFormatter } from '../i18n/format-date.js';
import { createRelativeTimeScript } from '../i18n/relative-time-script.js';
import { resolveStrings } from '../i18n/strings.js';
import type { MarkdownProcessor } from '../markdown/create-processor.js';
import type { OutputFile } from '../output/output-file.js';
import { urlToOutputPath } from '../output/resolve-output-path.js';
import type { Renderer } from '../render/create-renderer.js';
import { buildSite } from '../site/build-site.js';
import type { AuthorProfile, Site } from '../site/site.js';
import { createFeedLinks, createFeeds } from '../syndication/create-feeds.js';
import { createSitemaps } from '../syndication/create-sitemaps.js';
import type { ImageSizes } from '../syndication/image-size.js';
import { createRobotsTxt } from '../syndication/robots-txt.js';
import { createNav, createPageView } from '../view/create-page-view.js';
import { createViewContext } from '../view/view-context.js';
import { processSource } from './process-article.js';

/** What a generated site consists of, before anything is written. */
export interface GeneratedSite {
  readonly site: Site;
  readonly files: readonly OutputFile[];
  readonly warnings: readonly Diagnostic[];
}

/** What the build knows about the static folder, read at the I/O edge. */
export interface StaticInfo {
  /** Sizes of its images, keyed by site URL path (`/images/a.jpg`). */
  readonly imageSizes?: ImageSizes;
  /** Output paths it provides (`robots.txt`); generated files yield to them where that makes sense. */
  readonly paths?: ReadonlySet<string>;
}

/**
 * The pure middle of a build: content files in, output files out
 * (parse → validate → markdown → model → render). Every content problem of
 * every file is collected; if there is any, a NewsgenError carrying all of
 * them is thrown and nothing is produced.
 */
export function generateSite(config: ResolvedConfig, sources: readonly SourceFile[], processor: MarkdownProcessor, renderer: Renderer, staticInfo: StaticInfo = {}): GeneratedSite {
  const articles: Article[] = [];
  const profiles = new Map<string, AuthorProfile>();
  const diagnostics: Diagnostic[] = [];
  const displayPaths = new Map<string, string>(sources.map((source) => [source.path, source.displayPath]));
  for (const source of sources) {
    const result = processSource(source, { timeZone: config.timeZone }, processor);
    if (result.kind === 'article') articles.push(result.article);
    else if (result.kind === 'failed') diagnostics.push(...result.diagnostics);
    else addProfile(profiles, result.profile, source.displayPath, diagnostics);
  }
  failOnErrors(diagnostics, 'content');
  const { site, diagnostics: collisions } = buildSite(articles, profiles, config, (article) => displayPaths.get(article.sourcePath) ?? article.sourcePath);
  failOnErrors(collisions, 'content');
  const strings = resolveStrings(config.locale, config.strings);
  const formatter = createDateFormatter(config.locale, config.timeZone);
  const context = createViewContext({
    config,
    strings,
    lang: config.locale,
    formatDate: (time, pattern) => formatter.format(time, pattern),
    relativeTimeScript: createRelativeTimeScript(config.locale),
    feeds: createFeedLinks(config.title, '/', config),
    imageSizes: staticInfo.imageSizes ?? new Map(),
  });
  const nav = createNav(site.sections, context);
  const files: OutputFile[] = site.pages.map((page) => ({ path: urlToOutputPath(page.url), contents: renderer.render(createPageView(page, context, nav)) }));
  files.push(...renderer.assets);
  files.push(...createFeeds(site, config, staticInfo.imageSizes ?? new Map()), ...createSitemaps(site, config));
  if (!staticInfo.paths?.has('robots.txt')) files.push({ path: 'robots.txt', contents: createRobotsTxt(config) });
  return { site, files, warnings: [] };
}

function addProfile(profiles: Map<string, AuthorProfile>, profile: AuthorProfile, file: string, diagnostics: Diagnostic[]): void {
  const existing = profiles.get(profile.slug);
  if (!existing) {
    profiles.set(profile.slug, profile);
    return;
  }
  diagnostics.push(createDiagnostic({ file, place: { line: 2, column: 1 }, reason: `Unexpected second profile for author "${profile.name}", already in ${existing.sourcePath}`, ruleId: 'duplicate-author', cause: { file: existing.sourcePath } }));
}

function failOnErrors(diagnostics: readonly Diagnostic[], stage: string): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return;
  const files = new Set(errors.map((d) => d.file)).size;
  throw new NewsgenError(`Build failed: ${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in ${files} ${files === 1 ? 'file' : 'files'} (${stage})`, {
    code: 'build-failed',
    diagnostics: [...errors].sort(compareDiagnostics),
  });
}
