import { describe, expect, it } from 'vitest';
import { diffJson } from '../../src/cache/json-patch.js';
import { placeOf } from '../../src/incremental/page-dependents.js';
import type { OutputState } from '../../src/incremental/session-cache.js';
import { readStoredOutputs, storedRows, storeOutputs } from '../../src/incremental/stored-outputs.js';

const state: OutputState = {
  outputs: new Map([
    ['index.html', 'h-home'],
    ['a/index.html', 'h-a'],
    ['images/logo.png', '120:1700000000000'],
    // A page bundle's original is kept by its fingerprint.
    ['nasional/banjir/foto-1.jpg', 'original 5120:1700000000000'],
  ]),
  fingerprints: new Map([
    ['index.html', 'f-home'],
    ['a/index.html', 'f-a'],
    ['feed.xml', 'f-feed'],
    ['nasional/banjir/foto-1.jpg', 'original 5120:1700000000000'],
  ]),
  dependents: { structure: 's1', paths: ['a/index.html', 'index.html'], byArticle: { 'a.md': [0, 1], 'b.md': [1] } },
  // Derived files by photo, in neither map.
  images: new Map([
    ['9f8e7d', '1f2e3d4c5b6a foto-640.1f2e3d4c5b.webp 2a3b4c5d6e7f foto-320.2a3b4c5d6e.webp'],
    ['0a0b0c', ''],
  ]),
};

/**
 * An output state with each article's pages by their place among the pages
 * (an index read back names them by row, see `placeOf`), in ascending order:
 * the cache keeps them as a set.
 */
function asSets(value: OutputState | undefined): OutputState | undefined {
  const dependents = value?.dependents;
  if (!value || !dependents) return value;
  const byArticle = Object.fromEntries(
    Object.entries(dependents.byArticle).map(([source, keys]) => [
      source,
      keys.map((key) => placeOf(dependents, key)).sort((a, b) => a - b),
    ]),
  );
  return { ...value, dependents: { structure: dependents.structure, paths: dependents.paths, byArticle } };
}

