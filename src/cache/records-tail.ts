import type { CachedSource, LoadedRecords, RecordCodec } from './cache-entries.js';
import { openLinesWriter } from './checked-files.js';
import { createPackedHtml, type HtmlRef, type PackFile } from './html-pack.js';
import { encodeLine, isBaseLine, type PlacedSource } from './records-writer.js';

/** A file's line as written: `[file, hash, stat, html, record]`. */
export type EntryLine<Entry> = [string, string, string | null, HtmlRef | null, Entry];
/** A tail's line: an entry's, or `[file]` for a file gone since the base. */
type RecordLine<Entry> = EntryLine<Entry> | [string];

/** A tail may hold this many lines whatever the site's size... */
const TAIL_MIN_LINES = 256;
/** ...or one for every this many lines of the base, when that is more: the base is written again past it. */
const BASE_LINES_PER_TAIL_LINE = 8;

/**
 * The tail's lines for a save: one for every entry that is not its line in
 * the base as read (changed, or new), and `[file]` for every base line whose
 * file is gone. Undefined when there are more than the tail may hold (an
 * eighth of the base, and at least 256): then the base is written again,
 * with an empty tail.
 */
export function diffFromBase(
  loaded: LoadedRecords<unknown>,
  placed: readonly PlacedSource[],
  codec: RecordCodec<unknown>,
): string[] | undefined {
  const limit = Math.max(TAIL_MIN_LINES, Math.floor(loaded.lines.size / BASE_LINES_PER_TAIL_LINE));
  const lines: string[] = [];
  const present = new Set<string>();
  for (const entry of placed) {
    present.add(entry[0]);
    if (isBaseLine(loaded, entry)) continue;
    lines.push(encodeLine(entry, codec));
    if (lines.length > limit) return undefined;
  }
  for (const file of loaded.lines.keys()) {
    if (present.has(file)) continue;
    lines.push(JSON.stringify([file]));
    if (lines.length > limit) return undefined;
  }
  return lines;
}

/** Writes the tail: the checksum of the base it applies to, the caller's data, then its lines. */
export function writeTail(
  file: string,
  key: string,
  baseChecksum: string,
  data: unknown,
  lines: readonly string[],
): void {
  const writer = openLinesWriter(file, key);
  try {
    writer.add(JSON.stringify(baseChecksum));
    writer.add(JSON.stringify(data ?? null));
    for (const line of lines) writer.add(line);
    writer.finish();
  } finally {
    writer.abandon();
  }
}

/**
 * Applies a tail's lines to the entries read from the base (in place) and
 * returns the caller's data. Undefined, for the caller to count the whole
 * cache as missing, when the tail names another base (a save stopped between
 * writing the two) or is not what a save writes.
 */
export function applyTail<Entry>(
  bytes: Buffer,
  baseChecksum: string,
  pack: PackFile,
  sources: Map<string, CachedSource<Entry>>,
  codec: RecordCodec<Entry>,
): { readonly data: unknown } | undefined {
  try {
    const [named, data, ...lines] = bytes.toString('utf8').split('\n');
    if (named === undefined || data === undefined || JSON.parse(named) !== baseChecksum) return undefined;
    for (const text of lines) {
      const line = JSON.parse(text) as RecordLine<unknown>;
      if (line.length === 1) sources.delete(line[0]);
      else sources.set(line[0], entryOf(line, pack, codec));
    }
    return { data: JSON.parse(data) as unknown };
  } catch {
    return undefined;
  }
}

/** The cached entry a file's line describes, its record unpacked by `codec`. */
export function entryOf<Entry>(
  [file, hash, stat, ref, stored]: EntryLine<unknown>,
  pack: PackFile,
  codec: RecordCodec<Entry>,
): CachedSource<Entry> {
  const record = codec.unpack(stored, file);
  return { hash, record, html: ref ? createPackedHtml(pack, ref) : undefined, stat: stat ?? undefined };
}
