import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Plans, readPlans, savePlans, writeAtomically } from './plan-file.js';
import type { Derivative } from './plan-picture.js';
import type { SourceImage } from './source-image.js';

/**
 * Derived images on disk, keyed by the hash of their source's bytes and every
 * parameter (see `planDerivative`): a file once encoded is never encoded
 * again, whichever article, page or build asks for it. Also remembers what
 * was read of each source, by its file's size and modification time, so a
 * warm build reads no image at all.
 */
export interface DerivedStore {
  /** Where a derivative's bytes are (or will be) kept. */
  fileOf(derivative: Pick<Derivative, 'key' | 'urlPath'>): string;
  has(derivative: Derivative): boolean;
  /** Keeps a derivative's bytes: written to a temporary name and renamed, so a crash leaves no half file. */
  put(derivative: Derivative, bytes: Uint8Array): Promise<void>;
  /** A source read before with the same stamp (`size:mtime`), if any. */
  knownSource(file: string, stamp: string): Omit<SourceImage, 'urlPath'> | undefined;
  /**
   * A source read before (under any file and stamp) whose bytes hash to
   * `hash`: a fresh checkout gives every file a new mtime, and another
   * folder new paths, but the bytes, and so the reading, are the same.
   * `headerOnly` accepts a reading of the header alone.
   */
  knownSourceByHash(hash: string, headerOnly: boolean): Omit<SourceImage, 'urlPath'> | undefined;
  rememberSource(file: string, stamp: string, source: Omit<SourceImage, 'urlPath'>): void;
  /**
   * The derived files (`key name key name …`, names below `/_images/`) of an
   * image use planned, encoded and stored by an earlier build under the same
   * plan digest (pipeline version and image config; see `planDigest`), by
   * the use's key (its source's identity, focus and slots): a build reuses
   * it instead of planning the use again. Plans of another digest are
   * forgotten.
   */
  knownPlan(digest: string, use: string): string | undefined;
  /** Remembers a use's plan once all its files are in the store. */
  rememberPlan(digest: string, use: string, files: string): void;
  /**
   * Forgets every remembered plan and what the store's folder held: the next
   * build plans every use again and encodes whatever file is missing (a file
   * of a remembered plan was found gone).
   */
  forgetPlans(): void;
  /** Writes the remembered sources and plans back when they changed; plans no build asked for since the last save are dropped. */
  save(): Promise<void>;
}

type SourceEntries = Record<string, { stamp: string; source: Omit<SourceImage, 'urlPath'>; read?: number }>;

/** Bumped when reading a source finds other facts; see {@link isStale}. */
const READING_VERSION = 3;

/**
 * A reading an earlier version made, read again: each lacks whether the
 * photo's EXIF tells where it was taken (`hasLocation`, version 3), and a
 * warm build must warn about a published original as a cold one does. This
 * reads every photo once more after an upgrade (earlier versions read again
 * only what they read otherwise: a HEIF of several images taken for an
 * animation, an alpha channel taken for transparency).
 */
function isStale(entry: { read?: unknown; source?: Record<string, unknown> }): boolean {
  return entry.read !== READING_VERSION || typeof entry.source?.['hasLocation'] !== 'boolean';
}

const SOURCES_FILE = 'sources.json';