describe('output state in the cache', () => {
  it('keeps every path once and reads back the same hashes, fingerprints, dependents and derived files', () => {
    const stored = storeOutputs(state);
    expect(stored.paths).toEqual([
      'index.html',
      'a/index.html',
      'images/logo.png',
      'nasional/banjir/foto-1.jpg',
      'feed.xml',
    ]);
    // A hash that is the fingerprint is not kept twice.
    expect(stored.hashes).toEqual(['h-home', 'h-a', '120:1700000000000', '=', '']);
    expect(stored.dependents?.pages).toEqual([1, 0]);
    const read = readStoredOutputs(JSON.parse(JSON.stringify(stored)));
    expect(read?.outputs).toEqual(state.outputs);
    expect(read?.fingerprints).toEqual(state.fingerprints);
    expect(asSets(read)?.dependents).toEqual(state.dependents);
    expect(read?.images).toEqual(state.images);
  });

  it('counts malformed data as missing: no state, or no dependents when only they are broken', () => {
    const stored = storeOutputs(state);
    expect(readStoredOutputs(undefined)).toBeUndefined();
    expect(readStoredOutputs({ outputs: state.outputs, fingerprints: {} })).toBeUndefined();
    expect(readStoredOutputs({ ...stored, hashes: stored.hashes.slice(1) })).toBeUndefined();
    expect(readStoredOutputs({ ...stored, fingerprints: [...stored.fingerprints.slice(1), 3] })).toBeUndefined();
    const badPage = readStoredOutputs({ ...stored, dependents: { ...stored.dependents, pages: [1, 9] } });
    expect(badPage?.outputs).toEqual(state.outputs);
    expect(badPage?.dependents).toBeUndefined();
    // Without its derived files a state cannot say which to delete: it counts as missing.
    expect(readStoredOutputs({ ...stored, images: [['9f8e7d', 3]] })).toBeUndefined();
    expect(readStoredOutputs({ ...stored, images: undefined })).toBeUndefined();
  });

  it('keeps every path in its row from one save to the next, so a publish is a short patch to the table', () => {
    const site = (articles: number, newest?: string): OutputState => {
      const pages = Array.from({ length: articles }, (_, index) => `berita-${index}/index.html`);
      if (newest) pages.splice(1, 0, newest);
      const paths = ['index.html', ...pages];
      return {
        outputs: new Map(paths.map((path) => [path, `h ${path}`])),
        fingerprints: new Map(paths.map((path) => [path, `f ${path}`])),
        dependents: {
          structure: newest ? 's2' : 's1',
          paths,
          byArticle: Object.fromEntries(paths.slice(1).map((path, index) => [`${path}.md`, [index + 1, 0]])),
        },
        images: new Map(),
      };
    };
    const before = storeOutputs(site(1000));
    // Published: its page comes second in page order, and the home page shows it.
    const published = site(1000, 'baru/index.html');
    (published.outputs as Map<string, string>).set('index.html', 'h home with baru');
    const after = storeOutputs(published, storedRows(JSON.parse(JSON.stringify(before))));
    expect(after.paths.slice(0, 1001)).toEqual(before.paths);
    expect(after.paths[1001]).toBe('baru/index.html');
    const patch = JSON.stringify(diffJson(JSON.parse(JSON.stringify(before)), JSON.parse(JSON.stringify(after))));
    expect(patch.length).toBeLessThan(600);
    expect(asSets(readStoredOutputs(JSON.parse(JSON.stringify(after))))).toEqual(
      asSets({ ...published, history: undefined }),
    );

    // Deleted again: its row stays, empty, and the table reads back without it.
    const deleted = storeOutputs(site(1000), after.paths);
    expect(deleted.paths[1001]).toBe('');
    expect(deleted.paths.length).toBe(1002);
    expect(asSets(readStoredOutputs(JSON.parse(JSON.stringify(deleted))))).toEqual(
      asSets({ ...site(1000), history: undefined }),
    );
    // Read back, its index names pages by row: stored again in the same rows, as it is; laid out afresh, renamed.
    const read = readStoredOutputs(JSON.parse(JSON.stringify(after))) as OutputState;
    expect(storeOutputs(read, after.paths).dependents?.byArticle).toBe(read.dependents?.byArticle);
    const relaid = readStoredOutputs(JSON.parse(JSON.stringify(storeOutputs(read))));
    expect(asSets(relaid)).toEqual(asSets({ ...published, history: undefined }));
    // Up to 256 rows (or an eighth of them) left empty, they stay; past that, the rows are laid out afresh.
    const emptied = (count: number) => [...after.paths, ...Array<string>(count).fill('')];
    expect(storeOutputs(site(1000), emptied(200)).paths.length).toBe(1202);
    expect(storeOutputs(site(1000), emptied(300)).paths).toEqual(storeOutputs(site(1000)).paths);
    expect(storeOutputs(site(100), after.paths).paths).toEqual(storeOutputs(site(100)).paths);
  });

  it('stores the pages of each article as a set of rows: the same whatever order the build found them in', () => {
    const stored = storeOutputs(state);
    const reordered = storeOutputs({
      ...state,
      dependents: { ...state.dependents, byArticle: { 'a.md': [1, 0], 'b.md': [1] } } as OutputState['dependents'],
    });
    expect(reordered.dependents).toEqual(stored.dependents);
    // A page named by a row that is empty, or a row past the table, is no index at all.
    const gone = { ...stored, paths: stored.paths.map((path) => (path === 'a/index.html' ? '' : path)) };
    expect(readStoredOutputs(gone)?.dependents).toBeUndefined();
    const past = { ...stored, dependents: { ...stored.dependents, byArticle: { 'a.md': [99] } } };
    expect(readStoredOutputs(past)?.dependents).toBeUndefined();
  });
});
