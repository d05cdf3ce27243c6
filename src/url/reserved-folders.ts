/** The search page's URL (with `search: true`; its folder is reserved whether or not a site has search). */
export const SEARCH_PAGE_URL = '/search/';

/** Top-level folders of the site's own pages, which no section's listing may take: what each holds. */
const RESERVED_FOLDERS: ReadonlyMap<string, string> = new Map([
  ['tag', 'the tag pages'],
  ['author', 'the author pages'],
  ['sections', 'the index of sections'],
  ['page', "the home page's archive pages"],
  ['assets', "the theme's files"],
  ['search', 'the search page'],
  ['pagefind', "the search index's files"],
]);

/**
 * What of the site's own already lives at `/<slug>/` (`the tag pages`, `the
 * year archive` for `2026`), or undefined when a section may have it.
 */
export function describeReservedFolder(slug: string): string | undefined {
  return RESERVED_FOLDERS.get(slug) ?? (/^\d{4}$/.test(slug) ? 'the year archive' : undefined);
}

/**
 * What of the site's own already has the URL a standalone page
 * `pages/<slug>.md` would take, or undefined when it is free: the home page
 * for `index` (`pages/index.md` is `/`), a section's listing (`sectionSlugs`),
 * or a {@link describeReservedFolder}. The build refuses these once the
 * page is written (`duplicate-url`, `page-url-reserved`); `newsgen new
 * --page` asks first.
 */
export function describeTakenPageUrl(slug: string, sectionSlugs: readonly string[]): string | undefined {
  if (slug === 'index') return 'the home page';
  if (sectionSlugs.includes(slug)) return `the listing of the section ${slug}`;
  return describeReservedFolder(slug);
}
