import { readHistory, type SiteHistory } from './history.js';
import { type PageDependents, readDependents } from './page-dependents.js';

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
 * An {@link OutputState} as the cache keeps it: every output path once, with
 * its hash and fingerprint at the same index (`''` for none, and a hash of
 * {@link SAME_AS_FINGERPRINT} for an original image, kept by its fingerprint), and the
 * dependents' pages as indexes into the same paths: each path is stored
 * once, since paths are most of what a large site's output state holds and
 * every build with something to do parses it.
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

/** Packs an output state for the cache (see {@link StoredOutputs}). */
export function storeOutputs(state: OutputState): StoredOutputs {
  const index = new Map<string, number>();
  const paths: string[] = [];
  const hashes: string[] = [];
  const fingerprints: string[] = [];
  const at = (path: string): number => {
    let position = index.get(path);
    if (position === undefined) {
      position = paths.push(path) - 1;
      hashes.push('');
      fingerprints.push('');
      index.set(path, position);
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
  return {
    paths,
    hashes,
    fingerprints,
    dependents: dependents && {
      structure: dependents.structure,
      pages: dependents.paths.map(at),
      byArticle: dependents.byArticle,
    },
    history: state.history,
    images: state.images && [...state.images],
  };
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
    const hash = hashes[position] === SAME_AS_FINGERPRINT ? fingerprints[position] : hashes[position];
    if (hash) outputs.set(path, hash);
    if (fingerprints[position]) fingerprintMap.set(path, fingerprints[position]);
  });
  const pages =
    dependents && Array.isArray(dependents.pages) ? dependents.pages.map((position) => paths[position]) : undefined;
  return {
    outputs,
    fingerprints: fingerprintMap,
    dependents:
      pages && readDependents({ structure: dependents?.structure, paths: pages, byArticle: dependents?.byArticle }),
    history: readHistory((value as Partial<StoredOutputs>).history),
    images,
  };
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
