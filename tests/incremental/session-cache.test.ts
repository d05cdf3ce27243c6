import { describe, expect, it } from 'vitest';
import type { OutputState } from '../../src/incremental/session-cache.js';
import { readStoredOutputs, storeOutputs } from '../../src/incremental/stored-outputs.js';

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
    expect(read?.dependents).toEqual(state.dependents);
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
});
