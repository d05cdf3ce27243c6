import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashBytes } from '../hash/hash-bytes.js';
import { openChunkWriter } from './chunk-writer.js';

/** What the cache remembers of one content file, keyed by its path. */
export interface CachedSource<Entry> {
  /** Content hash of the file's bytes. */
  readonly hash: string;
  /** The processed result without its HTML. */
  readonly record: Entry;
  /** Where the HTML lives in the pack: byte offset, byte length, and a hash to detect corruption. */
  readonly html: HtmlRef | undefined;
  /** `size:mtime` of the file when it was hashed: equal stats let a build skip reading it. */
  readonly stat?: string | undefined;
}

/** Where one article's HTML lives in the pack: byte offset, byte length, and a hash to detect corruption. */
export type HtmlRef = readonly [offset: number, length: number, sha: string];

/**
 * One file's entry as given to `save`: HTML by reference when it is already
 * in the pack, else as text, or as what reads the text (called only while it
 * is written, so a save never holds every new body at once).
 */
export interface SavedSource<Entry> {
  readonly hash: string;
  readonly record: Entry;
  readonly html: string | (() => string) | HtmlRef | undefined;
  readonly stat?: string | undefined;
}

/** The bulky part of the cache, read only when something must be built. */
export interface CacheRecords<Entry> {
  readonly sources: Readonly<Partial<Record<string, CachedSource<Entry>>>>;
  /** Anything else the caller keeps per build (JSON), e.g. output hashes. */
  readonly data: unknown;
  /**
   * What reads one entry's HTML from the pack when it is needed: a rebuild
   * renders a few pages, so reading and checking every article up front
   * would be most of a restore's cost. Undefined when the HTML is missing or
   * lies past the end of the pack. The reader checks the bytes against their
   * hash and throws {@link CacheCorruptionError} when they do not match.
   */
  html(entry: CachedSource<Entry>): (() => string) | undefined;
}

/**
 * A persistent build cache in one folder: `state.json` (small: read by every
 * build, enough to tell that nothing changed), `records.json` (per-file
 * records, read only when something is built; one JSON line per file, so an
 * unchanged file's line is written back as it was read) and `html.pack`
 * (article HTML, sliced by offset). Every file is written to a temporary name and renamed, and
 * carries a checksum, so a crash or a bit flip makes an entry, or the whole
 * cache, count as missing: a cache can make a build faster, never different.
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
  close(): Promise<void>;
}

/**
 * A piece of the cache found corrupt only as it was read, after the build
 * had started to use the cache: the caller builds again without it. Never
 * shown to a user (the cache is the build's own business).
 */
export class CacheCorruptionError extends Error {
  override readonly name = 'CacheCorruptionError';
}

const FORMAT = 'newsgen-cache-5';
const NEWLINE = 0x0a;

/** One line of `records.json` as read (its place in the records' bytes): written back as it is when the entry did not change. */
interface LoadedLine<Entry> {
  readonly start: number;
  readonly end: number;
  readonly entry: CachedSource<Entry>;
}

