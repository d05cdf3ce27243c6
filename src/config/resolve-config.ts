import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { checkLocale, checkTimeZone } from '../i18n/resolve-locale.js';
import { replaceXmlForbiddenInData } from '../text/replace-xml-forbidden.js';
import { type ConfigChecker, createConfigChecker } from './config-checker.js';
import { CONFIG_KEYS } from './config-keys.js';
import type { LoadedConfig } from './loaded-config.js';
import { type PluginSource, pluginStringsFor, readPlugins, type SitePlugin } from './read-plugins.js';
import {
  loadSectionSlugger,
  resolveBaseUrl,
  resolveFeeds,
  resolveNow,
  resolvePermalink,
  resolvePublicBaseUrl,
  resolveSections,
  resolveStringOverrides,
  resolveWeights,
} from './resolve-config-values.js';
import { resolveImages } from './resolve-images.js';
import { placeOf, resolveMenus } from './resolve-menus.js';
import { resolveRedirects } from './resolve-redirects.js';
import type { ResolvedConfig } from './resolved-config.js';
import type { UserConfig } from './user-config.js';

/** Options given on the command line; they win over the config file. */
export interface InlineConfig {
  content?: string | undefined;
  templates?: string | undefined;
  static?: string | undefined;
  out?: string | undefined;
  /** `--force-out`: replace an output folder that newsgen did not write. */
  forceOut?: boolean | undefined;
  baseUrl?: string | undefined;
  drafts?: boolean | undefined;
  future?: boolean | undefined;
  /** A live preview (`newsgen serve`): scheduled articles it shows say so on their pages. */
  preview?: boolean | undefined;
  now?: string | undefined;
  /** Every warning is an error (`--strict`). */
  strict?: boolean | undefined;
}

/** Folder of the built-in theme shipped in this package. */
export const THEME_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** A resolved config, its warnings, and its plugins' code. */
export interface ResolvedConfigResult {
  readonly config: ResolvedConfig;
  readonly warnings: Diagnostic[];
  /**
   * The plugins `config.plugins` describes, with their code, as the config
   * file gave them: pass them to `build` (its `plugins` option) and the
   * build takes them from here instead of running the config file again.
   */
  readonly plugins: readonly SitePlugin[];
}

/**
 * Validates the user's config and merges CLI flags over it into the read-only
 * config a build runs with. Every problem is reported at once, naming the file
 * and key; unknown keys are warnings. `clock` is the current time, used unless
 * `now` is set.
 */
export async function resolveConfig(
  root: string,
  loaded: LoadedConfig,
  inline: InlineConfig,
  clock: Date,
): Promise<ResolvedConfigResult> {
  const check = createConfigChecker(loaded);
  const raw = loaded.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    check.error([], 'Unexpected config that is not an object, expected `{ "title": … }`');
    throw check.failure();
  }
  // JSON and YAML escapes (`"\u0007"`) can put characters XML forbids into the site's title or description.
  const cleaned = replaceXmlForbiddenInData(
    raw as Record<string, unknown>,
    loaded.locate,
    loaded.displayPath ?? 'config',
  );
  check.warnings.push(...cleaned.warnings);
  const user = cleaned.data as Record<string, unknown>;
  check.checkKeys(user, CONFIG_KEYS);
  const plugins = readPlugins(check, user, pluginSource(root, loaded));
  const title = check.text(user, 'title') ?? 'newsgen site';
  const locale = checkLocale(check.text(user, 'locale') ?? 'en');
  if (!locale.ok) check.error(['locale'], locale.reason);
  const timeZone = checkTimeZone(check.text(user, 'timeZone') ?? 'UTC');
  if (!timeZone.ok) check.error(['timeZone'], timeZone.reason);
  const baseUrl = resolveBaseUrl(check, inline.baseUrl ?? check.text(user, 'baseUrl'), inline.baseUrl !== undefined);
  const publisher = check.object(user, 'publisher');
  const related = check.object(user, 'related');
  const now = resolveNow(
    check,
    inline.now ?? check.text(user, 'now'),
    inline.now !== undefined,
    clock,
    timeZone.ok ? timeZone.timeZone : 'UTC',
  );
  const slugOf = await loadSectionSlugger(user['sections']);
  const dir = (key: 'content' | 'static' | 'out' | 'data', flag: string | undefined, fallback: string): string =>
    path.resolve(root, flag ?? check.text(user, key) ?? fallback);
  const config: ResolvedConfig = {
    root,
    configFile: loaded.file,
    title,
    description: check.text(user, 'description') ?? '',
    baseUrl: baseUrl.href,
    basePath: baseUrl.pathname,
    publicBaseUrl: resolvePublicBaseUrl(user['baseUrl'], baseUrl),
    locale: locale.ok ? locale.locale : 'en',
    ...(user['locale'] === undefined ? {} : { localeWhere: placeOf(loaded, ['locale']) }),
    timeZone: timeZone.ok ? timeZone.timeZone : 'UTC',
    permalink: resolvePermalink(check, check.text(user, 'permalink') ?? '/:section/:slug/'),
    perPage: check.integer(user, 'perPage', 1) ?? 20,
    publisher: resolvePublisher(check, loaded, publisher, title),
    sections: resolveSections(check, user['sections'], slugOf),
    strings: {
      ...pluginStringsFor(locale.ok ? locale.locale : 'en', plugins),
      ...resolveStringOverrides(check, user['strings']),
    },
    related: {
      count: check.integer(related, 'count', 0, ['related']) ?? 4,
      weights: resolveWeights(check, related['weights']),
    },
    otherNewsCount: check.integer(user, 'otherNews', 0) ?? 8,
    feeds: resolveFeeds(check, check.object(user, 'feeds')),
    images: resolveImages(user['images'], check),
    menus: resolveMenus(check, loaded, user['menus']),
    redirects: resolveRedirects(check, loaded, user['redirects']),
    nginxRedirects: check.flag(user, 'nginxRedirects') ?? false,
    search: check.flag(user, 'search') ?? false,
    strict: (check.flag(user, 'strict') ?? false) || inline.strict === true,
    dataDir: dir('data', undefined, 'data'),
    contentDir: dir('content', inline.content, 'content'),
    templatesDir: resolveTemplatesDir(check, root, inline.templates, check.text(user, 'templates')),
    themeDir: THEME_DIR,
    staticDir: dir('static', inline.static, 'static'),
    outDir: dir('out', inline.out, 'dist'),
    ...resolveSwitches(inline),
    now,
    ...(inline.now !== undefined || user['now'] !== undefined ? { fixedNow: true } : {}),
    plugins: plugins.map((plugin) => plugin.identity),
    pluginPartials: plugins.flatMap((plugin) => (plugin.partials ? [plugin.partials] : [])),
  };
  // Strict: a config warning (an unknown key) fails like any other.
  if (config.strict)
    check.errors.push(...check.warnings.map((warning) => ({ ...warning, severity: 'error' as const })));
  if (check.errors.length > 0) throw check.failure();
  return { config, warnings: check.warnings, plugins };
}

