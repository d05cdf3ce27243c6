import type { PackedHtml, PackFile } from './html-pack.js';

/** What the cache remembers of one content file, keyed by its path. */
export interface CachedSource<Entry> {
  /** Content hash of the file's bytes. */
  readonly hash: string;
  /** The processed result (without its HTML). */
  readonly record: Entry;
  /** The file's HTML in the pack; undefined when there is none, or it lies past the end of a cut pack. */
  readonly html: PackedHtml | undefined;
  /** `size:mtime` of the file when it was hashed: equal stats let a build skip reading it. */
  readonly stat?: string | undefined;
}

/**
 * One file's entry as given to `save`: HTML as a handle from this cache (kept
 * in place when possible), as text, or as what reads the text (called only
 * while it is written, so a save never holds every new body at once).
 */
export interface SavedSource<Entry> {
  readonly hash: string;
  readonly record: Entry;
  readonly html: PackedHtml | string | (() => string) | undefined;
  readonly stat?: string | undefined;
}

/**
 * The base records as loaded (see `BuildCache`): their bytes and checksum,
 * each file's line in them, and the pack they point into.
 */
export interface LoadedRecords<Entry> {
  readonly bytes: Buffer;
  /** The base's checksum, which the tail names. */
  readonly checksum: string;
  readonly lines: ReadonlyMap<
    string,
    { readonly start: number; readonly end: number; readonly entry: CachedSource<Entry> }
  >;
  readonly pack: PackFile;
}

/**
 * How records are stored: `pack` turns a record into the JSON value written
 * (called only for lines written anew) and `unpack` turns the parsed value
 * back into a record equal to the one packed, keys in the same order. It may
 * throw on a value it did not write: the cache then counts as missing.
 */
export interface RecordCodec<Entry> {
  pack(record: Entry, file: string): unknown;
  unpack(stored: unknown, file: string): Entry;
}

/** Records stored as they are. */
export const PLAIN_RECORDS: RecordCodec<never> = {
  pack: (record) => record,
  unpack: (stored) => stored as never,
};
