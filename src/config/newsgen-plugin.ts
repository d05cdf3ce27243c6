import type { HelperDelegate } from 'handlebars';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PluginEntry, SanitizeExtension } from '../markdown/markdown-extension.js';
import type { ResolvedConfig } from './resolved-config.js';

export type { PluginEntry, SanitizeExtension } from '../markdown/markdown-extension.js';

/** A host articles may embed with `<iframe>`: its name, or its name and the iframe attributes its embeds keep. */
export type EmbedHost = string | { host: string; attributes?: string[] };

/**
 * A newsgen plugin: a named bundle of additions to the Markdown pipeline, the
 * templates and the build. Config files (`.js`, `.mjs`, `.ts`) list plugins
 * under `plugins`; the same keys but `name` and the hooks may also stand
 * directly in the config. Plugins are loaded again in every worker thread,
 * so a plugin must come out the same each time the config file is run.
 * See the README, "Plugins".
 */
export interface NewsgenPlugin {
  /** Names the plugin in errors; its npm package name when it has one (its version then keys the build cache). */
  name: string;
  /**
   * The options a plugin factory was called with (`myPlugin({ wpm: 200 })`).
   * The build cache sees a plugin's data and its functions' source text, but
   * not what those functions read from a closure: a factory that keeps
   * options in one puts them here too, so changing them renders the pages
   * (and processes the articles) they affect again.
   */
  options?: unknown;
  /** Remark plugins, run on the Markdown tree after parsing: `plugin` or `[plugin, options]`. */
  remarkPlugins?: PluginEntry[];
  /** Rehype plugins, run on the HTML tree after heading ids and before the sanitizer: `plugin` or `[plugin, options]`. */
  rehypePlugins?: PluginEntry[];
  /** Handlebars helpers by name (`{{reading-time article.html}}`); newsgen's own names are taken. */
  helpers?: Record<string, HelperDelegate>;
  /**
   * Partials: a folder of `.hbs` files (absolute, or relative to the site;
   * `partials/x.hbs` there is `{{> x}}`), or sources by name. A site's own
   * `templates/partials/` wins over them.
   */
  partials?: string | URL | Record<string, string>;
  /** More hosts iframes may come from (`https:` only), each with the extra attributes its iframes keep. */
  embeds?: EmbedHost[];
  /** Elements, attributes and classes the sanitizer keeps besides its own (never event handlers or script URLs). */
  sanitize?: SanitizeExtension;
  /** UI strings by locale (`{ id: { readingTime: '{minutes} menit baca' }, en: {…} }`) for `{{t}}`; the config's `strings` win. */
  strings?: Record<string, Record<string, string>>;
  /**
   * Called once the config is resolved, before the first build (read-only).
   * Problems reported on `context` point at the config file by default.
   */
  configResolved?(config: ResolvedConfig, context: PluginContext): void | Promise<void>;
  /**
   * Called with the site model of every build: returns data for templates,
   * merged into `site.data` (`{{site.data.mostRead}}`). Plain JSON data; the
   * same site must give the same data, for builds to stay byte-identical.
   * Problems with the content are reported on `context`
   * (`context.warn('…', { article, rule: 'byline-missing' })`).
   */
  siteModel?(site: PluginSite, context: PluginContext): PluginData | undefined | Promise<PluginData | undefined>;
  /**
   * Called on every build, before the site is modelled: returns pages to add
   * to it, each as a file of `content/pages/` would be (the same template,
   * menus, JSON-LD, sitemap and search), its Markdown through the same
   * pipeline, sanitizer last. The same input must give the same pages; their
   * order does not matter.
   */
  pages?(site: PluginPagesSite, context: PluginContext): readonly PluginPage[] | Promise<readonly PluginPage[]>;
  /** Called after every build has written its output (not after `newsgen check`). */
  buildEnd?(report: BuildReport, context: PluginContext): void | Promise<void>;
}

/**
 * What a hook is given besides its data: a way to report problems through
 * newsgen's diagnostics (printed with the build's other warnings, counted,
 * in `--json` reports and GitHub annotations, and in `newsgen check`),
 * rather than throwing (which stops the build at the first one) or logging
 * (which `--json` and `--quiet` lose).
 */
export interface PluginContext {
  /** A warning: the build goes on (with `--strict`, it fails as every warning does). */
  warn(message: string, at?: PluginProblemPlace): void;
  /**
   * An error: the hook goes on, and the build then fails with every problem
   * reported, writing nothing (in `buildEnd`, the output is already in place:
   * the build exits 1).
   */
  error(message: string, at?: PluginProblemPlace): void;
}

