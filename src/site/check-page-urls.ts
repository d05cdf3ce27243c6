import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { describeReservedFolder } from '../url/reserved-folders.js';
import type { Page } from './site.js';

/** The folder of a listing's archive pages below its front page (`/ekonomi/page/2/`, see `createPageUrl`). */
const ARCHIVE_FOLDER = 'page';

/**
 * Standalone pages at an address the site keeps for its own pages, whether
 * or not it has one there yet: below `/tag/`, `/author/`, `/sections/`,
 * `/page/` (the home page's archive), `/assets/` (the theme's files),
 * `/search/` and `/pagefind/` (site search), or a
 * year (`/2026/`, the date archives), and a section's archive folder
 * (`/ekonomi/page/…`). Such a page shadowed a generated page, or took its
 * address until the site grew into it (a tag first used, one more page of
 * archive) and the build failed on a `duplicate-url` far from the page.
 * Each is a `page-url-reserved` error at the page's `slug` (or title);
 * `kept` are the other pages, for the checks that need not name such a page
 * again (`pages` itself when there is none).
 * Folders are matched whole: `/pages-we-love/` and `/tagihan/` are free.
 */
export function checkPageUrls(
  pages: readonly Page[],
  sectionSlugs: Iterable<string>,
  displayPathOf: (item: { readonly sourcePath: string }) => string,
): { diagnostics: Diagnostic[]; kept: readonly Page[] } {
  const sections = new Set(sectionSlugs);
  const diagnostics: Diagnostic[] = [];
  const rejected = new Set<Page>();
  for (const page of pages) {
    const taken = page.kind === 'page' ? describeTakenUrl(page.url, sections) : undefined;
    if (taken === undefined || page.kind !== 'page') continue;
    rejected.add(page);
    diagnostics.push(
      createDiagnostic({
        file: displayPathOf(page.entry),
        place: page.entry.slugPlace,
        reason: `Unexpected page at URL ${page.url}, where the site keeps ${taken}, expected an address of the page's own`,
        ruleId: 'page-url-reserved',
        hint:
          page.entry.plugin === undefined
            ? 'Move the file to another folder of content/pages/, or give it another `slug:` when the last part of its URL is the one in the way.'
            : `The page comes from the pages hook of the plugin "${page.entry.plugin}": give it another path there.`,
      }),
    );
  }
  return { diagnostics, kept: rejected.size === 0 ? pages : pages.filter((page) => !rejected.has(page)) };
}

/** What of the site's own lives at or above `url`, when a page may not have it. */
function describeTakenUrl(url: string, sectionSlugs: ReadonlySet<string>): string | undefined {
  const [first, second] = url.split('/').filter(Boolean);
  if (first === undefined) return undefined;
  const reserved = describeReservedFolder(first);
  if (reserved !== undefined) return `${reserved} (/${first}/…)`;
  if (second === ARCHIVE_FOLDER && sectionSlugs.has(first))
    return `the archive pages of the section ${first} (/${first}/${ARCHIVE_FOLDER}/…)`;
  return undefined;
}
