import { readHistory, type SiteHistory } from './history.js';
import type { PageDependents } from './page-dependents.js';

/** What the last build wrote: needed only when something is built again. */
export interface OutputState {
  /** Output path → content hash (static files: `size:mtime`). */
  readonly outputs: ReadonlyMap<string, string>;
  /** Output path → fingerprint of the data it was rendered from. */
  readonly fingerprints: ReadonlyMap<string, string>;
  /** Which pages show each article, for the structure of the last build's site. */
  readonly dependents?: PageDependents | undefined;
  /** The last build's articles as a chain from the oldest (see `SiteHistory`). */
  readonly history?: SiteHistory | undefined;
  /**
   * The derived image files the last build published, by photo (stem and bytes)
   * → `key name key name …` (see `DerivedGroups`). They are in neither map
   * above: a photo archive has 130,000 per 10,000 articles.
   */
  readonly images?: ReadonlyMap<string, string> | undefined;
}

/**
 * An {@link OutputState} as the cache keeps it: a table of rows, every
 * output path once, with its hash and fingerprint at the same index (`''`
 * for none, and a hash of {@link SAME_AS_FINGERPRINT} for an original image,
 * kept by its fingerprint), and the dependents' pages and each article's
 * pages as rows of the same table: each path is stored once, since paths are
 * most of what a large site's output state holds. A path keeps its row from
 * one save to the next (a gone one leaves an empty row, `''`), so the cache
 * stores a publish as a short patch to the table (see `placeData`): the few
 * rows that changed, a page or two inserted into the pages' order.
 */
interface StoredOutputs {
  readonly paths: readonly string[];
  readonly hashes: readonly string[];
  readonly fingerprints: readonly string[];
  readonly dependents?:
    | { readonly structure: string; readonly pages: readonly number[]; readonly byArticle: PageDependents['byArticle'] }
    | undefined;
  readonly history?: SiteHistory | undefined;
  /** The derived files' groups as `[photo, files]` pairs. */
  readonly images?: readonly (readonly [string, string])[] | undefined;
}

/** The stored hash of an output whose hash is its fingerprint (a page bundle's original image, kept by size and mtime). */
const SAME_AS_FINGERPRINT = '=';
/** Empty rows a table may hold whatever its size... */
const GONE_ROWS_MIN = 256;
/** ...or one for every this many rows, when that is more: past it, the rows are laid out afresh. */
const ROWS_PER_GONE_ROW = 8;

/**
 * Packs an output state for the cache (see {@link StoredOutputs}): the rows
 * of the last table stored (`rows`, see {@link storedRows}) keep their place,
 * new paths come after them.
 */
export function storeOutputs(state: OutputState, rows?: readonly string[]): StoredOutputs {
  const index = new Map<string, number>();
  const paths: string[] = [];
  // Undefined until the row is used: a row of the last table that is not is left empty.
  const hashes: (string | undefined)[] = [];
  const fingerprints: (string | undefined)[] = [];
  for (const path of rows ?? []) {
    if (path !== '') index.set(path, paths.length);
    paths.push(path);
    hashes.push(undefined);
    fingerprints.push(undefined);
  }
  const at = (path: string): number => {
    let position = index.get(path);
    if (position === undefined) {
      position = paths.push(path) - 1;
      hashes.push(undefined);
      fingerprints.push(undefined);
      index.set(path, position);
    }
    if (hashes[position] === undefined) {
      hashes[position] = '';
      fingerprints[position] = '';
    }
    return position;
  };
  for (const [path, hash] of state.outputs) hashes[at(path)] = hash;
  for (const [path, fingerprint] of state.fingerprints) {
    const position = at(path);
    fingerprints[position] = fingerprint;
    if (hashes[position] === fingerprint) hashes[position] = SAME_AS_FINGERPRINT;
  }
  const { dependents } = state;
  const pages = dependents?.paths.map(at);
  let gone = 0;
  for (let position = 0; position < paths.length; position++) {
    if (hashes[position] !== undefined) continue;
    paths[position] = '';
    hashes[position] = '';
    fingerprints[position] = '';
    gone++;
  }
  if (rows && gone > Math.max(GONE_ROWS_MIN, paths.length / ROWS_PER_GONE_ROW)) return storeOutputs(state);
  return {
    paths,
    hashes: hashes as string[],
    fingerprints: fingerprints as string[],
    dependents: dependents && pages && { structure: dependents.structure, pages, byArticle: byRow(dependents, pages) },
    history: state.history,
    images: state.images && [...state.images],
  };
}

/**
 * Each article's pages as rows of the table, given the row of every page
 * (`pages`). An index read from the cache names them by row already (see
 * `PageDependents.placeOfKey`): kept as it is while every page has the row
 * it was read with.
 */
