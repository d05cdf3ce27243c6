import type { Article } from '../content/article.js';
import { createDiagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import type { SiteIndexes, Taxonomy, Term } from './site.js';

/** The names an article gives in each taxonomy, and where it writes each. */
const NAMES_OF: Readonly<
  Record<Taxonomy, (article: Article) => { names: readonly string[]; places: readonly (Place | undefined)[] }>
> = {
  section: (article) => ({ names: [article.section], places: [article.namePlaces.section] }),
  tag: (article) => ({ names: article.tags, places: article.namePlaces.tags }),
  author: (article) => ({ names: article.authors, places: article.namePlaces.authors }),
};

/** {@link checkTermNames} of the section, tag and author indexes, in that order. */
export function checkSiteTermNames(
  indexes: SiteIndexes,
  articles: readonly Article[],
  displayPathOf: (article: Article) => string,
): Diagnostic[] {
  return (['section', 'tag', 'author'] as const).flatMap((taxonomy) =>
    checkTermNames(taxonomy, indexes[taxonomy], articles, displayPathOf),
  );
}

/**
 * Warns about different names that slugify alike (`José` and `Jose`,
 * probably one person spelled two ways): each was kept apart under its own
 * slug (`jose`, `jose-2`), and the warning names the first article of each,
 * at the place where it writes the name. `articles` come in the site's
 * order, so the files named are stable.
 */
export function checkTermNames(
  taxonomy: Taxonomy,
  index: SiteIndexes[Taxonomy],
  articles: readonly Article[],
  displayPathOf: (article: Article) => string,
): Diagnostic[] {
  if (index.renamed.length === 0) return [];
  const firstUse = (term: Term): { file: string; place: Place | undefined } | undefined => {
    for (const article of articles) {
      const { names, places } = NAMES_OF[taxonomy](article);
      const at = names.findIndex((name) => index.find(name) === term);
      if (at !== -1) return { file: displayPathOf(article), place: places[at] };
    }
    return undefined;
  };
  return index.renamed.map(({ term, takenBy }) => {
    const use = firstUse(term);
    const other = firstUse(takenBy);
    return createDiagnostic({
      file: use?.file ?? '(content)',
      place: use?.place,
      severity: 'warning',
      reason: `Unexpected ${taxonomy} "${term.name}" that makes the same URL slug as ${taxonomy} "${takenBy.name}"${other ? ` (${other.file})` : ''}, expected one spelling per ${taxonomy}: "${term.name}" is listed at ${term.url} instead of ${takenBy.url}`,
      ruleId: 'term-slug-collision',
      hint: `If both names mean the same ${taxonomy}, spell them alike; if not, the numbered URL keeps them apart.`,
      cause: other,
    });
  });
}

/**
 * A model's warnings (`modelWarnings`) with each `term-slug-collision` made again, for a model
 * patched in place: the patch kept every article's names and dates, so the
 * same terms collide and the same articles are named, but an edit above a
 * name moves the line it is on.
 */
export function renewTermWarnings(
  model: { readonly modelWarnings: readonly Diagnostic[]; readonly indexes: SiteIndexes },
  articles: readonly Article[],
  displayPathOf: (article: Article) => string,
): readonly Diagnostic[] {
  const warnings = model.modelWarnings;
  if (!warnings.some((found) => found.ruleId === 'term-slug-collision')) return warnings;
  const fresh = checkSiteTermNames(model.indexes, articles, displayPathOf);
  let next = 0;
  return warnings.map((found) => (found.ruleId === 'term-slug-collision' ? (fresh[next++] ?? found) : found));
}
