import type { Place } from '../diagnostics/diagnostic.js';
import type { ImagesConfig } from '../images/images-config.js';

/** Where a config value is written (file, place and key path), for problems found once the site is modelled. */
export interface ConfigPlace {
  readonly file: string;
  readonly place: Place | undefined;
  /** The key path as written in messages: `menus.main.2.page`. */
  readonly key: string;
}

/** One menu entry as configured: a URL, a standalone page (by its path under `content/pages/`) or a section (by slug). */
export interface MenuEntryConfig {
  /** The text shown; a page's title or a section's name when absent. */
  readonly title: string | undefined;
  readonly target: { readonly kind: 'url' | 'page' | 'section'; readonly value: string };
  /** A submenu, one level deep. */
  readonly children: readonly MenuEntryConfig[];
  readonly where: ConfigPlace;
}

/** The configured menus; an absent `main` menu leaves the header listing the sections. */
export interface MenusConfig {
  readonly main: readonly MenuEntryConfig[] | undefined;
  readonly footer: readonly MenuEntryConfig[] | undefined;
}

/** A configured redirect (`redirects: [{ from, to }]`); a `*` at the end of both moves a whole folder. */
export interface RedirectConfig {
  readonly from: string;
  readonly to: string;
  readonly where: ConfigPlace;
}

/** A section in navigation order with its display name. */
export interface SectionConfig {
  readonly slug: string;
  readonly name: string;
}

/** Weights used to rank related articles. */
export interface RelatedWeights {
  readonly tag: number;
  readonly section: number;
  readonly author: number;
  /** Weight of closeness in time (1 at the same instant, falling off over `halfLifeDays`). */
  readonly recency: number;
  readonly halfLifeDays: number;
}

/** What the feeds hold and which listings get feeds of their own. */
export interface FeedConfig {
  /** Newest articles per feed. */
  readonly limit: number;
  /** `full`: the whole article HTML in each item; `summary`: only the summary. */
  readonly content: 'full' | 'summary';
  /** Also write a feed per tag (every section always has one). */
  readonly tags: boolean;
  /** Also write a feed per author. */
  readonly authors: boolean;
}

/**
 * A plugin as a build knows it: what it is, and fingerprints of what it adds,
 * never its code (the config stays plain data, for worker threads and the
 * cache; threads that need the code load the config file again).
 */
export interface PluginIdentity {
  readonly name: string;
  /** From the `package.json` of the package named `name`, when the site has it installed. */
  readonly version: string | undefined;
  /** Hash of the whole plugin: options, data, and the source text of its functions. */
  readonly fingerprint: string;
  /** Hash of what it adds to the Markdown pipeline; undefined when it adds nothing there. */
  readonly markdown: string | undefined;
  /** Whether it brings Handlebars helpers (render threads then load it too). */
  readonly helpers: boolean;
}

/** Partials a plugin adds: a folder of `.hbs` files, or sources by name. */
export interface PluginPartials {
  readonly plugin: string;
  /** Absolute folder whose `x.hbs` is the partial `x`. */
  readonly dir: string | undefined;
  readonly templates: Readonly<Record<string, string>>;
}

/**
 * The configuration a build runs with: every default applied, every path absolute,
 * read-only. Produced by `resolveConfig` from the user's file and CLI flags.
 */
export interface ResolvedConfig {
  /** Working directory of the site; relative paths resolve against it. */
  readonly root: string;
  /** The config file that was read, if any (absolute). */
  readonly configFile: string | undefined;
  readonly title: string;
  readonly description: string;
  /** Absolute site URL, always ending in `/` (e.g. `https://example.org/warta/`). */
  readonly baseUrl: string;
  /** Path part of `baseUrl`, always starting and ending in `/`. */
  readonly basePath: string;
  /**
   * The site's public URL as the config file writes it, where `--base-url`
   * or `serve`'s local address sets `baseUrl` for one build (ends in `/`):
   * content that writes a full URL of the site (an alias) names this one.
   * `baseUrl` when the file gives none.
   */
  readonly publicBaseUrl: string;
  /** BCP 47 locale, canonicalised (e.g. `id-ID`). */
  readonly locale: string;
  /**
   * Where `locale` is written, when the config sets it: whether the runtime
   * has data for the locale is checked by the build (`checkLocaleData`).
   */
  readonly localeWhere?: ConfigPlace | undefined;
  /** IANA time zone (e.g. `Asia/Jakarta`). */
  readonly timeZone: string;
  /** Article URL pattern with `:section`, `:slug`, `:yyyy`, `:mm`, `:dd`, `:id`. */
  readonly permalink: string;
  readonly perPage: number;
  readonly publisher: {
    readonly name: string;
    readonly logo: string | undefined;
    /** Where `logo` is written, for problems with its file (found by the image stage). */
    readonly logoWhere?: ConfigPlace | undefined;
    /** Favicon path or URL; without one the theme draws the site's initial. */
    readonly icon: string | undefined;
    /** Brand colour (`#rrggbb`) for `theme-color` and the drawn favicon. */
    readonly color: string;
  };
  readonly sections: readonly SectionConfig[];
  /** UI string overrides (plugins' strings for the locale, then the config's own), merged over the locale's built-in dictionary. */
  readonly strings: Readonly<Record<string, string>>;
  readonly related: { readonly count: number; readonly weights: RelatedWeights };
  /** How many newest articles the "other news" block lists. */
  readonly otherNewsCount: number;
  readonly feeds: FeedConfig;
  /** The image pipeline's settings, or `false`: originals copied and linked as they are. */
  readonly images: ImagesConfig | false;
  readonly menus: MenusConfig;
  /** Redirects besides the content's `aliases`. */
  readonly redirects: readonly RedirectConfig[];
  /** Also write `redirects.nginx.conf`, a `map` of every redirect for nginx. */
  readonly nginxRedirects: boolean;
  /** Site search: a Pagefind index of the articles and pages (`/pagefind/`) and the search page (`/search/`). */
  readonly search: boolean;
  /** Every warning is an error (`--strict`, `strict: true`): for CI. */
  readonly strict: boolean;
  /** Folder of data files (`data/*.json|yaml|yml`), each available to templates as `data.<name>`. */
  readonly dataDir: string;
  readonly contentDir: string;
  /** The site's own templates folder, overriding the built-in theme file by file. */
  readonly templatesDir: string | undefined;
  /** The built-in theme folder shipped with newsgen. */
  readonly themeDir: string;
  readonly staticDir: string;
  readonly outDir: string;
  /** Replace the output folder even when it is not newsgen's own output (`--force-out`); set only when true. */
  readonly forceOut?: boolean;
  readonly drafts: boolean;
  readonly future: boolean;
  /**
   * A live preview (`newsgen serve`): an article dated after the build clock
   * carries a banner saying when it appears (a production `build --future`
   * publishes such articles as they are); set only when true.
   */
  readonly preview?: boolean;
  /** The build clock: what "now" is for drafts, scheduling, expiry and the news sitemap. */
  readonly now: Date;
  /** `now` was given (`--now` or the `now` key), so a watch keeps it instead of following the wall clock; set only when true. */
  readonly fixedNow?: boolean;
  /** The site's plugins in order (those of `plugins`, then the config's own keys as one more). */
  readonly plugins: readonly PluginIdentity[];
  /** Partials the plugins add, in order (a later plugin's partial wins; the site's templates win over all). */
  readonly pluginPartials: readonly PluginPartials[];
}
