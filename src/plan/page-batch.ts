import type { ArticleBodies } from '../content/article.js';
import type { ArticlePage, HomePage, ListPage, SiteArticle, Term } from '../site/site.js';

/** The pages another thread can render: they show articles, and need nothing of the site but what they name. */
export type OffloadPage = ArticlePage | HomePage | ListPage;

/** Whether a page can be rendered on another thread (see {@link OffloadPage}). */
export function isOffloadPage(page: { readonly kind: string }): page is OffloadPage {
  return page.kind === 'article' || page.kind === 'home' || page.kind === 'list';
}

/** An article as a batch names it: its index in the site's articles, which every render thread holds; -1 for none. */
type ArticleRef = number;

/** One page of a batch, its articles as {@link ArticleRef}s; every other field as the page has it. */
type EncodedPage =
  | {
      readonly kind: 'article';
      readonly url: string;
      readonly article: ArticleRef;
      readonly related: readonly ArticleRef[];
      readonly otherNews: readonly ArticleRef[];
      readonly readAlso: readonly ArticleRef[];
    }
  | (Omit<HomePage, 'headline' | 'sections' | 'articles' | 'after' | 'newest'> & {
      readonly headline: ArticleRef;
      readonly sections: readonly { readonly term: Term; readonly articles: readonly ArticleRef[] }[];
      readonly articles: readonly ArticleRef[];
      readonly after: ArticleRef;
      readonly newest: ArticleRef;
    })
  | (Omit<ListPage, 'lead' | 'articles' | 'after' | 'newest'> & {
      readonly lead: ArticleRef;
      readonly articles: readonly ArticleRef[];
      readonly after: ArticleRef;
      readonly newest: ArticleRef;
    });

/**
 * Pages as sent to a render thread: every page with its articles as indexes
 * into the site's articles (each thread was given them once, when it
 * started), and the bodies of the batch's article pages' own articles (a
 * listing shows cards, never a body). Small to copy between threads.
 */
export interface PageBatch {
  /** Source path → body HTML, for the batch's article pages' own articles only. */
  readonly bodies: Readonly<Record<string, string>>;
  readonly pages: readonly EncodedPage[];
}

/** Packs pages for a render thread; `positions` gives each article's index in the site's articles. */
export function encodePages(
  pages: readonly OffloadPage[],
  bodies: ArticleBodies,
  positions: ReadonlyMap<SiteArticle, number>,
): PageBatch {
  const ref = (article: SiteArticle): ArticleRef => {
    const position = positions.get(article);
    if (position === undefined) throw new Error(`Internal: ${article.sourcePath} is not one of the site's articles`);
    return position;
  };
  const optional = (article: SiteArticle | undefined): ArticleRef => (article ? ref(article) : -1);
  const ownBodies: Record<string, string> = {};
  const encoded = pages.map((page): EncodedPage => {
    if (page.kind === 'article') {
      ownBodies[page.article.sourcePath] = bodies.html(page.article);
      return {
        kind: 'article',
        url: page.url,
        article: ref(page.article),
        related: page.related.map(ref),
        otherNews: page.otherNews.map(ref),
        readAlso: page.readAlso.map(ref),
      };
    }
    if (page.kind === 'home')
      return {
        ...page,
        headline: optional(page.headline),
        sections: page.sections.map((block) => ({ term: block.term, articles: block.articles.map(ref) })),
        articles: page.articles.map(ref),
        after: optional(page.after),
        newest: optional(page.newest),
      };
    return {
      ...page,
      lead: optional(page.lead),
      articles: page.articles.map(ref),
      after: optional(page.after),
      newest: optional(page.newest),
    };
  });
  return { bodies: ownBodies, pages: encoded };
}

/** Unpacks a batch into pages with the thread's own copy of the site's articles, one object per article. */
export function decodePages(batch: PageBatch, articles: readonly SiteArticle[]): OffloadPage[] {
  const at = (position: ArticleRef): SiteArticle => {
    const article = articles[position];
    if (!article) throw new Error(`Internal: article ${position} missing from a render thread`);
    return article;
  };
  const optional = (position: ArticleRef): SiteArticle | undefined => (position < 0 ? undefined : at(position));
  return batch.pages.map((page): OffloadPage => {
    if (page.kind === 'article')
      return {
        kind: 'article',
        url: page.url,
        article: at(page.article),
        related: page.related.map(at),
        otherNews: page.otherNews.map(at),
        readAlso: page.readAlso.map(at),
      };
    if (page.kind === 'home')
      return {
        ...page,
        headline: optional(page.headline),
        sections: page.sections.map((block) => ({ term: block.term, articles: block.articles.map(at) })),
        articles: page.articles.map(at),
        after: optional(page.after),
        newest: optional(page.newest),
      };
    return {
      ...page,
      lead: optional(page.lead),
      articles: page.articles.map(at),
      after: optional(page.after),
      newest: optional(page.newest),
    };
  });
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
