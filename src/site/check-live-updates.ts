import type { Article } from '../content/article.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * A warning for each update of a published live blog dated after the
 * build's clock: it is shown all the same, so readers would see an update
 * from the future (usually a wrong day or offset). Depends on `now`, so it is
 * worked out by every build rather than kept with the file's own warnings.
 */
export function checkFutureUpdates(
  articles: readonly Article[],
  now: number,
  displayPathOf: (item: { readonly sourcePath: string }) => string,
): Diagnostic[] {
  return articles.flatMap((article) =>
    article.liveUpdates
      .filter((update) => update.date.time > now)
      .map((update) =>
        createDiagnostic({
          file: displayPathOf(article),
          place: update.place,
          severity: 'warning',
          reason: `Unexpected update time ${update.date.iso} after the build's clock, expected a time that has passed: it is shown now, as news from the future`,
          ruleId: 'live-update-future',
          hint: "Check the day, the hour and the offset of the update's `time`.",
        }),
      ),
  );
}