/** Opens the store in `dir` (created on first write); a missing or unreadable source list counts as empty. */
export async function openDerivedStore(dir: string): Promise<DerivedStore> {
  const sourcesFile = path.join(dir, SOURCES_FILE);
  const entries: SourceEntries = await readFile(sourcesFile, 'utf8')
    .then((text) => parseEntries(text))
    .catch(() => ({}));
  const readings = createReadings(entries);
  const plans = readPlans(dir);
  const forget = () => {
    plans.entries.clear();
    plans.used.clear();
    plans.pending.clear();
    plans.rewrite = true;
  };
  const usePlans = (digest: string): Plans => {
    if (plans.digest !== digest) {
      plans.digest = digest;
      forget();
    }
    return plans;
  };
  // The keys on disk, listed once per build (see save()) instead of one existsSync per derivative and build.
  let keys: Set<string> | undefined;
  // Folders made by this process: a cold build stores 28 files per photo in 256 folders, one mkdir each is enough.
  const made = new Set<string>();
  // The folder as `path.join` spells it, with a separator: a key and an extension need no normalising, and
  // joining anew for each of a large site's derived files (130,000 for 10,000 photos) cost a build 0.2 s.
  const prefix = path.join(dir, '_').slice(0, -1);
  const fileOf = (derivative: Pick<Derivative, 'key' | 'urlPath'>): string => {
    const extension = derivative.urlPath.slice(derivative.urlPath.lastIndexOf('.'));
    return `${prefix}${derivative.key.slice(0, 2)}${path.sep}${derivative.key}${extension}`;
  };
  return {
    fileOf,
    has: (derivative) => {
      keys ??= listKeys(dir);
      return keys.has(derivative.key);
    },
    async put(derivative, bytes) {
      const file = fileOf(derivative);
      const folder = path.dirname(file);
      if (!made.has(folder)) {
        await mkdir(folder, { recursive: true });
        made.add(folder);
      }
      const temporary = `${file}.${randomUUID()}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, file).catch(async (error: unknown) => {
        await rm(temporary, { force: true });
        throw error;
      });
      keys?.add(derivative.key);
    },
    knownSource: readings.known,
    knownSourceByHash: readings.knownByHash,
    rememberSource: readings.remember,
    knownPlan(digest, use) {
      const known = usePlans(digest).entries.get(use);
      if (known !== undefined) plans.used.add(use);
      return known;
    },
    forgetPlans() {
      forget();
      keys = undefined;
    },
    rememberPlan(digest, use, files) {
      const { entries } = usePlans(digest);
      plans.used.add(use);
      if (entries.get(use) === files) return;
      entries.set(use, files);
      plans.pending.set(use, files);
    },
    async save() {
      // The next build lists the folder again: files may have been removed between builds of a long session.
      keys = undefined;
      made.clear();
      if (plans.used.size < plans.entries.size)
        for (const use of plans.entries.keys())
          if (!plans.used.has(use)) {
            plans.entries.delete(use);
            plans.pending.set(use, undefined);
          }
      plans.used.clear();
      if (readings.changed) {
        await writeAtomically(sourcesFile, JSON.stringify(entries));
        readings.changed = false;
      }
      await savePlans(dir, plans);
    },
  };
}

/**
 * What was read of each source (`entries`, filled as sources are read), by
 * file and stamp, and by the hash of the bytes: that index is made on first
 * use (a warm build knows every stamp and never asks), and prefers a full
 * reading to one of the header alone.
 */
function createReadings(entries: SourceEntries) {
  type Reading = Omit<SourceImage, 'urlPath'>;
  let byHash: Map<string, { readonly source: Reading; readonly header: boolean }> | undefined;
  const index = (stamp: string, source: Reading) => {
    const header = stamp.endsWith(':header');
    if (!header || !byHash?.has(source.hash)) byHash?.set(source.hash, { source, header });
  };
  const readings = {
    /** True once a reading was remembered since the entries were last saved. */
    changed: false,
    known(file: string, stamp: string): Reading | undefined {
      const entry = entries[file];
      return entry?.stamp === stamp ? entry.source : undefined;
    },
    knownByHash(hash: string, headerOnly: boolean): Reading | undefined {
      if (!byHash) {
        byHash = new Map();
        for (const entry of Object.values(entries)) index(entry.stamp, entry.source);
      }
      const known = byHash.get(hash);
      return known && (headerOnly || !known.header) ? known.source : undefined;
    },
    remember(file: string, stamp: string, source: Reading): void {
      entries[file] = { stamp, source, read: READING_VERSION };
      index(stamp, source);
      readings.changed = true;
    },
  };
  return readings;
}

/** Keys of the derived files in the store (`ab/abcdef….avif`), leaving out temporary files of an interrupted write. */
function listKeys(dir: string): Set<string> {
  const keys = new Set<string>();
  if (!existsSync(dir)) return keys;
  for (const folder of readdirSync(dir, { withFileTypes: true })) {
    if (!folder.isDirectory() || folder.name.length !== 2) continue;
    for (const name of readdirSync(path.join(dir, folder.name)))
      if (!name.endsWith('.tmp')) keys.add(name.slice(0, name.indexOf('.')));
  }
  return keys;
}

/** Only entries of the expected shape are trusted: the file may be from another version or damaged. */
function parseEntries(text: string): SourceEntries {
  const value: unknown = JSON.parse(text);
  const entries: SourceEntries = {};
  if (typeof value !== 'object' || value === null) return entries;
  for (const [file, entry] of Object.entries(value)) {
    const candidate = entry as { stamp?: unknown; source?: Record<string, unknown> } | null;
    const source = candidate?.source;
    if (
      typeof candidate?.stamp === 'string' &&
      typeof source?.['hash'] === 'string' &&
      typeof source['width'] === 'number' &&
      typeof source['height'] === 'number' &&
      typeof source['format'] === 'string' &&
      Array.isArray(source['attention']) &&
      !isStale(candidate)
    )
      entries[file] = candidate as SourceEntries[string];
  }
  return entries;
}
