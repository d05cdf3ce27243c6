import type { Place } from '../diagnostics/diagnostic.js';
import type { Instant } from '../i18n/instant.js';
import type { ArticleKind } from './read-kind.js';
import type { Alias, Params } from './read-shared-fields.js';

/** A lead image or avatar. */
export interface Image {
  /** A site-relative path (`/images/x.jpg`), a path beside the article (`foto-1.jpg`) or an absolute `https:` URL. */
  readonly src: string;
  readonly alt: string;
  readonly caption: string | undefined;
  readonly credit: string | undefined;
  /** Where `src` is written, for messages about the file. */
  readonly place?: Place | undefined;
  /** The point crops keep in view (fractions of width and height), or `auto` for sharp's attention strategy. */
  readonly focus?: readonly [x: number, y: number] | 'auto';
  /** A remote image's size, from front matter (local files are measured). */
  readonly width?: number;
  readonly height?: number;
}

/**
 * Where an article writes its section, each tag and each author (`tags` and
 * `authors` in their order), for messages about a name in the whole site.
 */
export interface NamePlaces {
  /** The `section` value, or the title's key when the section is the folder's. */
  readonly section: Place | undefined;
  readonly tags: readonly (Place | undefined)[];
  readonly authors: readonly (Place | undefined)[];
}

/** A correction notice shown at the end of an article. */
export interface Correction {
  readonly date: Instant;
  readonly text: string;
}

/** A link (`<a href>`) or image (`<img src>`) of a body, as written, and where (file line and column). */
export interface BodyReference {
  readonly kind: 'link' | 'image';
  readonly url: string;
  readonly place: Place;
}

/**
 * A validated article: front matter fields normalised (the Markdown body stays in the front matter).
 * Produced by `checkArticle`; pure data.
 */
export interface ArticleData {
  /** Content-relative path with forward slashes, e.g. `ekonomi/harga-cabai.md`. */
  readonly sourcePath: string;
  /** Stable id: the source path without `.md` (or the `id` field). */
  readonly id: string;
  readonly title: string;
  readonly date: Instant;
  /** The last change: `updated`, or the latest correction when later (see `findLastChange`). */
  readonly updated: Instant | undefined;
  readonly expires: Instant | undefined;
  /** Author display names as written (deduplicated, in order). */
  readonly authors: readonly string[];
  /** Section as written (or the first folder). */
  readonly section: string;
  readonly tags: readonly string[];
  readonly image: Image | undefined;
  readonly summary: string | undefined;
  readonly slug: string;
  readonly dateline: string | undefined;
  readonly editor: string | undefined;
  readonly draft: boolean;
  readonly corrections: readonly Correction[];
  /** Old addresses that redirect here (`aliases:`). */
  readonly aliases: readonly Alias[];
  /** Editors' pick for the home page's lead and its section's lead (`featured: true`), until `featuredUntil`. */
  readonly featured: boolean;
  readonly featuredUntil: Instant | undefined;
  /** News, or what else readers are told the article is (`kind:`): opinion, analysis, review, background, sponsored. */
  readonly kind: ArticleKind;
  /** Who paid for a sponsored article (`sponsor:`), shown as "Dipersembahkan oleh …". */
  readonly sponsor: string | undefined;
  /** A live blog (`live: true`): the body is a stream of `:::update`s, shown newest first. */
  readonly live: boolean;
  /** When a live blog's coverage ends (`liveUntil`): from then on it is no longer marked live. */
  readonly liveUntil: Instant | undefined;
  /** Custom data for templates (`params:`), as written. */
  readonly params: Params;
  /** Line in the source file where the body starts (1-based), for positions. */
  readonly bodyLine: number;
  /** Where `slug` (or the title when there is no slug) was declared, for URL collision messages. */
  readonly slugPlace: Place | undefined;
  /** Where an `id` field was declared, for messages about two articles with one id. */
  readonly idPlace: Place | undefined;
  /** Where the section, tags and authors are written, for messages about names (`term-slug-collision`). */
  readonly namePlaces: NamePlaces;
}

/**
 * A processed article: the validated fields and a plain-text excerpt. Its
 * body HTML is not part of it: bodies have one owner for a build (see
 * {@link ArticleBodies}), so the site model stays small and cheap to copy.
 */
export interface Article extends ArticleData {
  /** Plain-text excerpt: the summary, or the body cut at a word boundary. */
  readonly excerpt: string;
  /** The body's `::related` links: the slug of each linked article and where the link is written, in order. */
  readonly readAlsoLinks: readonly { readonly slug: string; readonly place: Place | undefined }[];
  /** The body's links and images that stay within the site, with their places in the file, checked once the site is built. */
  readonly references: readonly BodyReference[];
  /** A live blog's updates (`:::update`), newest first; empty for other articles. */
  readonly liveUpdates: readonly LiveUpdate[];
}

/** One update of a live blog: its anchor on the page, its time, its headline and its plain text. */
export interface LiveUpdate {
  /** The anchor (`update-20261207-1046`), from the update's time. */
  readonly id: string;
  readonly date: Instant;
  readonly headline: string | undefined;
  /** Plain text of the update, its headline left out; for structured data. */
  readonly text: string;
  /** Where `:::update` is written in the file. */
  readonly place: Place;
}

/**
 * Where pages, feeds and fingerprints read article bodies (sanitised HTML),
 * by the article's source path.
 */
export interface ArticleBodies {
  html(article: Pick<Article, 'sourcePath'>): string;
  /** SHA-1 (hex) of the body's UTF-8 bytes; known without reading the body when the cache has it. */
  digest(article: Pick<Article, 'sourcePath'>): string;
}
