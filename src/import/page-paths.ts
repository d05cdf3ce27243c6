import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { slugOf } from './map-item.js';
import type { WxrItem } from './read-wxr.js';

/**
 * The file of each imported page under `pages/`, nested as WordPress nests
 * pages so each keeps its address: `tentang/redaksi` (a page whose parent is
 * `tentang`) is `pages/tentang/redaksi.md`, at `/tentang/redaksi/`, and a
 * page with children is its folder's `index.md` (`pages/tentang/index.md`,
 * `/tentang/`). A page whose parent is not imported (trashed, or not in the
 * export) starts at the top. Two pages at one path: the later one in the
 * export is numbered (`-2`), with a warning pointing at the first; its
 * children follow it into the numbered folder.
 */
export function planPagePaths(
  pages: readonly WxrItem[],
  label: string,
  diagnostics: Diagnostic[],
): ReadonlyMap<WxrItem, string> {
  const byId = new Map(pages.map((page) => [page.id, page]));
  const parentOf = (page: WxrItem): WxrItem | undefined =>
    page.parent === page.id ? undefined : byId.get(page.parent);
  const parents = new Set(pages.map(parentOf).filter((parent) => parent !== undefined));
  const paths = new Map<WxrItem, string>();
  const files = new Map<WxrItem, string>();
  const taken = new Set<string>();
  const fileOf = (page: WxrItem, path: string) => `pages/${path}${parents.has(page) ? '/index' : ''}.md`;
  const resolve = (page: WxrItem, visiting: Set<WxrItem>): string => {
    const known = paths.get(page);
    if (known !== undefined) return known;
    visiting.add(page);
    const parent = parentOf(page);
    // A parent chain that loops (a hand-edited export) is cut where it comes back.
    const folder = parent && !visiting.has(parent) ? `${resolve(parent, visiting)}/` : '';
    const first = `${folder}${slugOf(page)}`;
    let path = first;
    for (let n = 2; taken.has(path); n += 1) path = `${first}-${n}`;
    taken.add(path);
    paths.set(page, path);
    files.set(page, fileOf(page, path));
    if (path !== first) {
      const owner = [...paths].find(([, other]) => other === first)?.[0];
      diagnostics.push(
        createDiagnostic({
          file: `${label}/${fileOf(page, path)}`,
          severity: 'warning',
          reason: `Unexpected second page at /${first}/, written at /${path}/`,
          ruleId: 'import-duplicate-slug',
          ...(owner ? { cause: { file: `${label}/${fileOf(owner, first)}` } } : {}),
        }),
      );
    }
    return path;
  };
  for (const page of pages) resolve(page, new Set());
  return files;
}
