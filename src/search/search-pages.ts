import { compareText } from '../site/compare.js';
import type { Page } from '../site/site.js';

/** Folder of the search index in the output (`/pagefind/`), as Pagefind's own scripts expect it. */
export const SEARCH_INDEX_DIR = 'pagefind';

/** A page the search index covers: its output path and its URL (without the base path). */
export interface SearchPage {
  readonly path: string;
  readonly url: string;
}

/**
 * The pages readers search: published articles and standalone pages,
 * sorted by output path (the index is built in that order, so the same
 * site gives the same bytes). Listings, tag and author pages and archives
 * only repeat the articles; drafts (built with `--drafts` for a preview)
 * are not searchable.
 */
export function listSearchPages(pages: readonly Page[]): SearchPage[] {
  const found: SearchPage[] = [];
  for (const page of pages) {
    const draft = page.kind === 'article' ? page.article.draft : page.kind === 'page' ? page.entry.draft : true;
    if (!draft) found.push({ path: outputPathOf(page.url), url: page.url });
  }
  return found.sort((a, b) => compareText(a.path, b.path));
}

/** The file a page URL is written to (`/a/` → `a/index.html`). */
function outputPathOf(url: string): string {
  return url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1);
}

/** Whether an output path is one of the search index's files. */
export function isSearchIndexFile(path: string): boolean {
  return path.startsWith(`${SEARCH_INDEX_DIR}/`);
}
