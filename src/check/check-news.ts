import type { ArticleData } from '../content/article.js';
import type { ErrorCode } from '../diagnostics/error-codes.js';

/** Google News shows about this many characters of a headline before cutting it. */
export const HEADLINE_MAX_CHARACTERS = 110;
/** Google Discover and large previews want lead images at least this wide. */
export const LEAD_IMAGE_MIN_WIDTH = 1200;
/** Two articles with one title inside this window look like a duplicate to readers and to Google News. */
const DUPLICATE_WINDOW_MS = 48 * 60 * 60 * 1000;
/**
 * How far ahead an article may be dated and read as scheduled: embargoes run
 * hours or days, and the build already says what it holds back. A date
 * further out is more often a mistyped year or month than a schedule.
 */
export const SCHEDULE_HORIZON_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The front matter field a finding is about, so the caller can point at its line. */
export type NewsField = 'title' | 'summary' | 'date' | 'image';

/** A probable mistake in one article, found by {@link checkNews}. */
export interface NewsFinding {
  /** Content-relative path of the article. */
  readonly sourcePath: string;
  readonly field: NewsField;
  readonly reason: string;
  /** Permanent rule id. */
  readonly ruleId: ErrorCode;
  readonly hint?: string;
  /** The other article, for duplicates. */
  readonly cause?: { readonly sourcePath: string; readonly field: NewsField };
}

/** What the news checks need to know about the build. */
export interface NewsCheckOptions {
  /** The build clock. */
  readonly now: Date;
  readonly drafts: boolean;
  readonly future: boolean;
  /** Width in pixels of a lead image, when the build measured it. */
  readonly imageWidth: (src: string) => number | undefined;
}

/**
 * Checks that matter for a newsroom rather than for the build: headline
 * length, a missing summary, a date more than {@link SCHEDULE_HORIZON_DAYS}
 * days in the future (without `--future`; a nearer one is a schedule), one
 * title used twice within 48 hours, and a lead image too narrow for large
 * previews. (An `updated` before `date` is already a validation error.) Pure: articles in, findings out,
 * sorted by path. Drafts are left alone unless drafts are built.
 */
export function checkNews(articles: readonly ArticleData[], options: NewsCheckOptions): NewsFinding[] {
  const now = options.now.getTime();
  const candidates = articles.filter(
    (article) => (options.drafts || !article.draft) && (article.expires === undefined || article.expires.time > now),
  );
  const findings = candidates.flatMap((article) => checkArticle(article, now, options));
  findings.push(...findDuplicateTitles(candidates, now, options.future));
  return findings.sort((a, b) => compare(a.sourcePath, b.sourcePath) || compare(a.ruleId, b.ruleId));
}

function checkArticle(article: ArticleData, now: number, options: NewsCheckOptions): NewsFinding[] {
  const found: NewsFinding[] = [];
  const add = (field: NewsField, ruleId: ErrorCode, reason: string, hint?: string) =>
    found.push({ sourcePath: article.sourcePath, field, ruleId, reason, ...(hint ? { hint } : {}) });
  // Graphemes never outnumber UTF-16 units: most titles need no segmenting at all.
  const length = article.title.length > HEADLINE_MAX_CHARACTERS ? countCharacters(article.title) : 0;
  if (length > HEADLINE_MAX_CHARACTERS)
    add(
      'title',
      'news-headline-length',
      `Unexpected headline of ${length} characters, expected at most ${HEADLINE_MAX_CHARACTERS}: Google News cuts longer ones`,
    );
  if (article.summary === undefined || article.summary.trim() === '')
    add(
      'summary',
      'news-summary-missing',
      'Missing `summary`, expected one or two sentences for listings, feeds, search results and link previews',
      'Without it, the start of the body stands in, which rarely reads as a summary.',
    );
  const ahead = article.date.time - now;
  if (!options.future && ahead > SCHEDULE_HORIZON_DAYS * DAY_MS)
    add(
      'date',
      'news-future-date',
      `Unexpected date ${Math.floor(ahead / DAY_MS)} days in the future (${article.date.iso}), expected a schedule of at most ${SCHEDULE_HORIZON_DAYS} days: the article stays unpublished until then`,
      'A mistyped year or month? Correct the date. Scheduled this far ahead on purpose: nothing to do, the first build after that date publishes it (build on a schedule, as the workflow newsgen init writes does); --future publishes scheduled articles now.',
    );
  const width = article.image ? options.imageWidth(article.image.src) : undefined;
  if (width !== undefined && width < LEAD_IMAGE_MIN_WIDTH)
    add(
      'image',
      'news-image-width',
      `Unexpected lead image ${width} px wide, expected at least ${LEAD_IMAGE_MIN_WIDTH} px for large previews in Google Discover and News`,
    );
  return found;
}

/** Published articles of the last 48 hours whose titles match; each later one points at the first. */
function findDuplicateTitles(articles: readonly ArticleData[], now: number, future: boolean): NewsFinding[] {
  const recent = articles
    .filter((article) => article.date.time > now - DUPLICATE_WINDOW_MS && (future || article.date.time <= now))
    .sort((a, b) => a.date.time - b.date.time || compare(a.sourcePath, b.sourcePath));
  const first = new Map<string, ArticleData>();
  const found: NewsFinding[] = [];
  for (const article of recent) {
    const key = article.title.normalize('NFKC').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
    const earlier = first.get(key);
    if (!earlier) first.set(key, article);
    else
      found.push({
        sourcePath: article.sourcePath,
        field: 'title',
        ruleId: 'news-duplicate-title',
        reason: `Unexpected title "${article.title}" used again within 48 hours, expected a distinct headline`,
        cause: { sourcePath: earlier.sourcePath, field: 'title' },
      });
  }
  return found;
}

/** User-perceived characters (grapheme clusters), as readers and Google count them. */
function countCharacters(text: string): number {
  let count = 0;
  for (const _ of new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text)) count += 1;
  return count;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