function byRow(dependents: PageDependents, pages: readonly number[]): PageDependents['byArticle'] {
  const { placeOfKey } = dependents;
  let rowOfKey: ArrayLike<number> = pages;
  if (placeOfKey) {
    const rows = new Int32Array(placeOfKey.length).fill(-1);
    let same = true;
    for (let key = 0; key < placeOfKey.length; key++) {
      const place = placeOfKey[key] as number;
      if (place < 0) continue;
      rows[key] = pages[place] as number;
      if (rows[key] !== key) same = false;
    }
    if (same) return dependents.byArticle;
    rowOfKey = rows;
  }
  const byArticle: Record<string, readonly number[]> = {};
  // Keys listed once, not walked with for-in: a large site's index names 100,000 articles.
  const sources = Object.keys(dependents.byArticle);
  for (let at = 0; at < sources.length; at++) {
    const source = sources[at] as string;
    byArticle[source] = rowsOf(dependents.byArticle[source] ?? [], rowOfKey);
  }
  return byArticle;
}

/**
 * The rows of an article's pages (`keys`, each row `rowOfKey[key]`), in
 * ascending order: a set, stored the same way whatever order the build found
 * the pages in, so an article whose pages are the same has the same line.
 */
function rowsOf(keys: readonly number[], rowOfKey: ArrayLike<number>): number[] {
  const rows = new Array<number>(keys.length);
  let ascending = true;
  for (let at = 0; at < keys.length; at++) {
    rows[at] = rowOfKey[keys[at] as number] as number;
    if (at > 0 && (rows[at] as number) < (rows[at - 1] as number)) ascending = false;
  }
  return ascending ? rows : rows.sort((a, b) => a - b);
}

/** The rows of a stored table as {@link storeOutputs} takes them, or undefined when `value` is none. */
export function storedRows(value: unknown): readonly string[] | undefined {
  const paths = typeof value === 'object' && value !== null ? (value as Partial<StoredOutputs>).paths : undefined;
  return Array.isArray(paths) && paths.every((path) => typeof path === 'string') ? paths : undefined;
}

/** Unpacks what {@link storeOutputs} made; anything malformed counts as missing (undefined). */
export function readStoredOutputs(value: unknown): OutputState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { paths, hashes, fingerprints, dependents } = value as Partial<StoredOutputs>;
  const texts = (list: unknown): list is string[] =>
    Array.isArray(list) && list.length === paths?.length && list.every((item) => typeof item === 'string');
  if (!Array.isArray(paths) || !texts(paths) || !texts(hashes) || !texts(fingerprints)) return undefined;
  // Without its derived files the state cannot tell which files to delete: no state, the next build writes all.
  const images = readGroups((value as Partial<StoredOutputs>).images);
  if (!images) return undefined;
  // A map, not an object: an object interns each of a large site's 150,000 paths as a key.
  const outputs = new Map<string, string>();
  const fingerprintMap = new Map<string, string>();
  paths.forEach((path, position) => {
    if (path === '') return;
    const hash = hashes[position] === SAME_AS_FINGERPRINT ? fingerprints[position] : hashes[position];
    if (hash) outputs.set(path, hash);
    if (fingerprints[position]) fingerprintMap.set(path, fingerprints[position]);
  });
  return {
    outputs,
    fingerprints: fingerprintMap,
    dependents: readStoredDependents(dependents, paths),
    history: readHistory((value as Partial<StoredOutputs>).history),
    images,
  };
}

/**
 * The dependents index from its rows: pages by path, and each article's
 * pages by row, with the place of each row among the pages (see
 * `PageDependents.placeOfKey`). Checked in plain loops, nothing made per
 * article: a large site's index holds two million rows.
 */
function readStoredDependents(
  value: StoredOutputs['dependents'],
  paths: readonly string[],
): PageDependents | undefined {
  if (typeof value !== 'object' || value === null || !Array.isArray(value.pages)) return undefined;
  const { structure, pages, byArticle } = value;
  if (typeof structure !== 'string' || typeof byArticle !== 'object' || byArticle === null) return undefined;
  const placeOfKey = new Int32Array(paths.length).fill(-1);
  const pagePaths = new Array<string>(pages.length);
  for (let place = 0; place < pages.length; place++) {
    const row = pages[place] as number;
    if (!Number.isInteger(row) || row < 0 || row >= paths.length || paths[row] === '') return undefined;
    placeOfKey[row] = place;
    pagePaths[place] = paths[row] as string;
  }
  for (const source in byArticle) {
    const rows: unknown = byArticle[source];
    if (!Array.isArray(rows)) return undefined;
    for (let index = 0; index < rows.length; index++) {
      // Not a row of a page (a string, a fraction, out of range, another output's) has no place.
      const row: unknown = rows[index];
      if (!Number.isInteger(row) || (placeOfKey[row as number] ?? -1) < 0) return undefined;
    }
  }
  return { structure, paths: pagePaths, byArticle, placeOfKey };
}

/** Stored groups, or undefined when absent or malformed. */
function readGroups(value: unknown): Map<string, string> | undefined {
  if (!Array.isArray(value)) return undefined;
  const groups = new Map<string, string>();
  for (const entry of value) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') return undefined;
    groups.set(entry[0], entry[1]);
  }
  return groups;
}
