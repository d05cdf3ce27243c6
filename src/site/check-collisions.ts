import { createDiagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';

/** Who claims an output URL: an article file, or a generated page. */
export interface UrlClaim {
  readonly url: string;
  /** Display path of the article file, or a description of the generated page. */
  readonly file: string;
  readonly place: Place | undefined;
}

/**
 * Finds URLs claimed twice. Exact duplicates are `duplicate-url`; URLs that
 * differ only in letter case or Unicode normal form are `url-case-collision`,
 * since they are one file on macOS and Windows hosts. Each message names both
 * claimants, the first through `cause`.
 */
export function checkCollisions(claims: readonly UrlClaim[]): Diagnostic[] {
  const seen = new Map<string, UrlClaim>();
  const diagnostics: Diagnostic[] = [];
  for (const claim of claims) {
    const key = claim.url.normalize('NFC').toLowerCase();
    const first = seen.get(key);
    if (!first) {
      seen.set(key, claim);
      continue;
    }
    const exact = first.url === claim.url;
    diagnostics.push(
      createDiagnostic({
        file: claim.file,
        place: claim.place,
        reason: exact
          ? `Unexpected second page at URL ${claim.url}, already written by ${first.file}`
          : `Unexpected URL ${claim.url} that differs from ${first.url} (${first.file}) only in letter case or Unicode form; they collide on macOS and Windows`,
        ruleId: exact ? 'duplicate-url' : 'url-case-collision',
        hint: 'Give one of the articles another `slug:` (or change the permalink pattern).',
        cause: { file: first.file, place: first.place },
      }),
    );
  }
  return diagnostics;
}