/** What only the command line sets: which articles a build takes, and how it treats the output folder. */
function resolveSwitches(inline: InlineConfig): Pick<ResolvedConfig, 'forceOut' | 'drafts' | 'future' | 'preview'> {
  return {
    ...(inline.forceOut ? { forceOut: true } : {}),
    drafts: inline.drafts ?? false,
    future: inline.future ?? false,
    ...(inline.preview ? { preview: true } : {}),
  };
}

/** Where a config's plugins come from; the config's own plugin keys go by the config file's name. */
export function pluginSource(root: string, loaded: LoadedConfig): PluginSource {
  const configName = loaded.displayPath === undefined ? 'newsgen.config' : path.basename(loaded.displayPath);
  return { root, configFile: loaded.file, configName };
}

/**
 * The site's templates folder: the one named by `--templates` or the
 * `templates` key, which must exist, or `templates/` when the site has one.
 */
function resolveTemplatesDir(
  check: ConfigChecker,
  root: string,
  flag: string | undefined,
  setting: string | undefined,
): string | undefined {
  const chosen = flag ?? setting;
  const templatesDir = chosen ? path.resolve(root, chosen) : path.join(root, 'templates');
  if (chosen && !existsSync(templatesDir)) {
    const reason = `Templates folder not found: ${chosen}`;
    if (flag === undefined) check.error(['templates'], reason);
    else
      throw new NewsgenError(`${reason} (--templates)`, {
        code: 'templates-missing',
        hint: 'Create the folder, or leave --templates out to use the built-in theme.',
      });
  }
  return existsSync(templatesDir) && path.resolve(templatesDir) !== path.resolve(THEME_DIR) ? templatesDir : undefined;
}

/** The `publisher` key, keeping where the logo is written for problems with its file. */
function resolvePublisher(
  check: ConfigChecker,
  loaded: LoadedConfig,
  publisher: Record<string, unknown>,
  title: string,
): ResolvedConfig['publisher'] {
  return {
    name: check.text(publisher, 'name', ['publisher']) ?? title,
    logo: check.text(publisher, 'logo', ['publisher']),
    logoWhere: publisher['logo'] === undefined ? undefined : placeOf(loaded, ['publisher', 'logo']),
    icon: check.text(publisher, 'icon', ['publisher']),
    color: resolveColor(check, check.text(publisher, 'color', ['publisher'])),
  };
}

/** Re-exported for config files: `import { defineConfig } from 'newsgen'`. */
/** The theme's accent: the default brand colour. */
const DEFAULT_COLOR = '#b3001b';

/** A brand colour as `#rgb` or `#rrggbb` (lower-cased), the forms both HTML's `theme-color` and SVG take. */
function resolveColor(check: ConfigChecker, value: string | undefined): string {
  if (value === undefined) return DEFAULT_COLOR;
  if (/^#(?:[0-9a-f]{3}){1,2}$/i.test(value)) return value.toLowerCase();
  check.error(['publisher', 'color'], `Unexpected colour "${value}", expected a hex colour such as "#b3001b"`);
  return DEFAULT_COLOR;
}

export type { UserConfig };
