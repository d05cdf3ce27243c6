import { isPluginPagePath } from '../content/standalone-page.js';
import { createDiagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';

/** Who claims an output URL: an article file, or a generated page. */
export interface UrlClaim {
  readonly url: string;
  /** Display path of the article file, or a description of the generated page. */
  readonly file: string;
  readonly place: Place | undefined;
}

/** URLs that need no Unicode normalising: printable ASCII is its own normal form. */
const PLAIN_URL = /^[\x20-\x7e]*$/;

/**
 * Finds URLs claimed twice. Exact duplicates are `duplicate-url`; URLs that
 * differ only in letter case or Unicode normal form are `url-case-collision`,
 * since they are one file on macOS and Windows hosts. Each message names both
 * claimants, the first through `cause`. `claimOf` describes an item only
 * when it collides: a site of 100,000 pages then makes no display path and
 * no claim for pages that collide with nothing.
 */
export function checkCollisions<T extends { readonly url: string }>(
  items: readonly T[],
  claimOf: (item: T) => UrlClaim,
): Diagnostic[] {
  const seen = new Map<string, T>();
  const diagnostics: Diagnostic[] = [];
  for (const item of items) {
    const key = (PLAIN_URL.test(item.url) ? item.url : item.url.normalize('NFC')).toLowerCase();
    const firstItem = seen.get(key);
    if (firstItem === undefined) {
      seen.set(key, item);
      continue;
    }
    const [first, claim] = [claimOf(firstItem), claimOf(item)];
    const exact = first.url === claim.url;
    diagnostics.push(
      createDiagnostic({
        file: claim.file,
        place: claim.place,
        reason: exact
          ? `Unexpected page at URL ${claim.url}, which ${first.file} claims too`
          : `Unexpected URL ${claim.url} that differs from ${first.url} (${first.file}) only in letter case or Unicode form; they collide on macOS and Windows`,
        ruleId: exact ? 'duplicate-url' : 'url-case-collision',
        hint:
          isPluginPagePath(claim.file) || isPluginPagePath(first.file)
            ? "One of them comes from a plugin's pages hook: give it another path there, or the other one another `slug:`."
            : 'Give one of the articles another `slug:` (or change the permalink pattern).',
        cause: { file: first.file, place: first.place },
      }),
    );
  }
  return diagnostics;
}
