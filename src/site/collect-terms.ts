import { createSlug, normalizeName } from '../url/slug.js';
import { compareText } from './compare.js';
import type { Taxonomy, Term } from './site.js';

/** Where each taxonomy's listings live, without the base path. */
export const TAXONOMY_PATHS: Readonly<Record<Taxonomy, string>> = { section: '/', tag: '/tag/', author: '/author/' };

/**
 * Groups the spellings of a taxonomy's terms into terms. Two spellings are
 * one term when their slugs match (case-insensitive, NFC-normalised), and the
 * display name is the most common spelling (ties: code-unit order). `names`
 * gives the configured display names that win over spellings (sections).
 */
export function collectTerms(
  taxonomy: Taxonomy,
  spellings: Iterable<string>,
  names: ReadonlyMap<string, string> = new Map(),
  slugOf: (name: string) => string = createSlug,
): Map<string, Term> {
  const counts = new Map<string, Map<string, number>>();
  for (const raw of spellings) {
    const spelling = normalizeName(raw);
    const slug = slugOf(spelling);
    if (!slug) continue;
    const bySpelling = counts.get(slug) ?? new Map<string, number>();
    bySpelling.set(spelling, (bySpelling.get(spelling) ?? 0) + 1);
    counts.set(slug, bySpelling);
  }
  const terms = new Map<string, Term>();
  for (const slug of [...counts.keys()].sort(compareText)) {
    const bySpelling = counts.get(slug) ?? new Map<string, number>();
    let count = 0;
    for (const n of bySpelling.values()) count += n;
    terms.set(slug, {
      taxonomy,
      slug,
      name: names.get(slug) ?? pickCommonest(bySpelling),
      url: `${TAXONOMY_PATHS[taxonomy]}${slug}/`,
      count,
    });
  }
  return terms;
}

function pickCommonest(bySpelling: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [spelling, count] of bySpelling) {
    if (count > bestCount || (count === bestCount && compareText(spelling, best) < 0)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

/** Sorts terms for indexes: most articles first, then by name. */
export function compareTermsByCount(a: Term, b: Term): number {
  return b.count - a.count || compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.slug, b.slug);
}
