import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { describeTakenPageUrl } from '../url/reserved-folders.js';
import { slugOf } from './map-item.js';
import type { WxrItem } from './read-wxr.js';

/** Where an imported page is written, and the address it could not keep (one of the site's own), if any. */
export interface PagePath {
  /** Under the content folder: `pages/tentang/redaksi.md`. */
  readonly file: string;
  /** `/search/` for a WordPress page at an address newsgen keeps for its own pages: no alias can take it. */
  readonly displacedFrom?: string;
}

/**
 * The file of each imported page under `pages/`, nested as WordPress nests
 * pages so each keeps its address: `tentang/redaksi` (a page whose parent is
 * `tentang`) is `pages/tentang/redaksi.md`, at `/tentang/redaksi/`, and a
 * page with children is its folder's `index.md` (`pages/tentang/index.md`,
 * `/tentang/`). A page whose parent is not imported (trashed, or not in the
 * export) starts at the top. A page at a path another page of the export
 * took first, or at the top where the site has a page of its own (a
 * section's listing, `/search/`, `/tag/`, a year: `sections` are the
 * site's), is numbered (`-2`) with a warning; its children follow it.
 */
export function planPagePaths(
  pages: readonly WxrItem[],
  sections: readonly string[],
  label: string,
  diagnostics: Diagnostic[],
): ReadonlyMap<WxrItem, PagePath> {
  const byId = new Map(pages.map((page) => [page.id, page]));
  const parentOf = (page: WxrItem): WxrItem | undefined =>
    page.parent === page.id ? undefined : byId.get(page.parent);
  const parents = new Set(pages.map(parentOf).filter((parent) => parent !== undefined));
  const paths = new Map<WxrItem, string>();
  const owners = new Map<string, WxrItem>();
  const planned = new Map<WxrItem, PagePath>();
  const fileOf = (page: WxrItem, path: string) => `pages/${path}${parents.has(page) ? '/index' : ''}.md`;
  const siteOwn = (path: string) => (path.includes('/') ? undefined : describeTakenPageUrl(path, sections));
  const resolve = (page: WxrItem, visiting: Set<WxrItem>): string => {
    const known = paths.get(page);
    if (known !== undefined) return known;
    visiting.add(page);
    const parent = parentOf(page);
    // A parent chain that loops (a hand-edited export) is cut where it comes back.
    const folder = parent && !visiting.has(parent) ? `${resolve(parent, visiting)}/` : '';
    const first = `${folder}${slugOf(page)}`;
    let path = first;
    for (let n = 2; owners.has(path) || siteOwn(path) !== undefined; n += 1) path = `${first}-${n}`;
    paths.set(page, path);
    owners.set(path, page);
    const file = fileOf(page, path);
    const own = siteOwn(first);
    planned.set(page, own === undefined ? { file } : { file, displacedFrom: `/${first}/` });
    if (path === first) return path;
    const owner = owners.get(first);
    diagnostics.push(
      createDiagnostic({
        file: `${label}/${file}`,
        // The `title:` key, first in the front matter: the page's address comes from its file's name.
        place: { line: 2, column: 1 },
        severity: 'warning',
        reason:
          own === undefined
            ? `Unexpected second page at /${first}/, written at /${path}/`
            : `Unexpected page at /${first}/, where the site keeps ${own}: written at /${path}/, so its old address shows the site's page`,
        ruleId: own === undefined ? 'import-duplicate-slug' : 'import-page-url',
        ...(owner ? { cause: { file: `${label}/${fileOf(owner, first)}` } } : {}),
      }),
    );
    return path;
  };
  for (const page of pages) resolve(page, new Set());
  return planned;
}
