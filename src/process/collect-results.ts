import type { Article } from '../content/article.js';
import type { AuthorProfile } from '../content/author-profile.js';
import type { SourceFile } from '../content/source-file.js';
import type { PageContent } from '../content/standalone-page.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ProcessResult } from './process-source.js';

/** The content of a site after the per-file stages: articles, author profiles, and every problem found. */
export interface ProcessedContent {
  readonly articles: readonly Article[];
  readonly profiles: ReadonlyMap<string, AuthorProfile>;
  /** Standalone pages (`content/pages/`), in source order. */
  readonly pages: readonly PageContent[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Gathers per-file results (in source order) into articles, pages and profiles,
 * with every error and warning. Two profiles for one author are reported,
 * pointing at the first.
 */
export function collectResults(
  results: readonly { readonly source: Pick<SourceFile, 'displayPath'>; readonly result: ProcessResult }[],
): ProcessedContent {
  const articles: Article[] = [];
  const pages: PageContent[] = [];
  const profiles = new Map<string, AuthorProfile>();
  /** Where each profile came from, as messages show it (`content/authors.yml`). */
  const shownFile = new Map<AuthorProfile, string>();
  const diagnostics: Diagnostic[] = [];
  for (const { source, result } of results) {
    if (result.kind !== 'failed' && result.warnings) diagnostics.push(...result.warnings);
    if (result.kind === 'article') articles.push(result.article);
    else if (result.kind === 'page') pages.push(result.page);
    else if (result.kind === 'failed') diagnostics.push(...result.diagnostics);
    else {
      for (const profile of result.kind === 'profile' ? [result.profile] : result.profiles) {
        const existing = profiles.get(profile.slug);
        if (!existing) {
          profiles.set(profile.slug, profile);
          shownFile.set(profile, source.displayPath);
        } else {
          const first = shownFile.get(existing) ?? existing.sourcePath;
          diagnostics.push(
            createDiagnostic({
              file: source.displayPath,
              place: profile.namePlace,
              reason: `Unexpected second profile for author "${profile.name}", already in ${first}`,
              ruleId: 'duplicate-author',
              cause: { file: first, place: existing.namePlace },
            }),
          );
        }
      }
    }
  }
  return { articles, profiles, pages, diagnostics };
}
