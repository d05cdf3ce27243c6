import { closestMatch } from 'leven';
import { describeValue, type FieldContext, readText, reportField } from './field-checks.js';

/**
 * What an article is, for readers and search engines: news (the default),
 * an opinion column, an analysis, a review, a background piece, or paid
 * content (an advertorial), which must be labelled as such.
 */
export const ARTICLE_KINDS = ['news', 'opinion', 'analysis', 'review', 'background', 'sponsored'] as const;

/** One of {@link ARTICLE_KINDS}. */
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/**
 * Words newsrooms write for a kind that are not newsgen's (Indonesian and
 * English), so `kind: advertorial` is told to write `sponsored`; near
 * misses of newsgen's own words are found by their spelling.
 */
const OTHER_WORDS: Readonly<Record<string, ArticleKind>> = {
  berita: 'news',
  opini: 'opinion',
  kolom: 'opinion',
  column: 'opinion',
  editorial: 'opinion',
  analisis: 'analysis',
  ulasan: 'review',
  advertorial: 'sponsored',
  iklan: 'sponsored',
  paid: 'sponsored',
  ad: 'sponsored',
};

/**
 * `kind` (one of {@link ARTICLE_KINDS}, in any case; news when absent) and
 * `sponsor` (who paid, only with `kind: sponsored`). A value that is no kind
 * is an error naming the allowed ones and the nearest, as unknown keys do.
 */
export function readKind(
  context: FieldContext,
  data: Readonly<Record<string, unknown>>,
): { kind: ArticleKind; sponsor: string | undefined } {
  const value = data['kind'];
  const sponsor = readText(context, 'sponsor', data['sponsor']);
  const kind = value === undefined || value === null ? 'news' : checkKind(context, value);
  if (sponsor !== undefined && kind !== 'sponsored' && kind !== undefined)
    reportField(
      context,
      ['sponsor'],
      `Unexpected \`sponsor\` on ${kind === 'news' ? 'a news article' : `an article of kind ${kind}`}, expected it only with \`kind: sponsored\``,
      'front-matter-sponsor',
      'Add `kind: sponsored` if the article is paid for (it is then labelled as such), or remove `sponsor`.',
    );
  return { kind: kind ?? 'news', sponsor };
}

function checkKind(context: FieldContext, value: unknown): ArticleKind | undefined {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (text !== undefined && (ARTICLE_KINDS as readonly string[]).includes(text)) return text as ArticleKind;
  const allowed = ARTICLE_KINDS.join(', ');
  const nearest = text === undefined ? undefined : nearestKind(text);
  const shown = text === undefined ? describeValue(value) : `kind "${String(value).trim()}"`;
  reportField(
    context,
    ['kind'],
    `Unexpected ${shown}, expected one of ${allowed}${nearest ? `: did you mean "${nearest}"?` : ''}`,
    'front-matter-kind',
    nearest
      ? `Write \`kind: ${nearest}\`.`
      : 'Write one of these words; leave `kind` out for news. The label readers see is set per language (see Front matter).',
  );
  return undefined;
}

/** The kind a word (lower case, trimmed) most likely means: a newsroom's word for it, or the nearest spelling. */
export function nearestKind(text: string): ArticleKind | undefined {
  const near = closestMatch(text, ARTICLE_KINDS, { maxDistance: Math.max(2, text.length / 3) });
  return OTHER_WORDS[text] ?? (near as ArticleKind | undefined);
}
