import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { parseDate } from '../i18n/parse-date.js';
import { findInvisibleInAddress, showInvisible } from '../url/invisible-characters.js';
import { isSlug } from '../url/slug-pattern.js';
import { checkBaseUrl } from './check-base-url.js';
import type { ConfigChecker } from './config-checker.js';
import type { FeedConfig, RelatedWeights, SectionConfig } from './resolved-config.js';

/** Feed settings when the config says nothing. */
const DEFAULT_FEEDS: FeedConfig = { limit: 50, content: 'full', tags: false, authors: false };
/** Related-article weights when the config says nothing. */
export const DEFAULT_WEIGHTS: RelatedWeights = { tag: 10, section: 3, author: 2, recency: 2, halfLifeDays: 30 };
const PERMALINK_TOKENS = new Set([':section', ':slug', ':yyyy', ':mm', ':dd', ':id']);

/**
 * `baseUrl` as a URL ending in `/`, without query and fragment (see
 * `checkBaseUrl`); a bad `--base-url` is a usage error, a bad file value a
 * config error.
 */
export function resolveBaseUrl(check: ConfigChecker, value: string | undefined, fromFlag: boolean): URL {
  const fallback = new URL('http://localhost:4000/');
  if (value === undefined) return fallback;
  const checked = checkBaseUrl(value);
  if (checked.ok && checked.dropped !== undefined) {
    const reason = `Unexpected "${checked.dropped}" in baseUrl "${value}": the site's URLs leave it out`;
    // Typed afresh each run, a flag is refused as init refuses it; a config file's value is only warned of.
    if (fromFlag)
      reportFlagOrKey(check, '--base-url', 'baseUrl', `${reason}, expected a URL without a query or fragment`);
    else check.warn(['baseUrl'], reason, 'config-base-url-part');
  }
  if (checked.ok) return checked.url;
  const reason = `Unexpected baseUrl "${value}"${checked.problem.startsWith(',') ? '' : ' '}${checked.problem}`;
  reportFlagOrKey(check, fromFlag ? '--base-url' : undefined, 'baseUrl', reason);
  return fallback;
}

/**
 * The config file's `baseUrl`, which `--base-url` (or `serve`'s local
 * address) may override in `baseUrl` (see `ResolvedConfig.publicBaseUrl`);
 * `baseUrl` itself when the file gives no usable one.
 */
export function resolvePublicBaseUrl(fileValue: unknown, baseUrl: URL): string {
  const checked = typeof fileValue === 'string' ? checkBaseUrl(fileValue) : undefined;
  return checked?.ok ? checked.url.href : baseUrl.href;
}

function reportFlagOrKey(check: ConfigChecker, flag: string | undefined, key: string, reason: string): void {
  if (flag) throw new NewsgenError(`${reason} (${flag})`, { code: 'usage', exitCode: 2 });
  check.error([key], reason);
}

