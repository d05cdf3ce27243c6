import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What the cache remembers of one content file, keyed by its path. */
export interface CachedSource<Record> {
  /** Content hash of the file's bytes. */
  readonly hash: string;
  /** The processed result without its HTML. */
  readonly record: Record;
  /** Where the HTML lives in the pack: byte offset, byte length, and a hash to detect corruption. */
  readonly html: readonly [offset: number, length: number, sha: string] | undefined;
}

/** The cache's index: everything but the HTML bodies. */
export interface CacheManifest<Record> {
  /** Which newsgen version and settings produced the records; another key means another cache. */
  readonly key: string;
  /** Fingerprint of every build input; equal means nothing changed. */
  readonly fingerprint: string;
  readonly outDir: string;
  readonly sources: Readonly<Partial<globalThis.Record<string, CachedSource<Record>>>>;
  /** Output path → content hash, for writing only changed bytes and removing stale files. */
  readonly outputs: Readonly<Partial<globalThis.Record<string, string>>>;
  /** Anything else the caller remembers between builds (JSON). */
  readonly extra: unknown;
}

const FORMAT = 'newsgen-cache-1';

/**
 * A persistent build cache in one folder: `manifest.json` (records, output
 * hashes) and `html.pack` (article HTML, read by offset so a warm build never
 * loads HTML it does not render). Both are written to a temporary file and
 * renamed, so a crash never leaves a half-written file in place; a manifest
 * whose checksum does not match, or a slice of HTML whose hash does not, is
 * treated as missing. A cache can make a build faster, never different.
 */
export interface BuildCache<Record> {
  readonly manifest: CacheManifest<Record> | undefined;
  /** Reads one article's HTML, or undefined when it is missing or corrupt. */
  readHtml(entry: CachedSource<Record>): Promise<string | undefined>;
  /** Replaces the cache with a new manifest and the HTML bodies it points into. */
  save(manifest: Omit<CacheManifest<Record>, 'sources'>, sources: ReadonlyMap<string, { hash: string; record: Record; html: string | undefined }>): Promise<void>;
  close(): Promise<void>;
}

/** Opens (or starts) the cache in `dir` for `key`; an unreadable or foreign cache counts as empty. */
export async function openBuildCache<Record>(dir: string, key: string): Promise<BuildCache<Record>> {
  const manifest = await readManifest<Record>(path.join(dir, 'manifest.json'), key);
  const pack = manifest ? await open(path.join(dir, 'html.pack'), 'r').catch(() => undefined) : undefined;
  return {
    manifest: pack ? manifest : undefined,
    async readHtml(entry) {
      if (!pack || !entry.html) return undefined;
      const [offset, length, sha] = entry.html;
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await pack.read(buffer, 0, length, offset).catch(() => ({ bytesRead: -1 }));
      if (bytesRead !== length || hashBytes(buffer) !== sha) return undefined;
      return buffer.toString('utf8');
    },
    async save(next, sources) {
      await mkdir(dir, { recursive: true });
      const chunks: Buffer[] = [];
      let offset = 0;
      const entries: globalThis.Record<string, CachedSource<Record>> = {};
      for (const [file, source] of sources) {
        let html: CachedSource<Record>['html'];
        if (source.html !== undefined) {
          const bytes = Buffer.from(source.html, 'utf8');
          html = [offset, bytes.length, hashBytes(bytes)];
          chunks.push(bytes);
          offset += bytes.length;
        }
        entries[file] = { hash: source.hash, record: source.record, html };
      }
      const json = JSON.stringify({ ...next, sources: entries });
      await pack?.close();
      await writeAtomically(path.join(dir, 'html.pack'), Buffer.concat(chunks));
      await writeAtomically(path.join(dir, 'manifest.json'), `${FORMAT} ${hashBytes(Buffer.from(json))}\n${json}`);
    },
    async close() {
      await pack?.close().catch(() => undefined);
    },
  };
}

/** Content hash used for sources, outputs and cache checks. */
export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

async function readManifest<Record>(file: string, key: string): Promise<CacheManifest<Record> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  const [format, sha] = text.slice(0, newline).split(' ');
  const json = text.slice(newline + 1);
  if (format !== FORMAT || sha !== hashBytes(Buffer.from(json))) return undefined;
  try {
    const manifest = JSON.parse(json) as CacheManifest<Record>;
    return manifest.key === key ? manifest : undefined;
  } catch {
    return undefined;
  }
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
