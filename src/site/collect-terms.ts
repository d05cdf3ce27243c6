import { createNameKey, createSlug, normalizeName } from '../url/slug.js';
import { compareText } from './compare.js';
import type { SiteArticle, Taxonomy, Term } from './site.js';

/** Where each taxonomy's listings live, without the base path. */
export const TAXONOMY_PATHS: Readonly<Record<Taxonomy, string>> = { section: '/', tag: '/tag/', author: '/author/' };

/** A term that could not have its natural slug, because a different name has it. */
export interface RenamedTerm {
  readonly term: Term;
  /** The term that has the natural slug. */
  readonly takenBy: Term;
}

/** A taxonomy's terms, and which term each spelling belongs to. */
export interface TermIndex {
  /** Terms by slug, in slug order. */
  readonly terms: Map<string, Term>;
  /** The term of a name as an article spells it; undefined for names without letters or digits. */
  find(name: string): Term | undefined;
  /** Terms given a numbered slug (`jose-2`) because another name slugifies alike: probable mistakes to warn about. */
  readonly renamed: readonly RenamedTerm[];
}

/**
 * Groups the spellings of a taxonomy's terms into terms. Spellings that
 * differ only in case, Unicode form, blanks or punctuation (`E-Commerce`,
 * `e commerce`) are one term, whose display name is the most common spelling
 * (ties: code-unit order). Names that are different but slugify alike
 * (`José` and `Jose`) stay different terms: the one used first keeps the
 * slug, the others get the next free numbered slug (`jose-2`) in the order
 * they were first used, and are listed in `renamed`, so publishing a newer
 * article never moves an existing term to another URL. `spellings` come in
 * the order they were used: the oldest article's first, each article's in
 * the order written. `names` gives configured display names (sections,
 * author profiles), which win over spellings and keep their slug.
 */
export function indexTerms(
  taxonomy: Taxonomy,
  spellings: Iterable<string>,
  names: ReadonlyMap<string, string> = new Map(),
  slugOf: (name: string) => string = createSlug,
): TermIndex {
  const { groups, firstSeen } = groupSpellings(spellings, slugOf);
  const used = new Set(groups.keys());
  const terms = new Map<string, Term>();
  const byKey = new Map<string, Term>();
  const renamed: RenamedTerm[] = [];
  for (const base of [...groups.keys()].sort(compareText)) {
    const byName = groups.get(base) ?? new Map<string, Map<string, number>>();
    const configured = names.get(base);
    const preferred = configured === undefined ? undefined : createNameKey(configured);
    const firstUse = (key: string) => firstSeen.get(`${base}\0${key}`) ?? 0;
    const keys = [...byName.keys()].sort((a, b) =>
      a === preferred ? -1 : b === preferred ? 1 : firstUse(a) - firstUse(b) || compareText(a, b),
    );
    let first: Term | undefined;
    for (const key of keys) {
      const slug = first ? nextFreeSlug(base, used) : base;
      const bySpelling = byName.get(key) ?? new Map<string, number>();
      const term: Term = {
        taxonomy,
        slug,
        name: (first ? undefined : configured) ?? pickCommonest(bySpelling),
        url: `${TAXONOMY_PATHS[taxonomy]}${slug}/`,
        count: sum(bySpelling.values()),
      };
      terms.set(slug, term);
      byKey.set(`${base}\0${key}`, term);
      if (first) renamed.push({ term, takenBy: first });
      first ??= term;
    }
  }
  const sorted = new Map([...terms].sort(([a], [b]) => compareText(a, b)));
  // A site repeats the same few hundred names thousands of times: one lookup each, `null` for a name of no term.
  const found = new Map<string, Term | null>();
  return {
    terms: sorted,
    renamed,
    find(name) {
      const known = found.get(name);
      if (known !== undefined) return known ?? undefined;
      const spelling = normalizeName(name);
      const term = byKey.get(`${slugOf(spelling)}\0${createNameKey(spelling)}`);
      found.set(name, term ?? null);
      return term;
    },
  };
}

/** {@link indexTerms}' terms alone. */
export function collectTerms(
  taxonomy: Taxonomy,
  spellings: Iterable<string>,
  names: ReadonlyMap<string, string> = new Map(),
  slugOf: (name: string) => string = createSlug,
): Map<string, Term> {
  return indexTerms(taxonomy, spellings, names, slugOf).terms;
}

/**
 * Slug → name key → spelling → how often it occurs; and, by `slug\0key`,
 * where in `spellings` the name was first written.
 */
function groupSpellings(
  spellings: Iterable<string>,
  slugOf: (name: string) => string,
): { groups: Map<string, Map<string, Map<string, number>>>; firstSeen: Map<string, number> } {
  const groups = new Map<string, Map<string, Map<string, number>>>();
  const firstSeen = new Map<string, number>();
  // A site spells the same few hundred names thousands of times: each spelling as written is counted with one
  // lookup, then each distinct one grouped (in the order first written, as one at a time would).
  const counts = new Map<string, { count: number; first: number }>();
  let at = 0;
  for (const raw of spellings) {
    const counted = counts.get(raw);
    if (counted) counted.count += 1;
    else counts.set(raw, { count: 1, first: at });
    at += 1;
  }
  for (const [raw, { count, first }] of counts) {
    const spelling = normalizeName(raw);
    const slug = slugOf(spelling);
    if (!slug) continue;
    const key = createNameKey(spelling);
    let byName = groups.get(slug);
    if (!byName) groups.set(slug, (byName = new Map()));
    let bySpelling = byName.get(key);
    if (!bySpelling) byName.set(key, (bySpelling = new Map()));
    bySpelling.set(spelling, (bySpelling.get(spelling) ?? 0) + count);
    const seen = `${slug}\0${key}`;
    if (!firstSeen.has(seen)) firstSeen.set(seen, first);
  }
  return { groups, firstSeen };
}

function nextFreeSlug(base: string, used: Set<string>): string {
  let n = 2;
  while (used.has(`${base}-${n}`)) n += 1;
  const slug = `${base}-${n}`;
  used.add(slug);
  return slug;
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** The spelling with the highest count; ties go to the first in code-unit order. */
export function pickCommonest(bySpelling: ReadonlyMap<string, number>): string {
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

/** Every term an article is listed under: its section, then its tags, then its authors. */
export function termsOf(article: SiteArticle): readonly Term[] {
  return [article.sectionTerm, ...article.tagTerms, ...article.authorTerms];
}
