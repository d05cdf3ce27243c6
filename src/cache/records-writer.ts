import type { LoadedRecords, RecordCodec, SavedSource } from './cache-entries.js';
import { openLinesWriter } from './checked-files.js';
import { type HtmlRef, placeOf } from './html-pack.js';

/** One file's entry as a save places it: its HTML at `ref` in the pack being written. */
export type PlacedSource = readonly [file: string, source: SavedSource<unknown>, ref: HtmlRef | undefined];

/**
 * True when a placed entry is the file's line in the base records as read:
 * the same hash, stats and place of its HTML (the cache key covers
 * everything else, so its record is the same too).
 */
export function isBaseLine(loaded: LoadedRecords<unknown> | undefined, [file, source, ref]: PlacedSource): boolean {
  const before = loaded?.lines.get(file);
  return (
    before !== undefined &&
    ref !== undefined &&
    placeOf(before.entry.html)?.ref === ref &&
    source.hash === before.entry.hash &&
    source.stat === before.entry.stat
  );
}

/** A file's line: `[file, hash, stat, html, record]`, the record as `codec` packs it. */
export function encodeLine([file, source, ref]: PlacedSource, codec: RecordCodec<unknown>): string {
  return JSON.stringify([file, source.hash, source.stat ?? null, ref ?? null, codec.pack(source.record, file)]);
}

/**
 * Writes the base records, one line per entry, and returns their checksum.
 * An entry that is its line in `loaded` (the base as read) has the line as
 * read; runs of such lines are copied in one piece, so rewriting the base
 * re-encodes only the lines that changed.
 */
export function writeBaseRecords(
  file: string,
  key: string,
  placed: readonly PlacedSource[],
  loaded: LoadedRecords<unknown> | undefined,
  codec: RecordCodec<unknown>,
): string {
  const lines = openLinesWriter(file, key);
  /** Unchanged lines that follow each other in the records as read. */
  let run: { start: number; end: number } | undefined;
  const copyRun = () => {
    if (run && loaded) lines.add(loaded.bytes.subarray(run.start, run.end));
    run = undefined;
  };
  try {
    for (const entry of placed) {
      const before = isBaseLine(loaded, entry) ? loaded?.lines.get(entry[0]) : undefined;
      if (before) {
        // The newline between two lines read one after the other comes with them.
        if (run && before.start === run.end + 1) run.end = before.end;
        else {
          copyRun();
          run = { start: before.start, end: before.end };
        }
        continue;
      }
      copyRun();
      lines.add(encodeLine(entry, codec));
    }
    copyRun();
    return lines.finish();
  } finally {
    lines.abandon();
  }
}
