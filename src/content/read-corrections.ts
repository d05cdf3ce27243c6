import type { Instant } from '../i18n/instant.js';
import { parseDate } from '../i18n/parse-date.js';
import type { Correction } from './article.js';
import { describeValue, type FieldContext, reportField } from './field-checks.js';

/** `corrections`: a list of `{ date, text }`, oldest first. */
export function readCorrections(context: FieldContext, value: unknown, timeZone: string): Correction[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    reportField(
      context,
      ['corrections'],
      `Unexpected ${describeValue(value)} for \`corrections\`, expected a list of \`{date, text}\``,
      'front-matter-corrections',
    );
    return [];
  }
  const corrections: Correction[] = [];
  value.forEach((item: unknown, index) => {
    const fields =
      item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : undefined;
    const text = fields?.['text'];
    const date = fields ? parseDate(fields['date'], timeZone) : undefined;
    if (!fields || typeof text !== 'string' || !text.trim()) {
      reportField(
        context,
        ['corrections', index],
        'Unexpected correction without `text`, expected `{date, text}`',
        'front-matter-corrections',
      );
    } else if (!date?.ok) {
      reportField(
        context,
        ['corrections', index, 'date'],
        date ? date.reason : 'Missing correction date',
        'front-matter-corrections',
      );
    } else {
      corrections.push({ date: date.instant, text: text.trim() });
    }
  });
  return corrections.sort((a, b) => a.date.time - b.date.time);
}

/**
 * An article's last change: `updated`, or its latest correction when that
 * comes later, since a correction changes the article too. Sitemaps
 * (`lastmod`), feeds, `dateModified` and the page's "updated" line all read
 * it, so a correction added without touching `updated` still tells crawlers
 * and feed readers to fetch the article again. A correction dated at or
 * before publication changes nothing.
 */
export function findLastChange(
  updated: Instant | undefined,
  corrections: readonly Correction[],
  date: Instant | undefined,
): Instant | undefined {
  const latest = corrections.at(-1);
  if (!latest || (date && latest.date.time <= date.time)) return updated;
  return updated && updated.time >= latest.date.time ? updated : latest.date;
}
