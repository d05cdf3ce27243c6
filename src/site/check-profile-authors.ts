import { closestMatch } from 'leven';
import type { Article } from '../content/article.js';
import type { AuthorProfile } from '../content/author-profile.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { createSlugger, normalizeName } from '../url/slug.js';
import { compareText } from './compare.js';

/**
 * Warns about author profiles that no article names (`author-profile-unused`):
 * a profile belongs to the author whose name makes the same slug, so a typo
 * in either name leaves the profile out of every page, and the author's page
 * without a bio or photo. Every article counts, drafts and scheduled ones
 * included: a profile written before its author's first article is
 * published is no mistake. The warning names the nearest author name when
 * one is close (`Budi Santosa` for `Budi Santoso`), and an article that
 * writes it. Pure.
 */
export function checkProfileAuthors(
  profiles: ReadonlyMap<string, AuthorProfile>,
  articles: readonly Article[],
  displayPathOf: (item: { readonly sourcePath: string }) => string,
): Diagnostic[] {
  if (profiles.size === 0) return [];
  const slugOf = createSlugger();
  // Each spelling once, with the first article (in the order given) that writes it.
  const writtenIn = new Map<string, Article>();
  for (const article of articles)
    for (const name of article.authors) if (!writtenIn.has(name)) writtenIn.set(name, article);
  const named = new Set([...writtenIn.keys()].map((name) => slugOf(normalizeName(name))));
  const unused = [...profiles.values()].filter((profile) => !named.has(profile.slug));
  if (unused.length === 0) return [];
  const candidates = [...writtenIn.keys()]
    .filter((name) => !profiles.has(slugOf(normalizeName(name))))
    .sort(compareText);
  return unused.map((profile) => {
    const nearest = findNearest(profile.name, candidates);
    const article = nearest === undefined ? undefined : writtenIn.get(nearest);
    const file = article && displayPathOf(article);
    return createDiagnostic({
      file: displayPathOf(profile),
      place: profile.namePlace,
      severity: 'warning',
      reason: `Unexpected author profile "${profile.name}" that no article names (the profile shows on no page), ${nearest ? `did you mean "${nearest}" (${file})?` : 'expected the name of an author of an article, drafts and scheduled ones included'}`,
      ruleId: 'author-profile-unused',
      hint: nearest
        ? `If they are one person, spell the name alike here and in the articles' \`author:\`; a profile belongs to the author whose name makes the same URL slug (${profile.slug}).`
        : `Check the spelling of \`name\` here and of \`author:\` in the articles: a profile belongs to the author whose name makes the same URL slug (${profile.slug}). Remove the profile of someone who writes no articles.`,
    });
  });
}

/** The candidate closest to `name` (ignoring case), when it is close enough to be a misspelling. */
function findNearest(name: string, candidates: readonly string[]): string | undefined {
  const lower = candidates.map((candidate) => candidate.toLowerCase());
  const target = name.toLowerCase();
  const match = closestMatch(target, lower, { maxDistance: Math.max(2, Math.floor(target.length / 4)) });
  return match === undefined ? undefined : candidates[lower.indexOf(match)];
}
