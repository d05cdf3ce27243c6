import type { LoadedRecords, SavedSource } from './cache-entries.js';
import { openLinesWriter } from './checked-files.js';
import { type HtmlRef, placeOf } from './html-pack.js';

/** Writes `records.json` for a save; see {@link openRecordsWriter}. */
export interface RecordsWriter {
  /** The caller's data: the first line. */
  addData(data: unknown): void;
  /** One file's line, with its HTML at `ref`. */
  add(file: string, source: SavedSource<unknown>, ref: HtmlRef | undefined): void;
  finish(): void;
  abandon(): void;
}

/**
 * Writes the records line by line. A file whose hash, stats and HTML are the
 * ones `loaded` read has the line as read (its record is the same: the
 * cache key covers everything else); runs of such lines are copied in one
 * piece, so a one-article change re-encodes one line.
 */
export function openRecordsWriter(
  file: string,
  key: string,
  loaded: LoadedRecords<unknown> | undefined,
): RecordsWriter {
  const lines = openLinesWriter(file, key);
  /** Unchanged lines that follow each other in the records as read. */
  let run: { start: number; end: number } | undefined;
  const copyRun = () => {
    if (run && loaded) lines.add(loaded.bytes.subarray(run.start, run.end));
    run = undefined;
  };
  return {
    addData: (data) => lines.add(JSON.stringify(data)),
    add(name, source, ref) {
      const before = loaded?.lines.get(name);
      if (
        before &&
        ref !== undefined &&
        placeOf(before.entry.html)?.ref === ref &&
        source.hash === before.entry.hash &&
        source.stat === before.entry.stat
      ) {
        // The newline between two lines read one after the other comes with them.
        if (run && before.start === run.end + 1) run.end = before.end;
        else {
          copyRun();
          run = { start: before.start, end: before.end };
        }
        return;
      }
      copyRun();
      lines.add(JSON.stringify([name, source.hash, source.stat ?? null, ref ?? null, source.record]));
    },
    finish() {
      copyRun();
      lines.finish();
    },
    abandon: () => lines.abandon(),
  };
}
