import { closeSync, renameSync, rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { hashBytes } from '../hash/hash-bytes.js';
import {
  type CachedSource,
  type LoadedRecords,
  PLAIN_RECORDS,
  type RecordCodec,
  type SavedSource,
} from './cache-entries.js';
import { readChecked, readCheckedFile, temporaryName, writeChecked, writeCheckedJson } from './checked-files.js';
import { openChunkWriter } from './chunk-writer.js';
import { type HtmlRef, openPack, type PackFile, placeOf, readPiece } from './html-pack.js';
import { applyTail, diffFromBase, type EntryLine, entryOf, writeTail } from './records-tail.js';
import { type PlacedSource, writeBaseRecords } from './records-writer.js';

export type { CachedSource, RecordCodec, SavedSource } from './cache-entries.js';
export { CacheCorruptionError, type PackedHtml } from './html-pack.js';

/** The bulky part of the cache, read only when something must be built. */
export interface CacheRecords<Entry> {
  /** Source path → entry: a map, as an object would intern each of a large site's 100,000 paths as a key. */
  readonly sources: ReadonlyMap<string, CachedSource<Entry>>;
  /** Anything else the caller keeps per build (JSON), e.g. output hashes. */
  readonly data: unknown;
}

/**
 * A persistent build cache in one folder: `state.json` (small: read by every
 * build, enough to tell that nothing changed), the per-file records (read
 * only when something is built) and `html.pack` (article HTML, sliced by
 * offset). The records are a base, `records.json` (one JSON line per file),
 * and a tail, `records-tail.json` (the caller's data, and a line for every
 * file changed, added or gone since the base): a save writes the tail, and
 * writes the base again only when the tail would grow past an eighth of it,
 * so publishing one article into an archive writes a few lines, not a line
 * per article. Every file is written to a temporary name and renamed, and
 * carries a checksum (the tail names its base's), so a crash or a bit flip
 * makes an entry, or the whole cache, count as missing: a cache can make a
 * build faster, never different.
 */
export interface BuildCache<Entry> {
  /** The small state of the last build, if any (JSON). */
  readonly state: unknown;
  /** Reads the per-file records, or undefined when missing or corrupt. */
  loadRecords(): Promise<CacheRecords<Entry> | undefined>;
  /**
   * Replaces the cache. HTML already in the pack is kept by reference and new
   * HTML appended, so a one-article change writes a few kilobytes of HTML; the
   * pack is rewritten whole once more than half of it is dead.
   */
  save(state: unknown, data: unknown, sources: ReadonlyMap<string, SavedSource<Entry>>): Promise<void>;
  /** A small JSON file kept beside the records under `name` (`templates`), or undefined when missing or corrupt. */
  readExtra(name: string): Promise<unknown>;
  writeExtra(name: string, value: unknown): Promise<void>;
  /** {@link writeExtra} of a value given as its JSON text. */
  writeExtraJson(name: string, json: string): Promise<void>;
  close(): Promise<void>;
}

const NEWLINE = 0x0a;
const BASE_FILE = 'records.json';
const TAIL_FILE = 'records-tail.json';

/**
 * Opens (or starts) the cache in `dir` for `key`, its records stored as
 * `codec` packs them; an unreadable or foreign cache counts as empty.
 */
export async function openBuildCache<Entry>(
  dir: string,
  key: string,
  codec: RecordCodec<Entry> = PLAIN_RECORDS,
): Promise<BuildCache<Entry>> {
  const state = await readChecked(path.join(dir, 'state.json'), key);
  /** Every pack file opened, closed by `close` (a save may replace the pack while readers still read the old one). */
  const opened: number[] = [];
  let loaded: LoadedRecords<Entry> | undefined;
  const writeExtraJson = async (name: string, json: string) => {
    await mkdir(dir, { recursive: true });
    await writeCheckedJson(path.join(dir, `${name}.json`), key, json);
  };
  return {
    state,
    async loadRecords() {
      const base = readCheckedFile(path.join(dir, BASE_FILE), key);
      const tail = base && readCheckedFile(path.join(dir, TAIL_FILE), key);
      const pack = tail && openPack(path.join(dir, 'html.pack'));
      if (!base || !tail || !pack) return undefined;
      opened.push(pack.fd);
      const parsed = parseRecords(base.body, pack, codec);
      const applied = parsed && applyTail(tail.body, base.checksum, pack, parsed.sources, codec);
      if (!parsed || !applied) return undefined;
      loaded = { bytes: base.body, checksum: base.checksum, lines: parsed.lines, pack };
      return { sources: parsed.sources, data: applied.data };
    },
    async save(nextState, data, sources) {
      await mkdir(dir, { recursive: true });
      // State first out, last in: it is what says "this cache is complete".
      await rm(path.join(dir, 'state.json'), { force: true });
      await writePackAndRecords({ dir, key, data, sources, loaded, codec });
      loaded = undefined;
      await writeChecked(path.join(dir, 'state.json'), key, nextState);
    },
    readExtra: (name) => readChecked(path.join(dir, `${name}.json`), key),
    writeExtra: (name, value) => writeExtraJson(name, JSON.stringify(value)),
    writeExtraJson,
    async close() {
      loaded = undefined;
      for (const fd of opened.splice(0)) closeSync(fd);
    },
  };
}

/**
 * Makes the cache forget what it knows of the output folder (its state), while
 * keeping the per-file records: the next build writes the whole output again
 * but still reuses processed articles. For a preview that wrote the same folder.
 */
export async function forgetCachedOutput(dir: string): Promise<void> {
  // A cache that cannot be there (a file on its path) has nothing to forget: builds warn and go without it.
  await rm(path.join(dir, 'state.json'), { force: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOTDIR') throw error;
  });
}

/** The base records: one `[file, hash, stat, html, record]` line per file, each kept with its byte range. */
function parseRecords<Entry>(
  bytes: Buffer,
  pack: PackFile,
  codec: RecordCodec<Entry>,
): ({ sources: Map<string, CachedSource<Entry>> } & Pick<LoadedRecords<Entry>, 'lines'>) | undefined {
  const sources = new Map<string, CachedSource<Entry>>();
  const lines = new Map<string, { start: number; end: number; entry: CachedSource<Entry> }>();
  try {
    // Decoded once: ten thousand small decodes cost more than one large one. Lines are found twice in
    // step, as bytes (the writer copies unchanged lines by their byte range) and as text: a newline is one
    // byte in UTF-8, and JSON text never holds a raw one, so the nth line of each is the same line.
    const text = bytes.toString('utf8');
    let end = -1;
    let textEnd = -1;
    for (let start = 0, textStart = 0; start < bytes.length; start = end + 1, textStart = textEnd + 1) {
      end = bytes.indexOf(NEWLINE, start);
      textEnd = text.indexOf('\n', textStart);
      if (end === -1) end = bytes.length;
      if (textEnd === -1) textEnd = text.length;
      if (end === start) continue;
      const line = JSON.parse(text.slice(textStart, textEnd)) as EntryLine<unknown>;
      const entry = entryOf(line, pack, codec);
      sources.set(line[0], entry);
      lines.set(line[0], { start, end, entry });
    }
    return { sources, lines };
  } catch {
    return undefined;
  }
}

/**
 * Writes the pack (appended to, or rewritten once more than half of it is
 * dead), then the base records when they must be written again (no base, a
 * rewritten pack, or a tail that would grow too long), then the tail, so no
 * record is ever in place before the bytes it points at, and a tail never
 * before its base.
 */
async function writePackAndRecords<Entry>(input: {
  dir: string;
  key: string;
  data: unknown;
  sources: ReadonlyMap<string, SavedSource<Entry>>;
  loaded: LoadedRecords<Entry> | undefined;
  codec: RecordCodec<Entry>;
}): Promise<void> {
  const { dir, key, loaded } = input;
  const codec = input.codec as RecordCodec<unknown>;
  const packFile = path.join(dir, 'html.pack');
  const packSize = loaded?.pack.size ?? 0;
  let live = 0;
  for (const source of input.sources.values()) {
    const place = placeOf(source.html);
    if (place && place.pack === loaded?.pack) live += place.ref[1];
  }
  const compact = !loaded || live * 2 < packSize;
  const packTemp = compact ? temporaryName(packFile) : packFile;
  const writer = openChunkWriter(packTemp, compact ? 'w' : 'a');
  let offset = compact ? 0 : packSize;
  const placed: PlacedSource[] = [];
  try {
    for (const [file, source] of input.sources) {
      const ref = placeHtml(source.html, compact ? undefined : loaded?.pack, (bytes) => {
        const written = writer.write(bytes);
        offset += written.length;
        return [offset - written.length, written.length, hashBytes(written)];
      });
      // A corrupt piece is left out with its record: that file is processed again next time.
      if (ref !== null) placed.push([file, source, ref]);
    }
    writer.close();
    if (compact) renameSync(packTemp, packFile);
  } finally {
    writer.close();
    if (compact) rmSync(packTemp, { force: true });
  }
  const base = compact ? undefined : loaded;
  const tail = base && diffFromBase(base, placed, codec);
  const baseChecksum =
    base && tail ? base.checksum : writeBaseRecords(path.join(dir, BASE_FILE), key, placed, base, codec);
  writeTail(path.join(dir, TAIL_FILE), key, baseChecksum, input.data, tail ?? []);
}

/**
 * Where a source's HTML goes: kept in place when it is a handle into `pack`
 * (the pack being appended to), else written with `place`. Null when a
 * handle's bytes turn out corrupt.
 */
function placeHtml(
  html: SavedSource<unknown>['html'],
  pack: PackFile | undefined,
  place: (bytes: string | Uint8Array) => HtmlRef,
): HtmlRef | undefined | null {
  if (html === undefined) return undefined;
  if (typeof html === 'string') return place(html);
  if (typeof html === 'function') return place(html());
  const known = placeOf(html);
  if (!known) return place(html.read());
  if (known.pack === pack) return known.ref;
  const bytes = readPiece(known.pack, known.ref);
  return bytes ? place(bytes) : null;
}
