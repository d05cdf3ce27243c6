import type { ArticleData, LiveUpdate } from '../content/article.js';
import { describeSkippedTime, SKIPPED_TIME_HINT } from '../content/field-checks.js';
import { createDiagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import type { Instant } from '../i18n/instant.js';
import { parseDate } from '../i18n/parse-date.js';
import type { BodyLiveUpdate, ReadUpdateTime } from '../markdown/remark-live-updates.js';

/** Reads an update's `time` as `date` is read: wall time in `timeZone`, or with its own offset. */
export function createUpdateTimeReader(timeZone: string): ReadUpdateTime {
  return (text) => {
    const parsed = parseDate(text, timeZone);
    if (!parsed.ok) return parsed;
    const read = { ok: true, time: parsed.instant.time, iso: parsed.instant.iso } as const;
    if (!parsed.skipped) return read;
    return { ...read, skipped: describeSkippedTime(':::update time', text, timeZone, read.iso) };
  };
}

/**
 * A live blog's updates placed in its file, a warning for each one dated
 * before the article (coverage starts at `date`) or at a wall time the
 * clocks skip, one at `live` (`livePlace`)
 * when it has none (the page says it is live and shows no update), and the
 * article's last change: its newest update when later than `updated` (and than `date`).
 */
export function readLiveUpdates(
  article: ArticleData,
  found: readonly BodyLiveUpdate[],
  file: string,
  toPlace: (place: Place) => Place,
  livePlace: Place | undefined,
): { updates: LiveUpdate[]; warnings: Diagnostic[]; updated: Instant | undefined } {
  const updates = found.map(
    (update): LiveUpdate => ({
      id: update.id,
      date: { time: update.time, iso: update.iso },
      headline: update.headline,
      text: update.text,
      place: toPlace(update.place),
    }),
  );
  const warnings = updates
    .filter((update) => update.date.time < article.date.time)
    .map((update) =>
      createDiagnostic({
        file,
        place: update.place,
        severity: 'warning',
        reason: `Unexpected update time ${update.date.iso} before the article's \`date\` ${article.date.iso}, expected a time during coverage`,
        ruleId: 'live-update-early',
        hint: "Check the day and hour of the update's `time`, or move `date` back to when coverage began.",
      }),
    );
  found.forEach((update, index) => {
    if (update.skipped) warnings.push(skippedTime(file, updates[index] as LiveUpdate, update.skipped));
  });
  if (article.live && updates.length === 0) warnings.push(noUpdates(file, livePlace));
  const newest = updates[0]?.date;
  const later = (a: Instant | undefined, b: Instant) => (a && a.time >= b.time ? a : b);
  const updated = newest && newest.time > article.date.time ? later(article.updated, newest) : article.updated;
  return { updates, warnings, updated };
}

/** An update whose wall time the clocks skip, as `date-skipped-time` warns of a front-matter date. */
function skippedTime(file: string, update: LiveUpdate, reason: string): Diagnostic {
  return createDiagnostic({
    file,
    place: update.place,
    severity: 'warning',
    reason,
    ruleId: 'date-skipped-time',
    hint: SKIPPED_TIME_HINT,
  });
}

function noUpdates(file: string, place: Place | undefined): Diagnostic {
  return createDiagnostic({
    file,
    place: place ?? { line: 1, column: 1 },
    severity: 'warning',
    reason:
      'Unexpected `live: true` without any :::update, expected the updates in the body: the page is marked live but shows none',
    ruleId: 'front-matter-live',
    hint: 'Write each update as :::update{time="2026-12-07 10:46"} on a line of its own, its text below it, then ::: to close it; or remove `live: true` if the article is not a live blog.',
  });
}
