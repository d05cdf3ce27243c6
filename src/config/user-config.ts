import type { HelperDelegate } from 'handlebars';
import type { EmbedHost, NewsgenPlugin, PluginEntry, SanitizeExtension } from './newsgen-plugin.js';
import type { RelatedWeights } from './resolved-config.js';

/**
 * What a site's `newsgen.config.{json,yaml,yml,js,mjs,ts}` may contain. Every
 * key is optional; CLI flags win over the file. `newsgen.schema.json` in the
 * package describes the same keys for editors.
 */
export interface UserConfig {
  /** The JSON Schema editors check the file against (`./node_modules/newsgen/newsgen.schema.json`). */
  $schema?: string;
  /** Site name shown in the header and feeds. @default "newsgen site" */
  title?: string;
  /** One-line description for the home page and feeds. @default "" */
  description?: string;
  /** Absolute URL where the site is published; may have a path. @default "http://localhost:4000/" */
  baseUrl?: string;
  /** BCP 47 locale for dates and UI strings. @default "en" */
  locale?: string;
  /** IANA time zone for dates written without an offset, and for display. @default "UTC" */
  timeZone?: string;
  /** Article URL pattern: `:section`, `:slug`, `:yyyy`, `:mm`, `:dd`, `:id`. @default "/:section/:slug/" */
  permalink?: string;
  /** Articles per listing page. @default 20 */
  perPage?: number;
  /**
   * The organisation publishing the site: its name, the logo shown in the
   * masthead and JSON-LD, the favicon (`icon`, a path or URL; the default
   * draws the site's initial) and the brand colour for `theme-color` and the
   * drawn favicon. @default { name: title, color: "#b3001b" }
   */
  publisher?: { name?: string; logo?: string; icon?: string; color?: string };
  /** Sections in navigation order: slugs, or `{ slug, name }` for a display name. */
  sections?: (string | { slug: string; name?: string })[];
  /** UI string overrides, e.g. `{ "otherNews": "Berita lainnya" }`. */
  strings?: Record<string, string>;
  /** Related articles: how many, and the ranking weights. @default { count: 4 } */
  related?: { count?: number; weights?: Partial<RelatedWeights> };
  /** How many articles the "other news" block lists. @default 8 */
  otherNews?: number;
  /**
   * Feeds (RSS, Atom, JSON Feed) for the whole site and each section: how many
   * newest articles each holds, full article HTML or only the summary, and
   * whether tags and authors get feeds too.
   * @default { limit: 50, content: "full", tags: false, authors: false }
   */
  feeds?: { limit?: number; content?: 'full' | 'summary'; tags?: boolean; authors?: boolean };
  /**
   * The image pipeline: responsive widths, formats, encoder settings, `sizes`
   * per slot, the pixel limit and an optional image CDN; `false` copies and
   * links originals as they are. See the README's "Images".
   */
  images?:
    | false
    | {
        widths?: number[];
        cardWidths?: number[];
        /** The shape of article lead images (`"16:9"`, the default), or `false` for each image's own. */
        leadRatio?: string | false;
        formats?: ('avif' | 'webp')[];
        avif?: { quality?: number; effort?: number };
        webp?: { quality?: number; effort?: number };
        jpeg?: { quality?: number };
        png?: { quality?: number; effort?: number };
        sizes?: Partial<Record<'lead' | 'featured' | 'card' | 'body' | 'avatar', string>>;
        pixelLimit?: number;
        service?: 'cloudflare' | 'netlify' | { imgix: string } | string;
      };
  /**
   * Menus: `main` replaces the header's list of sections, `footer` is shown
   * in the footer. Entries are `{ title, url }`, `{ page: "redaksi" }` (a
   * page under `content/pages/`) or `{ section: "nasional" }`, each with an
   * optional `title` and `children` (one level).
   */
  menus?: { main?: MenuEntry[]; footer?: MenuEntry[] };
  /** Old addresses that move elsewhere: `{ from: "/berita/*", to: "/nasional/*" }` moves a whole folder. */
  redirects?: { from: string; to: string }[];
  /** Also write `redirects.nginx.conf`, an nginx `map` of every redirect. @default false */
  nginxRedirects?: boolean;
  /** Site search for readers: a Pagefind index of the articles and pages under `/pagefind/`, and a search page at `/search/`. @default false */
  search?: boolean;
  /** Treat every warning as an error, like `--strict` (for CI). @default false */
  strict?: boolean;
  /** Build as of this instant (ISO 8601) instead of the current time. */
  now?: string;
  /** Content folder. @default "content" */
  content?: string;
  /** Template overrides folder. @default "templates" when present */
  templates?: string;
  /** Data files folder: `data/<name>.json|yaml|yml` is `data.<name>` in templates. @default "data" */
  data?: string;
  /** Static files folder copied as is. @default "static" */
  static?: string;
  /** Output folder. @default "dist" */
  out?: string;
  /**
   * Plugins, in order: plugin objects, or modules named as an import in the
   * config's folder would name them (`'newsgen-plugin-warta'`,
   * `['./plugins/reading-time.mjs', { wordsPerMinute: 180 }]`). `false`,
   * `null` and `undefined` entries are skipped, for `isProduction && plugin()`.
   * See the README, "Plugins".
   */
  plugins?: (NewsgenPlugin | string | [module: string, options?: unknown] | false | null | undefined)[];
  /** Remark plugins of this site's own, after every plugin's. */
  remarkPlugins?: PluginEntry[];
  /** Rehype plugins of this site's own, after every plugin's. */
  rehypePlugins?: PluginEntry[];
  /** Handlebars helpers of this site's own. */
  helpers?: Record<string, HelperDelegate>;
  /** Partials of this site's own: a folder or sources by name (the `templates` folder still wins). */
  partials?: string | URL | Record<string, string>;
  /** More hosts article iframes may come from. */
  embeds?: EmbedHost[];
  /** Elements, attributes and classes the sanitizer keeps besides its own. */
  sanitize?: SanitizeExtension;
}

/** A menu entry: a URL with its title, a standalone page, or a section; `children` make a submenu. */
export type MenuEntry = (
  | { url: string; title: string }
  | { page: string; title?: string }
  | { section: string; title?: string }
) & {
  children?: MenuEntry[];
};

/** Identity helper that types the default export of a `newsgen.config.ts`, `.js` or `.mjs`, plugins included. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}