/** Opens (or starts) the cache in `dir` for `key`; an unreadable or foreign cache counts as empty. */
export async function openBuildCache<Entry>(dir: string, key: string): Promise<BuildCache<Entry>> {
  const state = await readChecked(path.join(dir, 'state.json'), key);
  /** The pack as the records were loaded with it; its file stays open while readers may need it. */
  let pack: PackFile | undefined;
  /** Every pack file opened, closed by `close` (a save may replace the pack while readers still read the old one). */
  const opened: number[] = [];
  /** The records as loaded, and each file's line in them. */
  let recordBytes: Buffer | undefined;
  let loaded = new Map<string, LoadedLine<Entry>>();
  return {
    state,
    async loadRecords() {
      // records.json: the caller's data on the first line, then one line per content file.
      // Kept as bytes: checked, split and written back without encoding anything again.
      const bytes = await readCheckedBytes(path.join(dir, 'records.json'), key);
      if (bytes === undefined) return undefined;
      const sources: Record<string, CachedSource<Entry>> = {};
      let data: unknown;
      const read = new Map<string, LoadedLine<Entry>>();
      try {
        let end = bytes.indexOf(NEWLINE);
        if (end === -1) end = bytes.length;
        data = JSON.parse(bytes.toString('utf8', 0, end)) as unknown;
        for (let start = end + 1; start < bytes.length; start = end + 1) {
          end = bytes.indexOf(NEWLINE, start);
          if (end === -1) end = bytes.length;
          if (end === start) continue;
          const [file, hash, stat, html, record] = JSON.parse(bytes.toString('utf8', start, end)) as [
            string,
            string,
            string | null,
            HtmlRef | null,
            Entry,
          ];
          const entry: CachedSource<Entry> = { hash, record, html: html ?? undefined, stat: stat ?? undefined };
          sources[file] = entry;
          read.set(file, { start, end, entry });
        }
      } catch {
        return undefined;
      }
      const packed = openPack(path.join(dir, 'html.pack'));
      if (!packed) return undefined;
      opened.push(packed.fd);
      pack = packed;
      recordBytes = bytes;
      loaded = read;
      const html = (entry: CachedSource<Entry>): (() => string) | undefined => {
        const ref = entry.html;
        if (!ref || ref[0] + ref[1] > packed.size) return undefined;
        // Read from this load's pack file, whatever later saves do to the pack.
        return () => {
          const bytes = readPiece(packed, ref);
          if (!bytes)
            throw new CacheCorruptionError(
              `A cached article's HTML in ${path.join(dir, 'html.pack')} does not match its checksum`,
            );
          return bytes.toString('utf8');
        };
      };
      return { sources, data, html };
    },
    async save(nextState, data, sources) {
      await mkdir(dir, { recursive: true });
      const packFile = path.join(dir, 'html.pack');
      const packSize = pack?.size ?? 0;
      let live = 0;
      for (const source of sources.values()) if (Array.isArray(source.html)) live += (source.html as HtmlRef)[1];
      const compact = !pack || live * 2 < packSize;
      // State first out, last in: it is what says "this cache is complete". Until then
      // the pack only grows (or is rewritten beside the old one), so a crash leaves no
      // record pointing at bytes that are not there.
      await rm(path.join(dir, 'state.json'), { force: true });
      const packTemp = compact ? temporaryName(packFile) : packFile;
      const writer = openChunkWriter(packTemp, compact ? 'w' : 'a');
      const records = openLinesWriter(path.join(dir, 'records.json'), key);
      let offset = compact ? 0 : packSize;
      const place = (html: string | Uint8Array): HtmlRef => {
        const bytes = writer.write(html);
        offset += bytes.length;
        return [offset - bytes.length, bytes.length, hashBytes(bytes)];
      };
      /** Unchanged lines that follow each other in the records as read: copied in one piece. */
      let run: { start: number; end: number } | undefined;
      const copyRun = () => {
        if (run && recordBytes) records.add(recordBytes.subarray(run.start, run.end));
        run = undefined;
      };
      try {
        records.add(JSON.stringify(data));
        for (const [file, source] of sources) {
          const before = loaded.get(file);
          // Same content hash (so the same record: the key covers everything else), stats and HTML in place: the line as read.
          if (
            !compact &&
            before &&
            typeof source.html !== 'string' &&
            source.html === before.entry.html &&
            source.hash === before.entry.hash &&
            source.stat === before.entry.stat
          ) {
            // The newline between two lines read one after the other comes with them.
            if (run && before.start === run.end + 1) run.end = before.end;
            else {
              copyRun();
              run = { start: before.start, end: before.end };
            }
            continue;
          }
          copyRun();
          let html: HtmlRef | undefined;
          if (typeof source.html === 'string') html = place(source.html);
          else if (typeof source.html === 'function') html = place(source.html());
          else if (source.html && pack && !compact) html = source.html;
          else if (source.html && pack) {
            const bytes = readPiece(pack, source.html);
            // A corrupt piece is left out with its record: that file is processed again next time.
            if (!bytes) continue;
            html = place(bytes);
          }
          records.add(JSON.stringify([file, source.hash, source.stat ?? null, html ?? null, source.record]));
        }
        copyRun();
        writer.close();
        if (compact) renameSync(packTemp, packFile);
        // After the pack: no record is in place before the bytes it points at.
        records.finish();
      } finally {
        writer.close();
        records.abandon();
        if (compact) rmSync(packTemp, { force: true });
      }
      pack = undefined;
      recordBytes = undefined;
      loaded = new Map();
      await writeChecked(path.join(dir, 'state.json'), key, nextState);
    },
    readExtra(name) {
      return readChecked(path.join(dir, `${name}.json`), key);
    },
    async writeExtra(name, value) {
      await mkdir(dir, { recursive: true });
      await writeChecked(path.join(dir, `${name}.json`), key, value);
    },
    async close() {
      pack = undefined;
      recordBytes = undefined;
      loaded = new Map();
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
  await rm(path.join(dir, 'state.json'), { force: true });
}

async function readChecked(file: string, key: string): Promise<unknown> {
  const text = await readCheckedText(file, key);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The text after a file's header line, when the header names this format and key and its checksum matches. */
async function readCheckedText(file: string, key: string): Promise<string | undefined> {
  return (await readCheckedBytes(file, key))?.toString('utf8');
}

/** The bytes after a file's header line, when the header names this format and key and its checksum matches. */
async function readCheckedBytes(file: string, key: string): Promise<Buffer | undefined> {
  const bytes = readBytes(file);
  if (bytes === undefined) return undefined;
  const newline = bytes.indexOf(NEWLINE);
  if (newline === -1) return undefined;
  const [format, fileKey, sha] = bytes.toString('utf8', 0, newline).split(' ');
  const body = bytes.subarray(newline + 1);
  return format === FORMAT && fileKey === key && sha === hashBytes(body) ? body : undefined;
}

/** An open pack file and its size when opened. */
interface PackFile {
  readonly fd: number;
  readonly size: number;
}

function openPack(file: string): PackFile | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    return { fd, size: fstatSync(fd).size };
  } catch {
    closeSync(fd);
    return undefined;
  }
}

/** One entry's bytes from the pack, or undefined when they cannot be read, are short or do not match their hash. */
function readPiece(pack: PackFile, [offset, length, sha]: HtmlRef): Buffer | undefined {
  const bytes = Buffer.allocUnsafe(length);
  let read = 0;
  try {
    while (read < length) {
      const count = readSync(pack.fd, bytes, read, length - read, offset + read);
      if (count === 0) break;
      read += count;
    }
  } catch {
    // An unreadable cache is a missing one, never a failed build.
    return undefined;
  }
  return read === length && hashBytes(bytes) === sha ? bytes : undefined;
}

/**
 * A whole file, or undefined when it cannot be read (missing, a folder, no
 * permission). Synchronous on purpose: the promise API reads in 512 KB
 * pieces, each a round trip through the I/O pool, and a build has nothing
 * else to do while its cache loads or an edit's few files are read.
 */
export function readBytes(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

async function writeChecked(file: string, key: string, value: unknown): Promise<void> {
  await writeCheckedText(file, key, JSON.stringify(value));
}

async function writeCheckedText(file: string, key: string, body: string): Promise<void> {
  await writeAtomically(file, `${FORMAT} ${key} ${hashBytes(body)}\n${body}`);
}

/**
 * Writes what {@link writeCheckedText} would write for lines joined by
 * newlines, one line at a time: the checksum is taken as the lines come and
 * written over a placeholder header at the end, so a large site's records
 * never exist as one string, one buffer or even one array of lines.
 */
function openLinesWriter(
  file: string,
  key: string,
): { add(line: string | Uint8Array): void; finish(): void; abandon(): void } {
  const temp = temporaryName(file);
  const writer = openChunkWriter(temp, 'w');
  const hash = createHash('sha1');
  const header = (sha: string) => `${FORMAT} ${key} ${sha}\n`;
  writer.write(header('0'.repeat(40)));
  let lines = 0;
  let done = false;
  return {
    add(line) {
      if (lines++ > 0) hash.update(writer.write('\n'));
      // The bytes as written: text is encoded once, for the file and the checksum alike.
      hash.update(writer.write(line));
    },
    finish() {
      writer.close(header(hash.digest('hex')));
      renameSync(temp, file);
      done = true;
    },
    abandon() {
      if (done) return;
      writer.close();
      rmSync(temp, { force: true });
    },
  };
}

function temporaryName(file: string): string {
  return `${file}.${randomBytes(6).toString('hex')}.tmp`;
}

async function writeAtomically(file: string, contents: string | Uint8Array): Promise<void> {
  const temp = temporaryName(file);
  try {
    await writeFile(temp, contents);
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}