/** The article URL pattern, with a trailing slash added unless it ends in `.html`. */
export function resolvePermalink(check: ConfigChecker, pattern: string): string {
  const tokens: string[] = pattern.match(/:[a-z]+/g) ?? [];
  const invisible = findInvisibleInAddress(pattern);
  if (invisible)
    check.error(
      ['permalink'],
      `Unexpected ${invisible} in permalink "${showInvisible(pattern)}", expected an address of visible characters only`,
      'url-invisible-character',
    );
  const unknown = tokens.find((token) => !PERMALINK_TOKENS.has(token));
  if (invisible) return pattern;
  if (unknown)
    check.error(
      ['permalink'],
      `Unexpected permalink token "${unknown}", expected :section, :slug, :yyyy, :mm, :dd or :id`,
    );
  else if (!tokens.includes(':slug') && !tokens.includes(':id'))
    check.error(['permalink'], 'Unexpected permalink without :slug or :id, expected every article to get its own URL');
  else if (!pattern.startsWith('/') || /(^|\/)\.\.?(\/|$)|\\|\/\//.test(pattern))
    check.error(['permalink'], `Unexpected permalink "${pattern}", expected a path such as /:section/:slug/`);
  return pattern.endsWith('/') || pattern.endsWith('.html') ? pattern : `${pattern}/`;
}

/** `now` is an instant; a date or time without an offset is wall time in the site's zone, like article dates. */
export function resolveNow(
  check: ConfigChecker,
  value: string | undefined,
  fromFlag: boolean,
  clock: Date,
  timeZone: string,
): Date {
  if (value === undefined) return clock;
  const parsed = parseDate(value, timeZone);
  if (parsed.ok) return new Date(parsed.instant.time);
  reportFlagOrKey(check, fromFlag ? '--now' : undefined, 'now', `Unexpected now "${value}": ${parsed.reason}`);
  return clock;
}

/**
 * What turns the configured section names into slugs: `createSlug`, loaded
 * only when some section is not written as a slug already (most configs list
 * slugs), so that a build which finds nothing changed does not pay for
 * loading the slug library.
 */
export async function loadSectionSlugger(value: unknown): Promise<(name: string) => string> {
  const written = Array.isArray(value) ? value : [];
  const slugs = written.map((item: unknown) =>
    typeof item === 'string' ? item : (item as { slug?: unknown } | null)?.slug,
  );
  if (slugs.every((slug) => typeof slug !== 'string' || isSlug(slug))) return (name) => name;
  const { createSlug } = await import('../url/slug.js');
  return createSlug;
}

/** Sections in navigation order, each with a slug (made by `slugOf`) and a display name. */
export function resolveSections(
  check: ConfigChecker,
  value: unknown,
  slugOf: (name: string) => string,
): SectionConfig[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    check.error(['sections'], 'Unexpected value, expected a list of section slugs or `{ slug, name }` objects');
    return [];
  }
  const sections: SectionConfig[] = [];
  value.forEach((item: unknown, index) => {
    const entry = typeof item === 'string' ? { slug: item } : (item as { slug?: unknown; name?: unknown } | null);
    const name =
      typeof entry?.name === 'string' ? entry.name : typeof entry?.slug === 'string' ? entry.slug : undefined;
    const slug = typeof entry?.slug === 'string' ? slugOf(entry.slug) : undefined;
    if (!slug || !name || (entry?.name !== undefined && typeof entry.name !== 'string'))
      check.error(
        ['sections', index],
        'Unexpected section entry, expected a slug or `{ "slug": "ekonomi", "name": "Ekonomi" }`',
      );
    else if (sections.some((section) => section.slug === slug))
      check.error(['sections', index], `Unexpected duplicate section "${slug}"`);
    else sections.push({ slug, name });
  });
  return sections;
}

/** UI string overrides: an object of texts. */
export function resolveStringOverrides(check: ConfigChecker, value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    check.error(['strings'], 'Unexpected value, expected an object of UI strings');
    return {};
  }
  const strings: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) {
    if (typeof text === 'string') strings[key] = text;
    else check.error(['strings', key], 'Unexpected value, expected text');
  }
  return strings;
}

/** What the feeds hold; unknown keys were already warned about. */
export function resolveFeeds(check: ConfigChecker, feeds: Record<string, unknown>): FeedConfig {
  const content = check.text(feeds, 'content', ['feeds']);
  if (content !== undefined && content !== 'full' && content !== 'summary')
    check.error(['feeds', 'content'], `Unexpected feeds content "${content}", expected "full" or "summary"`);
  const flag = (key: 'tags' | 'authors'): boolean => {
    const value = feeds[key];
    if (value === undefined || value === null) return DEFAULT_FEEDS[key];
    if (typeof value === 'boolean') return value;
    check.error(['feeds', key], `Unexpected ${JSON.stringify(value)}, expected true or false`);
    return DEFAULT_FEEDS[key];
  };
  return {
    limit: check.integer(feeds, 'limit', 1, ['feeds']) ?? DEFAULT_FEEDS.limit,
    content: content === 'summary' ? 'summary' : DEFAULT_FEEDS.content,
    tags: flag('tags'),
    authors: flag('authors'),
  };
}

/** Related-article weights merged over the defaults; unknown weights were already warned about. */
export function resolveWeights(check: ConfigChecker, value: unknown): RelatedWeights {
  if (value === undefined || value === null) return DEFAULT_WEIGHTS;
  if (typeof value !== 'object' || Array.isArray(value)) {
    check.error(['related', 'weights'], 'Unexpected value, expected an object of weights');
    return DEFAULT_WEIGHTS;
  }
  const weights: Record<string, number> = { ...DEFAULT_WEIGHTS };
  for (const [key, weight] of Object.entries(value)) {
    if (!(key in DEFAULT_WEIGHTS)) continue;
    if (typeof weight !== 'number' || !(weight >= 0))
      check.error(['related', 'weights', key], 'Unexpected value, expected a number of at least 0');
    else weights[key] = weight;
  }
  return weights as unknown as RelatedWeights;
}
