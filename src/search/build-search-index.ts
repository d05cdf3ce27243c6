import { ERROR_CODES } from '../diagnostics/error-codes.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { compareText } from '../site/compare.js';
import { SEARCH_INDEX_DIR } from './search-pages.js';

/** One page's HTML for the index, at its URL as readers open it (with the base path). */
export interface IndexedPage {
  readonly url: string;
  readonly html: string;
}

/** One file of the search index: its output path (`pagefind/…`) and bytes. */
export interface SearchIndexFile {
  readonly path: string;
  readonly contents: Uint8Array;
}

/**
 * Builds the Pagefind index of `pages` (added in the order given) in
 * memory, in the site's language (`language`, an ISO 639-1 code): every
 * page is read as one language, whatever Pagefind would guess. Returns its
 * files sorted by path, for newsgen to write with the rest of the output.
 * Pagefind runs as a service process, stopped before this returns.
 */
export async function buildSearchIndex(pages: readonly IndexedPage[], language: string): Promise<SearchIndexFile[]> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
    if (!index) throw searchError('start Pagefind', errors);
    for (const page of pages) {
      const added = await index.addHTMLFile({ url: page.url, content: page.html });
      if (added.errors.length > 0) throw searchError(`index ${page.url}`, added.errors);
    }
    const built = await index.getFiles();
    if (built.errors.length > 0) throw searchError('build the search index', built.errors);
    return built.files
      .map((file) => ({ path: `${SEARCH_INDEX_DIR}/${file.path.replaceAll('\\', '/')}`, contents: file.content }))
      .sort((a, b) => compareText(a.path, b.path));
  } finally {
    await pagefind.close();
  }
}

function searchError(what: string, errors: readonly string[]): NewsgenError {
  return new NewsgenError(`Could not ${what}: ${errors.join('; ') || 'Pagefind gave no reason'}`, {
    code: 'search-index',
    hint: ERROR_CODES['search-index'].hint,
  });
}
