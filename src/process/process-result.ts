import type { Article } from '../content/article.js';
import type { AuthorProfile } from '../content/author-profile.js';
import type { PageContent } from '../content/standalone-page.js';
import type { Diagnostic, Place } from '../diagnostics/diagnostic.js';

/** An image an article's body shows: its `src` as written and its place in the file. */
export interface BodyImagePlace {
  readonly src: string;
  readonly place: Place;
}

/** The outcome of processing one content file: a value, or its diagnostics. Bodies are kept apart (see {@link ProcessedSource}). */
export type ProcessResult =
  | {
      readonly kind: 'article';
      readonly article: Article;
      readonly warnings?: readonly Diagnostic[];
      /** The body's images, for the image stage (absent when it shows none). */
      readonly images?: readonly BodyImagePlace[];
    }
  | {
      readonly kind: 'page';
      readonly page: PageContent;
      readonly warnings?: readonly Diagnostic[];
      /** The body's images, for the image stage (absent when it shows none). */
      readonly images?: readonly BodyImagePlace[];
    }
  | { readonly kind: 'profile'; readonly profile: AuthorProfile; readonly warnings?: readonly Diagnostic[] }
  | {
      readonly kind: 'profiles';
      readonly profiles: readonly AuthorProfile[];
      readonly warnings?: readonly Diagnostic[];
    }
  | { readonly kind: 'failed'; readonly diagnostics: readonly Diagnostic[] };

/** One processed file: its result, and an article's or page's body HTML, which the build keeps apart from the model. */
export interface ProcessedSource {
  readonly result: ProcessResult;
  readonly html?: string | undefined;
}

/** A file whose problems stop it from being published. */
export function failed(diagnostics: readonly Diagnostic[]): ProcessedSource {
  return { result: { kind: 'failed', diagnostics } };
}

/** A file's outcome carrying `warnings` before the ones it had. */
export function addWarnings(result: ProcessResult, warnings: readonly Diagnostic[]): ProcessResult {
  if (result.kind === 'failed') return { kind: 'failed', diagnostics: [...warnings, ...result.diagnostics] };
  return { ...result, warnings: [...warnings, ...(result.warnings ?? [])] };
}
