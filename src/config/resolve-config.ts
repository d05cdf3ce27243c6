import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSlug } from '../content/slug.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { parseDate } from '../i18n/parse-date.js';
import { checkLocale, checkTimeZone } from '../i18n/resolve-locale.js';
import type { LoadedConfig } from './load-config.js';
import type { FeedConfig, RelatedWeights, ResolvedConfig, SectionConfig } from './resolved-config.js';
import type { UserConfig } from './user-config.js';

/** Options given on the command line; they win over the config file. */
export interface InlineConfig {
  content?: string | undefined;
  templates?: string | undefined;
  static?: string | undefined;
  out?: string | undefined;
  baseUrl?: string | undefined;
  drafts?: boolean | undefined;
  future?: boolean | undefined;
  now?: string | undefined;
}

const KNOWN_KEYS = new Set([
  'title',
  'description',
  'baseUrl',
  'locale',
  'timeZone',
  'permalink',
  'perPage',
  'publisher',
  'sections',
  'strings',
  'related',
  'otherNews',
  'feeds',
  'now',
  'content',
  'templates',
  'static',
  'out',
]);
/** Feed settings when the config says nothing. */
const DEFAULT_FEEDS: FeedConfig = { limit: 50, content: 'full', tags: false, authors: false };
const FEED_KEYS = new Set(['limit', 'content', 'tags', 'authors']);
const DEFAULT_WEIGHTS: RelatedWeights = { tag: 10, section: 3, author: 2, recency: 2, halfLifeDays: 30 };
const PERMALINK_TOKENS = new Set([':section', ':slug', ':yyyy', ':mm', ':dd', ':id']);
/** Folder of the built-in theme shipped in this package. */
export const THEME_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * Validates the user's config and merges CLI flags over it into the read-only
 * config a build runs with. Every problem is reported at once, naming the file
 * and key; unknown keys are warnings. `clock` is the current time, used unless
 * `now` is set.
 */
export function resolveConfig(
  root: string,
  loaded: LoadedConfig,
  inline: InlineConfig,
  clock: Date,
): { config: ResolvedConfig; warnings: Diagnostic[] } {
  const check = createChecker(loaded);
  const raw = loaded.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    check.error([], 'Unexpected config that is not an object, expected `{ "title": … }`');
    throw check.failure();
  }
  const user = raw as Record<string, unknown>;
  for (const key of Object.keys(user)) {
    if (!KNOWN_KEYS.has(key)) check.warn([key], `Unknown config key \`${key}\`, ignored`);
  }
  const title = check.text(user, 'title') ?? 'newsgen site';
  const locale = checkLocale(check.text(user, 'locale') ?? 'en');
  if (!locale.ok) check.error(['locale'], locale.reason);
  const timeZone = checkTimeZone(check.text(user, 'timeZone') ?? 'UTC');
  if (!timeZone.ok) check.error(['timeZone'], timeZone.reason);
  const baseUrl = resolveBaseUrl(check, inline.baseUrl ?? check.text(user, 'baseUrl'), inline.baseUrl !== undefined);
  const permalink = resolvePermalink(check, check.text(user, 'permalink') ?? '/:section/:slug/');
  const perPage = check.integer(user, 'perPage', 1) ?? 20;
  const publisher = check.object(user, 'publisher');
  const related = check.object(user, 'related');
  const now = resolveNow(
    check,
    inline.now ?? check.text(user, 'now'),
    inline.now !== undefined,
    clock,
    timeZone.ok ? timeZone.timeZone : 'UTC',
  );
  const dir = (key: 'content' | 'static' | 'out', flag: string | undefined, fallback: string): string =>
    path.resolve(root, flag ?? check.text(user, key) ?? fallback);
  const templatesSetting = inline.templates ?? check.text(user, 'templates');
  const templatesDir = templatesSetting ? path.resolve(root, templatesSetting) : path.join(root, 'templates');
  if (templatesSetting && !existsSync(templatesDir))
    check.error(['templates'], `Templates folder not found: ${templatesSetting}`);
  const config: ResolvedConfig = {
    root,
    configFile: loaded.file,
    title,
    description: check.text(user, 'description') ?? '',
    baseUrl: baseUrl.href,
    basePath: baseUrl.pathname,
    locale: locale.ok ? locale.locale : 'en',
    timeZone: timeZone.ok ? timeZone.timeZone : 'UTC',
    permalink,
    perPage,
    publisher: {
      name: check.text(publisher, 'name', ['publisher']) ?? title,
      logo: check.text(publisher, 'logo', ['publisher']),
    },
    sections: resolveSections(check, user['sections']),
    strings: resolveStrings(check, user['strings']),
    related: {
      count: check.integer(related, 'count', 0, ['related']) ?? 4,
      weights: resolveWeights(check, related['weights']),
    },
    otherNewsCount: check.integer(user, 'otherNews', 0) ?? 8,
    feeds: resolveFeeds(check, check.object(user, 'feeds')),
    contentDir: dir('content', inline.content, 'content'),
    templatesDir:
      existsSync(templatesDir) && path.resolve(templatesDir) !== path.resolve(THEME_DIR) ? templatesDir : undefined,
    themeDir: THEME_DIR,
    staticDir: dir('static', inline.static, 'static'),
    outDir: dir('out', inline.out, 'dist'),
    drafts: inline.drafts ?? false,
    future: inline.future ?? false,
    now,
  };
  if (check.errors.length > 0) throw check.failure();
  return { config, warnings: check.warnings };
}

