import { hashBytes } from '../cache/build-cache.js';
import type { Page, Site } from '../site/site.js';
import { shownArticles } from './fingerprint-page.js';

/**
 * Which pages show each article, for one site structure. While the structure
 * stays the same (see {@link describeSiteStructure}), a page's fingerprint can
 * change only when an article it shows changed: a build that changed a few
 * articles fingerprints and renders just the pages listed here for them,
 * instead of ranking related articles for every page of the site.
 */
export interface PageDependents {
  /** The site structure this index holds for. */
  readonly structure: string;
  /** Output paths of the pages that show at least one article. */
  readonly paths: readonly string[];
  /** Article source path → indexes into `paths` of the pages showing it. */
  readonly byArticle: Readonly<Record<string, readonly number[]>>;
}

/**
 * A digest of everything that decides which pages exist and which articles
 * each of them shows, apart from the settings (config, theme, static files)
 * given as `settings`: the published articles' identity, URL, dates, draft
 * flag, section, tags and authors; the terms; author profiles; every page's
 * kind and URL. Listings, related ranking and "other news" are functions of
 * these alone, so two builds with equal structure show the same articles on
 * the same pages, whatever their titles, summaries or bodies.
 */
export function describeSiteStructure(site: Site, settings: string): string {
  const articles = site.articles.map((article) =>
    JSON.stringify([article.sourcePath, article.id, article.url, article.date.time, article.expires?.time, article.draft, article.section, article.tags, article.authors]),
  );
  const pages = site.pages.map((page) => `${page.kind} ${page.url}`);
  const terms = JSON.stringify([site.sections, site.tags, site.authors, [...site.profiles]]);
  return hashBytes([settings, terms, ...articles, '', ...pages].join('\n'));
}

/** Collects a {@link PageDependents} index while pages are planned. */
export function createDependentsIndexer(structure: string): { add(path: string, page: Page): void; finish(): PageDependents } {
  const paths: string[] = [];
  const byArticle: Record<string, number[]> = {};
  return {
    add(path, page) {
      const shown = shownArticles(page);
      if (shown.length === 0) return;
      const index = paths.push(path) - 1;
      for (const article of shown) {
        const list = (byArticle[article.sourcePath] ??= []);
        // Listed once per page, even when the page shows the article twice.
        if (list[list.length - 1] !== index) list.push(index);
      }
    },
    finish: () => ({ structure, paths, byArticle }),
  };
}

/** Output paths of the pages showing any of `articles` (by source path). */
export function pagesShowing(index: PageDependents, articles: Iterable<string>): Set<string> {
  const pages = new Set<string>();
  for (const article of articles) for (const position of index.byArticle[article] ?? []) pages.add(index.paths[position] as string);
  return pages;
}

/** Reads an index back from the cache's JSON; anything malformed counts as missing. */
export function readDependents(value: unknown): PageDependents | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { structure, paths, byArticle } = value as Partial<PageDependents>;
  if (typeof structure !== 'string' || !Array.isArray(paths) || typeof byArticle !== 'object' || byArticle === null) return undefined;
  if (!paths.every((path) => typeof path === 'string')) return undefined;
  for (const list of Object.values(byArticle)) {
    if (!Array.isArray(list) || !list.every((position) => Number.isInteger(position) && position >= 0 && position < paths.length)) return undefined;
  }
  return { structure, paths, byArticle };
}
