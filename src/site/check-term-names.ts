import type { Article } from '../content/article.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { TermIndex } from './collect-terms.js';
import type { Taxonomy, Term } from './site.js';

/** The names an article gives in each taxonomy. */
const NAMES_OF: Readonly<Record<Taxonomy, (article: Article) => readonly string[]>> = {
  section: (article) => [article.section],
  tag: (article) => article.tags,
  author: (article) => article.authors,
};

/**
 * Warns about different names that slugify alike (`José` and `Jose`,
 * probably one person spelled two ways): each was kept apart under its own
 * slug (`jose`, `jose-2`), and the warning names the first article of each.
 * `articles` come in the site's order, so the files named are stable.
 */
export function checkTermNames(
  taxonomy: Taxonomy,
  index: TermIndex,
  articles: readonly Article[],
  displayPathOf: (article: Article) => string,
): Diagnostic[] {
  if (index.renamed.length === 0) return [];
  const firstArticle = (term: Term): Article | undefined =>
    articles.find((article) => NAMES_OF[taxonomy](article).some((name) => index.find(name) === term));
  return index.renamed.map(({ term, takenBy }) => {
    const article = firstArticle(term);
    const other = firstArticle(takenBy);
    const otherFile = other ? displayPathOf(other) : undefined;
    return createDiagnostic({
      file: article ? displayPathOf(article) : '(content)',
      severity: 'warning',
      reason: `Unexpected ${taxonomy} "${term.name}" that makes the same URL slug as ${taxonomy} "${takenBy.name}"${otherFile ? ` (${otherFile})` : ''}, expected one spelling per ${taxonomy}: "${term.name}" is listed at ${term.url} instead of ${takenBy.url}`,
      ruleId: 'term-slug-collision',
      hint: `If both names mean the same ${taxonomy}, spell them alike; if not, the numbered URL keeps them apart.`,
      cause: otherFile ? { file: otherFile } : undefined,
    });
  });
}
