import type { Instant } from '../i18n/instant.js';
import { parseDate } from '../i18n/parse-date.js';
import { type FieldContext, readBoolean, reportField, reportSkippedTime } from './field-checks.js';

/** An article's live blog keys: `live: true` makes it one, `liveUntil` ends its coverage. */
export interface LiveFields {
  readonly live: boolean;
  readonly liveUntil: Instant | undefined;
}

const UNTIL_HINT =
  'Write the time coverage ends like `date`: `liveUntil: 2026-12-07 18:00`, or remove it while coverage runs.';

/**
 * Reads `live` and `liveUntil` (a date read like `date`, with the same
 * warning for a time the clocks skip). A `liveUntil` at
 * or before `date` is an error (the blog would never be live); one without
 * `live: true` a warning, as it does nothing.
 */
export function readLive(
  context: FieldContext,
  data: Readonly<Record<string, unknown>>,
  timeZone: string,
  date: Instant | undefined,
): LiveFields {
  const live = readBoolean(context, 'live', data['live']);
  const written = data['liveUntil'];
  if (written === undefined || written === null) return { live, liveUntil: undefined };
  const parsed = parseDate(written, timeZone);
  if (!parsed.ok) {
    reportField(context, ['liveUntil'], `${parsed.reason} for \`liveUntil\``, 'front-matter-live', UNTIL_HINT);
    return { live, liveUntil: undefined };
  }
  reportSkippedTime(context, 'liveUntil', written, timeZone, parsed);
  const until = parsed.instant;
  if (date && until.time <= date.time)
    reportField(
      context,
      ['liveUntil'],
      `Unexpected \`liveUntil\` ${until.iso} at or before the \`date\` ${date.iso}, expected the end of coverage, after it starts`,
      'front-matter-live',
      UNTIL_HINT,
    );
  if (!live)
    reportField(
      context,
      ['liveUntil'],
      'Unexpected `liveUntil` without `live: true`: the article is not a live blog, so the date has no effect',
      'front-matter-live',
      'Add `live: true` to make it a live blog, or remove `liveUntil`.',
      'warning',
    );
  return { live, liveUntil: until };
}