/** Where a plugin's problem is and which of its rules found it; every key may be left out. */
export interface PluginProblemPlace {
  /**
   * The plugin's own id for the check, in kebab-case (`byline-missing`): the
   * diagnostic's rule id is then `<plugin name>/<rule>`, for filtering in CI.
   * Without it, the rule id is `plugin-warning` (or `plugin-error`).
   */
  rule?: string;
  /** The article the problem is in: its source file is the file (`site.articles[i]`). */
  article?: Pick<PluginArticle, 'sourcePath'>;
  /** The file, relative to the site folder (or absolute). @default the article's source file, else the config file */
  file?: string;
  /** 1-based line in the file (the front matter counted). */
  line?: number;
  /** 1-based column; only with `line`. */
  column?: number;
  /** What to do about it, printed under the first problem that gives it. */
  hint?: string;
}

/** Data a `siteModel` hook gives templates: keys of `site.data`, each taken by one plugin. */
export type PluginData = Readonly<Record<string, unknown>>;

/** What a `pages` hook is given: the config and the site's data files (the site is modelled after the pages are known). */
export interface PluginPagesSite {
  readonly config: ResolvedConfig;
  /** The site's data files by name, as templates see them (`data/pilkada.json` is `data.pilkada`). */
  readonly data: PluginData;
}

/** A page a `pages` hook adds: a content page's front matter fields, its address and its body. */
export interface PluginPage {
  /** Its URL path without the base path: lower-case slugs between slashes (`/pilkada/jawa-tengah/`). */
  path: string;
  title: string;
  /** The body, in Markdown (as a page's file has after its front matter). @default '' */
  markdown?: string;
  /** A standfirst shown under the title. */
  summary?: string;
  /** The meta description (else the summary, else the start of the body). */
  description?: string;
  /** The template that renders it: `page`, or a template of the site's `templates/`. @default 'page' */
  layout?: string;
  /** The menus it joins at their end. */
  menu?: 'main' | 'footer' | readonly ('main' | 'footer')[];
  /** When it last changed, as front matter writes it (`2026-11-27 08:00`). */
  updated?: string;
  /**
   * Its lead image, as front matter gives one: a site path of `static/`
   * (`/images/peta.png`) or a URL, alone or with its alt text, caption and
   * credit. Resized by the image pipeline; a relative path is an error, as
   * the page has no folder.
   */
  image?:
    | string
    | {
        src: string;
        alt?: string;
        caption?: string;
        credit?: string;
        focus?: readonly [number, number] | 'auto';
        width?: number;
        height?: number;
      };
  /** Old addresses that redirect to it (`/pilkada-2024/bali/`), as a page's `aliases`. */
  aliases?: string | readonly string[];
  /** Built only with `--drafts` (as `serve` builds). @default false */
  draft?: boolean;
  /** Data for a custom layout (`{{entry.params.suara}}`): plain JSON. */
  params?: Readonly<Record<string, unknown>>;
}

/** A section, tag or author as plugins see it. */
export interface PluginTerm {
  readonly slug: string;
  readonly name: string;
  /** Root-relative URL with the base path (`/warta/ekonomi/`), ready to print. */
  readonly url: string;
  /** Published articles with this term. */
  readonly count: number;
}

/** A published article as plugins see it (its body is not part of it). */
export interface PluginArticle {
  readonly id: string;
  /** Content-relative source path (`ekonomi/harga-cabai.md`). */
  readonly sourcePath: string;
  readonly title: string;
  /** Root-relative URL with the base path, ready to print. */
  readonly url: string;
  readonly absoluteUrl: string;
  /** ISO 8601 with offset. */
  readonly date: string;
  readonly updated: string | undefined;
  /** The summary, or an excerpt of the body. */
  readonly summary: string;
  readonly section: PluginTerm;
  readonly tags: readonly PluginTerm[];
  readonly authors: readonly PluginTerm[];
  /** The article's `params:` from its front matter, as written (`{}` when none): your own fields, such as `params.views`. */
  readonly params: Readonly<Record<string, unknown>>;
}

/** The site model as a `siteModel` hook sees it: read-only copies, newest article first. */
export interface PluginSite {
  readonly config: ResolvedConfig;
  readonly articles: readonly PluginArticle[];
  readonly sections: readonly PluginTerm[];
  readonly tags: readonly PluginTerm[];
  readonly authors: readonly PluginTerm[];
}

/** What a build did, for `buildEnd`. */
export interface BuildReport {
  readonly config: ResolvedConfig;
  /** Absolute path of the output folder. */
  readonly outDir: string;
  /** Output files written (their bytes changed) and deleted, relative to `outDir`, sorted. */
  readonly written: readonly string[];
  readonly deleted: readonly string[];
  /** True when nothing had changed and nothing was written. */
  readonly upToDate: boolean;
  readonly articles: number;
  readonly pages: number;
  readonly durationMs: number;
  readonly warnings: readonly Diagnostic[];
}
