import type { Article } from '../content/article.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * Finds articles sharing one `id`: the id names an article in feeds (its
 * GUID) and in `:id` permalinks, so two articles with one id would reach
 * feed readers as one. Each second use is a `duplicate-id` error at its
 * `id` field, pointing at the first through `cause`. `articles` in a stable
 * order (the site's), so the first is always the same one.
 */
export function checkDuplicateIds(
  articles: readonly Article[],
  displayPathOf: (article: Article) => string,
): Diagnostic[] {
  const first = new Map<string, Article>();
  const diagnostics: Diagnostic[] = [];
  for (const article of articles) {
    const earlier = first.get(article.id);
    if (!earlier) {
      first.set(article.id, article);
      continue;
    }
    diagnostics.push(
      createDiagnostic({
        file: displayPathOf(article),
        place: article.idPlace,
        reason: `Unexpected id "${article.id}", already the id of ${displayPathOf(earlier)}, expected every article to have its own`,
        ruleId: 'duplicate-id',
        hint: 'Give one of them another `id:` (or remove it: the default id comes from the file path).',
        cause: { file: displayPathOf(earlier), place: earlier.idPlace },
      }),
    );
  }
  return diagnostics;
}
