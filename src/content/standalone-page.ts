import type { Place } from '../diagnostics/diagnostic.js';
import type { Instant } from '../i18n/instant.js';
import type { BodyReference, Image } from './article.js';
import type { Alias, Params } from './read-shared-fields.js';

/** Folder under `content/` whose Markdown files are standalone pages (About, Contact…), not articles. */
export const PAGES_FOLDER = 'pages/';

/** The menus a page may join from its front matter (`menu: footer`). */
export const MENU_NAMES = ['main', 'footer'] as const;

/** A menu of the site. */
export type MenuName = (typeof MENU_NAMES)[number];

/**
 * A validated standalone page (`content/pages/**.md`): no date, no section,
 * never in feeds or listings; published at `/<path>/`. Pure data.
 */
export interface PageData {
  /** Content-relative path with forward slashes (`pages/tentang/kontak.md`). */
  readonly sourcePath: string;
  /** The path under `pages/` without `.md` (`tentang/kontak`; a bundle's `index.md` is its folder): what `{ page: … }` in a menu names. */
  readonly key: string;
  /** URL path without the base path (`/tentang/kontak/`). */
  readonly url: string;
  readonly title: string;
  /** A standfirst shown under the title. */
  readonly summary: string | undefined;
  /** The meta description (else the summary, else the start of the body). */
  readonly description: string | undefined;
  readonly image: Image | undefined;
  readonly updated: Instant | undefined;
  /** Template name that renders the page (`page`, or one of the site's own). */
  readonly layout: string;
  readonly layoutPlace: Place | undefined;
  /** Menus the page adds itself to, after the config's entries. */
  readonly menus: readonly MenuName[];
  readonly aliases: readonly Alias[];
  readonly draft: boolean;
  readonly params: Params;
  /** Line in the source file where the body starts (1-based). */
  readonly bodyLine: number;
  /** Where `slug` (or the title) was written, for URL collision messages. */
  readonly slugPlace: Place | undefined;
  /** The plugin whose `pages` hook added the page (its `sourcePath` is then {@link pluginPagePath}'s). */
  readonly plugin?: string;
}

/**
 * The `sourcePath` of a page a plugin added, which messages show as it is
 * (`plugin "pilkada" /pilkada/jawa-tengah/`): no content file has such a
 * path, as none ends in a slash.
 */
export function pluginPagePath(plugin: string, url: string): string {
  return `plugin "${plugin}" ${url}`;
}

/** Whether a `sourcePath` is a plugin's page's (see {@link pluginPagePath}). */
export function isPluginPagePath(sourcePath: string): boolean {
  return sourcePath.startsWith('plugin "') && sourcePath.endsWith('/');
}

/** A processed standalone page: its fields, an excerpt and the body's links and images (the HTML is kept apart). */
export interface PageContent extends PageData {
  readonly excerpt: string;
  readonly references: readonly BodyReference[];
}
