import type { RecordCodec } from '../cache/build-cache.js';
import type { Article } from '../content/article.js';
import type { Place } from '../diagnostics/diagnostic.js';
import type { ProcessResult } from '../process/process-result.js';

/**
 * How the build cache stores a processed file's result: an article's record
 * is most of a large site's records (about 1.6 KB each, parsed by every build
 * with something to do), and much of it repeats what the line already says.
 * Packed, an article keeps every key in its place (so what is unpacked has
 * the keys in the order processing gave them) but its source path (the
 * line's file) and an excerpt equal to its summary are stored as 0, and each
 * place `{line, column}` as one number. Unpacking restores them in the object
 * just parsed. Other results are stored as they are.
 */
export const resultCodec: RecordCodec<ProcessResult> = {
  pack(result, file) {
    if (result.kind === 'page') return withImages(result);
    if (result.kind !== 'article') return result;
    return { ...withImages(result), article: packArticle(result.article, file) };
  },
  unpack(stored, file) {
    const result = stored as Mutable<ProcessResult>;
    if (result.kind !== 'article' && result.kind !== 'page') return result;
    if (result.images) for (const image of result.images) unpackAt(image, 'place');
    if (result.kind === 'article') unpackArticle(result.article as Mutable<Article>, file);
    return result;
  },
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A place packed: line × 2²⁰ + column, exact for any column under 2²⁰ and line under 2³³. */
const COLUMNS = 2 ** 20;

function packPlace(place: Place | undefined): Place | number | undefined {
  if (place === undefined) return undefined;
  const { line, column } = place;
  // Anything but a plain place (another key, another order, a fraction) is kept as it is.
  const keys = Object.keys(place);
  const plain = keys.length === 2 && keys[0] === 'line' && Number.isInteger(line) && Number.isInteger(column);
  return plain && column >= 0 && column < COLUMNS && line >= 0 && line < 2 ** 33 ? line * COLUMNS + column : place;
}

function unpackPlace(value: unknown): unknown {
  return typeof value === 'number' ? { line: Math.floor(value / COLUMNS), column: value % COLUMNS } : value;
}

/** Unpacks each place of a list, in place. */
function unpackAll(places: readonly unknown[]): void {
  const list = places as unknown[];
  for (let index = 0; index < list.length; index++) list[index] = unpackPlace(list[index]);
}

/** Unpacks the place under `key` of `holder`, when it has one. */
function unpackAt(holder: object, key: string): void {
  const record = holder as Record<string, unknown>;
  if (typeof record[key] === 'number') record[key] = unpackPlace(record[key]);
}

/** A result with the places of its body's images packed. */
function withImages<Result extends { readonly images?: readonly { readonly place: Place }[] | undefined }>(
  result: Result,
): Result {
  const { images } = result;
  return images ? { ...result, images: images.map((image) => ({ ...image, place: packPlace(image.place) })) } : result;
}

function packArticle(article: Article, file: string): unknown {
  const { image, namePlaces } = article;
  return {
    ...article,
    // Only the fields present are replaced, so the keys stay as they were.
    ...(article.sourcePath === file && { sourcePath: 0 }),
    ...(image?.place !== undefined && { image: { ...image, place: packPlace(image.place) } }),
    ...('slugPlace' in article && { slugPlace: packPlace(article.slugPlace) }),
    ...('idPlace' in article && { idPlace: packPlace(article.idPlace) }),
    namePlaces: {
      ...namePlaces,
      ...('section' in namePlaces && { section: packPlace(namePlaces.section) }),
      tags: namePlaces.tags.map(packPlace),
      authors: namePlaces.authors.map(packPlace),
    },
    ...(article.excerpt === article.summary && { excerpt: 0 }),
    readAlsoLinks: article.readAlsoLinks.map((link) =>
      'place' in link ? { ...link, place: packPlace(link.place) } : link,
    ),
    references: article.references.map((reference) => ({ ...reference, place: packPlace(reference.place) })),
  };
}

function unpackArticle(article: Mutable<Article>, file: string): void {
  if ((article.sourcePath as unknown) === 0) article.sourcePath = file;
  if (article.image) unpackAt(article.image, 'place');
  unpackAt(article, 'slugPlace');
  unpackAt(article, 'idPlace');
  const namePlaces = article.namePlaces as Mutable<Article['namePlaces']>;
  unpackAt(namePlaces, 'section');
  unpackAll(namePlaces.tags);
  unpackAll(namePlaces.authors);
  if ((article.excerpt as unknown) === 0) article.excerpt = article.summary as string;
  for (const link of article.readAlsoLinks) unpackAt(link, 'place');
  for (const reference of article.references) unpackAt(reference, 'place');
}
