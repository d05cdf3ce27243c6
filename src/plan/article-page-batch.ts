import type { ArticleBodies } from '../content/article.js';
import type { ArticlePage, SiteArticle } from '../site/site.js';

/**
 * Article pages as sent to a worker thread: each article of the batch once,
 * the bodies of the articles whose own page is in the batch, and every page
 * as its URL and article indexes. Small to copy between threads.
 */
export interface ArticlePageBatch {
  readonly articles: readonly SiteArticle[];
  /** Source path → body HTML, for the batch's own articles only. */
  readonly bodies: Readonly<Record<string, string>>;
  readonly pages: readonly (readonly [
    url: string,
    article: number,
    related: readonly number[],
    otherNews: readonly number[],
    readAlso: readonly number[],
  ])[];
}

/** Packs article pages for a worker; see {@link ArticlePageBatch}. */
export function encodeArticlePages(pages: readonly ArticlePage[], bodies: ArticleBodies): ArticlePageBatch {
  const positions = new Map<SiteArticle, number>();
  const articles: SiteArticle[] = [];
  const add = (article: SiteArticle): number => {
    let position = positions.get(article);
    if (position === undefined) {
      position = articles.push(article) - 1;
      positions.set(article, position);
    }
    return position;
  };
  const ownBodies: Record<string, string> = {};
  for (const page of pages) ownBodies[page.article.sourcePath] = bodies.html(page.article);
  return {
    articles,
    bodies: ownBodies,
    pages: pages.map((page) => [
      page.url,
      add(page.article),
      page.related.map(add),
      page.otherNews.map(add),
      page.readAlso.map(add),
    ]),
  };
}

/**
 * Unpacks a batch into pages. `known` holds one object per article (by source
 * path) across the batches of one build, so a card shown on many pages is
 * built into a view once per thread.
 */
export function decodeArticlePages(batch: ArticlePageBatch, known: Map<string, SiteArticle>): ArticlePage[] {
  const articles = batch.articles.map((article) => {
    const seen = known.get(article.sourcePath);
    if (seen) return seen;
    known.set(article.sourcePath, article);
    return article;
  });
  const at = (position: number): SiteArticle => {
    const article = articles[position];
    if (!article) throw new Error(`Internal: article ${position} missing from a page batch`);
    return article;
  };
  return batch.pages.map(([url, article, related, otherNews, readAlso]) => ({
    kind: 'article',
    url,
    article: at(article),
    related: related.map(at),
    otherNews: otherNews.map(at),
    readAlso: readAlso.map(at),
  }));
}

/** Many byte strings in one buffer (a count and lengths, then the bytes), to move between threads without copying. */
export function packContents(contents: readonly string[]): Uint8Array {
  const encoded = contents.map((text) => Buffer.from(text, 'utf8'));
  const header = 4 * (encoded.length + 1);
  const packed = new Uint8Array(header + encoded.reduce((total, bytes) => total + bytes.length, 0));
  const view = new DataView(packed.buffer);
  view.setUint32(0, encoded.length);
  let offset = header;
  encoded.forEach((bytes, index) => {
    view.setUint32(4 * (index + 1), bytes.length);
    packed.set(bytes, offset);
    offset += bytes.length;
  });
  return packed;
}

/** The byte strings of {@link packContents}, as views into the same buffer. */
export function unpackContents(packed: Uint8Array): Uint8Array[] {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const count = view.getUint32(0);
  const contents: Uint8Array[] = [];
  let offset = 4 * (count + 1);
  for (let index = 0; index < count; index++) {
    const length = view.getUint32(4 * (index + 1));
    contents.push(packed.subarray(offset, offset + length));
    offset += length;
  }
  return contents;
}
