import type { Article } from '../content/article.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SiteArticle } from './site.js';

/**
 * Resolves an article's `::related{slug=…}` links to published articles:
 * one per distinct slug, in the order the body links them. When several
 * published articles share a slug, the one in the linking article's section
 * wins, else the newest (the list is newest first). Unknown slugs are left out
 * (`checkReadAlsoLinks` reports them).
 */
export function createReadAlsoFinder(published: readonly SiteArticle[]): (article: SiteArticle) => SiteArticle[] {
  let bySlug: Map<string, SiteArticle[]> | undefined;
  return (article) => {
    if (article.readAlsoLinks.length === 0) return [];
    bySlug ??= groupBySlug(published);
    const found: SiteArticle[] = [];
    for (const slug of new Set(article.readAlsoLinks.map((link) => link.slug))) {
      const candidates = bySlug.get(slug) ?? [];
      const target = candidates.find((other) => other.section === article.section) ?? candidates[0];
      if (target) found.push(target);
    }
    return found;
  };
}

/**
 * Errors for `::related` links whose slug no published article has, at the
 * link's place: `related-unknown-slug`, saying whether an article with that
 * slug exists but is not published (a draft, scheduled or expired).
 */
export function checkReadAlsoLinks(
  published: readonly Article[],
  all: readonly Article[],
  displayPathOf: (article: Article) => string,
): Diagnostic[] {
  if (!published.some((article) => article.readAlsoLinks.length > 0)) return [];
  const live = new Set(published.map((article) => article.slug));
  const known = new Set(all.map((article) => article.slug));
  const diagnostics: Diagnostic[] = [];
  for (const article of published) {
    for (const link of article.readAlsoLinks) {
      if (live.has(link.slug)) continue;
      diagnostics.push(
        createDiagnostic({
          file: displayPathOf(article),
          place: link.place,
          reason: known.has(link.slug)
            ? `Unexpected ::related link to "${link.slug}", an article that is not published (a draft, scheduled or expired)`
            : `Unexpected ::related link to "${link.slug}": no article has this slug`,
          ruleId: 'related-unknown-slug',
          hint: 'Use the slug of a published article: its file name without .md, or its `slug:` field.',
        }),
      );
    }
  }
  return diagnostics;
}

function groupBySlug(articles: readonly SiteArticle[]): Map<string, SiteArticle[]> {
  const groups = new Map<string, SiteArticle[]>();
  for (const article of articles) {
    const group = groups.get(article.slug);
    if (group) group.push(article);
    else groups.set(article.slug, [article]);
  }
  return groups;
}
