import type { Place } from '../diagnostics/diagnostic.js';
import type { Image } from './article.js';

/** An author's profile from `content/authors/*.md` or `authors.yml`. */
export interface AuthorProfile {
  readonly slug: string;
  readonly name: string;
  readonly role: string | undefined;
  readonly bioHtml: string | undefined;
  readonly avatar: Image | undefined;
  readonly links: readonly { readonly name: string; readonly url: string }[];
  readonly sourcePath: string;
  /** Where `name` is written (in `authors.yml`, the entry's), for messages about the profile. */
  readonly namePlace: Place | undefined;
}
