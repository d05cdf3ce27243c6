import type { ArticleKind } from '../content/read-kind.js';

/**
 * Category and tag names newsrooms file a kind of article under, in
 * Indonesian and English, compared without case. Only words that say what
 * a post is and nothing else: "Berita" (news) needs no `kind`, and a word
 * such as "Editorial" or "Iklan" may name a desk or a topic.
 */
const KIND_TERMS: Readonly<Record<string, ArticleKind>> = {
  opini: 'opinion',
  opinion: 'opinion',
  kolom: 'opinion',
  column: 'opinion',
  analisis: 'analysis',
  analysis: 'analysis',
  ulasan: 'review',
  review: 'review',
  advertorial: 'sponsored',
  sponsored: 'sponsored',
};

/** The kind a category or tag name says a post is ("Opini" → opinion), if it is one of {@link KIND_TERMS}. */
export function kindOfTerm(name: string): ArticleKind | undefined {
  const word = name.trim().toLowerCase();
  return Object.hasOwn(KIND_TERMS, word) ? KIND_TERMS[word] : undefined;
}

/**
 * The kind a post's categories and tags say it is: the first such name's,
 * but paid content wins over any other, as a reader must be told of it.
 */
export function findKind(names: readonly string[]): ArticleKind | undefined {
  const kinds = names.map(kindOfTerm).filter((kind) => kind !== undefined);
  return kinds.includes('sponsored') ? 'sponsored' : kinds[0];
}
