import type { ArticleBodies } from '../content/article.js';
import type { ArticlePage, HomePage, ListPage, SiteArticle, Term } from '../site/site.js';

/** The pages another thread can render: they show articles, and need nothing of the site but what they name. */
export type OffloadPage = ArticlePage | HomePage | ListPage;

/** Whether a page can be rendered on another thread (see {@link OffloadPage}). */
export function isOffloadPage(page: { readonly kind: string }): page is OffloadPage {
  return page.kind === 'article' || page.kind === 'home' || page.kind === 'list';
}

/** An article as a batch names it: its index in the site's articles, which every render thread holds. */
type ArticleRef = number;

/**
 * A page that shows articles, its articles of type `A`: as the site has it
 * (`SiteArticle`, see {@link OffloadPage}) or as a batch carries it
 * ({@link ArticleRef}); every other field as the page has it.
 */
type PageOf<A> =
  | {
      readonly kind: 'article';
      readonly url: string;
      readonly article: A;
      readonly related: readonly A[];
      readonly otherNews: readonly A[];
      readonly readAlso: readonly A[];
    }
  | (Omit<HomePage, 'headline' | 'sections' | 'articles' | 'after' | 'newest'> & {
      readonly headline: A | undefined;
      readonly sections: readonly { readonly term: Term; readonly articles: readonly A[] }[];
      readonly articles: readonly A[];
      readonly after: A | undefined;
      readonly newest: A | undefined;
    })
  | (Omit<ListPage, 'lead' | 'articles' | 'after' | 'newest'> & {
      readonly lead: A | undefined;
      readonly articles: readonly A[];
      readonly after: A | undefined;
      readonly newest: A | undefined;
    });

/** The same page with each of its articles mapped by `to`: how a batch packs and unpacks pages alike. */
function mapArticles<A, B>(page: PageOf<A>, to: (article: A) => B): PageOf<B> {
  const each = (articles: readonly A[]) => articles.map((article) => to(article));
  const optional = (article: A | undefined) => (article === undefined ? undefined : to(article));
  if (page.kind === 'article')
    return {
      kind: 'article',
      url: page.url,
      article: to(page.article),
      related: each(page.related),
      otherNews: each(page.otherNews),
      readAlso: each(page.readAlso),
    };
  if (page.kind === 'home')
    return {
      ...page,
      headline: optional(page.headline),
      sections: page.sections.map((block) => ({ term: block.term, articles: each(block.articles) })),
      articles: each(page.articles),
      after: optional(page.after),
      newest: optional(page.newest),
    };
  return {
    ...page,
    lead: optional(page.lead),
    articles: each(page.articles),
    after: optional(page.after),
    newest: optional(page.newest),
  };
}

/**
 * Pages as sent to a render thread: every page with its articles as indexes
 * into the site's articles (each thread was given them once, when it
 * started), and the bodies of the batch's article pages' own articles (a
 * listing shows cards, never a body). Small to copy between threads.
 */
export interface PageBatch {
  /** Source path → body HTML, for the batch's article pages' own articles only. */
  readonly bodies: Readonly<Record<string, string>>;
  readonly pages: readonly PageOf<ArticleRef>[];
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
  const ownBodies: Record<string, string> = {};
  for (const page of pages) if (page.kind === 'article') ownBodies[page.article.sourcePath] = bodies.html(page.article);
  return { bodies: ownBodies, pages: pages.map((page) => mapArticles(page, ref)) };
}

/** Unpacks a batch into pages with the thread's own copy of the site's articles, one object per article. */
export function decodePages(batch: PageBatch, articles: readonly SiteArticle[]): OffloadPage[] {
  const at = (position: ArticleRef): SiteArticle => {
    const article = articles[position];
    if (!article) throw new Error(`Internal: article ${position} missing from a render thread`);
    return article;
  };
  return batch.pages.map((page) => mapArticles(page, at));
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
