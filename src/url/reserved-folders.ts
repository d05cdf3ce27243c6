/** Top-level folders of the site's own pages, which no section's listing may take: what each holds. */
const RESERVED_FOLDERS: ReadonlyMap<string, string> = new Map([
  ['tag', 'the tag pages'],
  ['author', 'the author pages'],
  ['page', "the home page's archive pages"],
  ['assets', "the theme's files"],
]);

/**
 * What of the site's own already lives at `/<slug>/` (`the tag pages`, `the
 * year archive` for `2026`), or undefined when a section may have it.
 */
export function describeReservedFolder(slug: string): string | undefined {
  return RESERVED_FOLDERS.get(slug) ?? (/^\d{4}$/.test(slug) ? 'the year archive' : undefined);
}
