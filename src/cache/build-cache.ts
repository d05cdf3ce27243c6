import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What the cache remembers of one content file, keyed by its path. */
export interface CachedSource<Entry> {
  /** Content hash of the file's bytes. */
  readonly hash: string;
  /** The processed result without its HTML. */
  readonly record: Entry;
  /** Where the HTML lives in the pack: byte offset, byte length, and a hash to detect corruption. */
  readonly html: readonly [offset: number, length: number, sha: string] | undefined;
}

/** The bulky part of the cache, read only when something must be built. */
export interface CacheRecords<Entry> {
  readonly sources: Readonly<Partial<Record<string, CachedSource<Entry>>>>;
  /** Anything else the caller keeps per build (JSON), e.g. output hashes. */
  readonly data: unknown;
}

/**
 * A persistent build cache in one folder: `state.json` (small: read by every
 * build, enough to tell that nothing changed), `records.json` (per-file
 * records, read only when something is built) and `html.pack` (article HTML,
 * sliced by offset). Every file is written to a temporary name and renamed, and
 * carries a checksum, so a crash or a bit flip makes an entry, or the whole
 * cache, count as missing: a cache can make a build faster, never different.
 */
export interface BuildCache<Entry> {
  /** The small state of the last build, if any (JSON). */
  readonly state: unknown;
  /** Reads the per-file records, or undefined when missing or corrupt. */
  loadRecords(): Promise<CacheRecords<Entry> | undefined>;
  /** Reads one article's HTML, or undefined when it is missing or corrupt (after `loadRecords`). */
  readHtml(entry: CachedSource<Entry>): string | undefined;
  /** Replaces the whole cache. */
  save(state: unknown, data: unknown, sources: ReadonlyMap<string, { hash: string; record: Entry; html: string | undefined }>): Promise<void>;
  close(): Promise<void>;
}

const FORMAT = 'newsgen-cache-2';

/** Opens (or starts) the cache in `dir` for `key`; an unreadable or foreign cache counts as empty. */
export async function openBuildCache<Entry>(dir: string, key: string): Promise<BuildCache<Entry>> {
  const state = await readChecked(path.join(dir, 'state.json'), key);
  let pack: Buffer | undefined;
  return {
    state,
    async loadRecords() {
      if (state === undefined) return undefined;
      const records = (await readChecked(path.join(dir, 'records.json'), key)) as CacheRecords<Entry> | undefined;
      if (!records || typeof records.sources !== 'object') return undefined;
      // One read of the whole pack: far cheaper than a read per article.
      pack = await readFile(path.join(dir, 'html.pack')).catch(() => undefined);
      return pack ? records : undefined;
    },
    readHtml(entry) {
      if (!pack || !entry.html) return undefined;
      const [offset, length, sha] = entry.html;
      if (offset + length > pack.length) return undefined;
      const bytes = pack.subarray(offset, offset + length);
      return hashBytes(bytes) === sha ? bytes.toString('utf8') : undefined;
    },
    async save(nextState, data, sources) {
      await mkdir(dir, { recursive: true });
      const chunks: Buffer[] = [];
      let offset = 0;
      const entries: Record<string, CachedSource<Entry>> = {};
      for (const [file, source] of sources) {
        let html: CachedSource<Entry>['html'];
        if (source.html !== undefined) {
          const bytes = Buffer.from(source.html, 'utf8');
          html = [offset, bytes.length, hashBytes(bytes)];
          chunks.push(bytes);
          offset += bytes.length;
        }
        entries[file] = { hash: source.hash, record: source.record, html };
      }
      pack = undefined;
      // State last: it is what says "this cache is complete".
      await rm(path.join(dir, 'state.json'), { force: true });
      await writeAtomically(path.join(dir, 'html.pack'), Buffer.concat(chunks));
      await writeChecked(path.join(dir, 'records.json'), key, { sources: entries, data });
      await writeChecked(path.join(dir, 'state.json'), key, nextState);
    },
    async close() {
      pack = undefined;
    },
  };
}

/** Content hash used for sources, outputs and cache checks. */
export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

async function readChecked(file: string, key: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  const [format, fileKey, sha] = text.slice(0, newline).split(' ');
  const json = text.slice(newline + 1);
  if (format !== FORMAT || fileKey !== key || sha !== hashBytes(json)) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

async function writeChecked(file: string, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await writeAtomically(file, `${FORMAT} ${key} ${hashBytes(json)}\n${json}`);
}

async function writeAtomically(file: string, contents: string | Uint8Array): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, contents);
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}
