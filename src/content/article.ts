import type { Place } from '../diagnostics/diagnostic.js';
import { hashBytes } from '../hash/hash-bytes.js';
import type { Instant } from '../i18n/instant.js';

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

/** A correction notice shown at the end of an article. */
export interface Correction {
  readonly date: Instant;
  readonly text: string;
}

/**
 * A validated article: front matter fields normalised, body still Markdown.
 * Produced by `checkArticle`; pure data.
 */
export interface ArticleData {
  /** Content-relative path with forward slashes, e.g. `ekonomi/harga-cabai.md`. */
  readonly sourcePath: string;
  /** Stable id: the source path without `.md` (or the `id` field). */
  readonly id: string;
  readonly title: string;
  readonly date: Instant;
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
  /** Markdown body after the front matter. */
  readonly body: string;
  /** Line in the source file where the body starts (1-based), for positions. */
  readonly bodyLine: number;
  /** Where `slug` (or the title when there is no slug) was declared, for URL collision messages. */
  readonly slugPlace: Place | undefined;
}

/** An article with its rendered body. */
export interface Article extends ArticleData {
  /** Sanitised HTML of the body. */
  readonly html: string;
  /** Plain-text excerpt: the summary, or the body cut at a word boundary. */
  readonly excerpt: string;
}

/**
 * Gives an article's body HTML. Usually the HTML it carries; a build that
 * restored its articles from the build cache reads each body from the cache
 * only when a page, feed or fingerprint needs it, instead of all of them.
 */
export type ArticleHtml = (article: Pick<Article, 'sourcePath' | 'html'>) => string;

/**
 * The SHA-1 of an article's body HTML (its UTF-8 bytes, in hex, as
 * `hashBytes` gives it), for fingerprints and feed keys. A build that
 * restored the article from the cache takes it from there instead of reading
 * and hashing the body.
 */
export type ArticleHtmlDigest = (article: Pick<Article, 'sourcePath' | 'html'>) => string;

/** The HTML an article carries (see {@link ArticleHtml}). */
export const inlineHtml: ArticleHtml = (article) => article.html;

/** Digests hashed from the bodies `htmlOf` gives: what {@link ArticleHtmlDigest} stands for when nothing knows them already. */
export function hashHtml(htmlOf: ArticleHtml = inlineHtml): ArticleHtmlDigest {
  return (article) => hashBytes(htmlOf(article));
}