type Checker = ReturnType<typeof createChecker>;

function createChecker(loaded: LoadedConfig) {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const report = (
    list: Diagnostic[],
    severity: 'error' | 'warning',
    keyPath: readonly (string | number)[],
    reason: string,
    hint?: string,
  ) =>
    list.push(
      createDiagnostic({
        file: loaded.displayPath,
        place: loaded.locate(keyPath),
        reason: keyPath.length ? `${reason} (key \`${keyPath.join('.')}\`)` : reason,
        ruleId: severity === 'error' ? 'config-invalid' : 'config-unknown-key',
        severity,
        hint,
      }),
    );
  const checker = {
    errors,
    warnings,
    error: (keyPath: readonly (string | number)[], reason: string, hint?: string) =>
      report(errors, 'error', keyPath, reason, hint),
    warn: (keyPath: readonly (string | number)[], reason: string) => report(warnings, 'warning', keyPath, reason),
    failure: () =>
      new NewsgenError(`Invalid config in ${loaded.displayPath}`, {
        code: 'config-invalid',
        file: loaded.displayPath,
        place: errors[0]?.place,
        diagnostics: errors,
      }),
    text(object: Record<string, unknown>, key: string, parent: string[] = []): string | undefined {
      const value = object[key];
      if (value === undefined || value === null) return undefined;
      if (typeof value === 'string') return value;
      checker.error(
        [...parent, key],
        `Unexpected ${typeof value === 'object' ? (Array.isArray(value) ? 'list' : 'object') : typeof value}, expected text`,
      );
      return undefined;
    },
    integer(object: Record<string, unknown>, key: string, min: number, parent: string[] = []): number | undefined {
      const value = object[key];
      if (value === undefined || value === null) return undefined;
      if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
      checker.error(
        [...parent, key],
        `Unexpected ${JSON.stringify(value)}, expected a whole number of at least ${min}`,
      );
      return undefined;
    },
    object(object: Record<string, unknown>, key: string): Record<string, unknown> {
      const value = object[key];
      if (value === undefined || value === null) return {};
      if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
      checker.error([key], 'Unexpected value, expected an object');
      return {};
    },
  };
  return checker;
}

function resolveBaseUrl(check: Checker, value: string | undefined, fromFlag: boolean): URL {
  const fallback = new URL('http://localhost:4000/');
  if (value === undefined) return fallback;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    reportBaseUrl(
      check,
      fromFlag,
      `Unexpected baseUrl "${value}", expected an absolute http(s) URL such as https://example.org/`,
    );
    return fallback;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    reportBaseUrl(check, fromFlag, `Unexpected baseUrl protocol "${url.protocol}", expected http: or https:`);
    return fallback;
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

function reportBaseUrl(check: Checker, fromFlag: boolean, reason: string): void {
  if (fromFlag) throw new NewsgenError(`${reason} (--base-url)`, { code: 'usage', exitCode: 2 });
  check.error(['baseUrl'], reason);
}

function resolvePermalink(check: Checker, pattern: string): string {
  const tokens: string[] = pattern.match(/:[a-z]+/g) ?? [];
  const unknown = tokens.find((token) => !PERMALINK_TOKENS.has(token));
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
function resolveNow(check: Checker, value: string | undefined, fromFlag: boolean, clock: Date, timeZone: string): Date {
  if (value === undefined) return clock;
  const parsed = parseDate(value, timeZone);
  if (parsed.ok) return new Date(parsed.instant.time);
  const reason = `Unexpected now "${value}": ${parsed.reason}`;
  if (fromFlag) throw new NewsgenError(`${reason} (--now)`, { code: 'usage', exitCode: 2 });
  check.error(['now'], reason);
  return clock;
}

function resolveSections(check: Checker, value: unknown): SectionConfig[] {
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
    const slug = typeof entry?.slug === 'string' ? createSlug(entry.slug) : undefined;
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

function resolveStrings(check: Checker, value: unknown): Record<string, string> {
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

function resolveFeeds(check: Checker, feeds: Record<string, unknown>): FeedConfig {
  for (const key of Object.keys(feeds)) {
    if (!FEED_KEYS.has(key)) check.warn(['feeds', key], `Unknown feeds setting \`${key}\`, ignored`);
  }
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

function resolveWeights(check: Checker, value: unknown): RelatedWeights {
  if (value === undefined || value === null) return DEFAULT_WEIGHTS;
  if (typeof value !== 'object' || Array.isArray(value)) {
    check.error(['related', 'weights'], 'Unexpected value, expected an object of weights');
    return DEFAULT_WEIGHTS;
  }
  const weights: Record<string, number> = { ...DEFAULT_WEIGHTS };
  for (const [key, weight] of Object.entries(value)) {
    if (!(key in DEFAULT_WEIGHTS))
      check.warn(['related', 'weights', key], `Unknown related weight \`${key}\`, ignored`);
    else if (typeof weight !== 'number' || !(weight >= 0))
      check.error(['related', 'weights', key], 'Unexpected value, expected a number of at least 0');
    else weights[key] = weight;
  }
  return weights as unknown as RelatedWeights;
}

/** Re-exported for config files: `import { defineConfig } from 'newsgen'`. */
export type { UserConfig };
