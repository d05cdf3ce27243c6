import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diffImageFiles } from '../../src/pipeline/image-file-changes.js';
import type { ImageFile } from '../../src/pipeline/image-state.js';

/** Files as the images stage lists them: one per path, sorted by path. */
const files = fc
  .uniqueArray(
    fc.record({
      path: fc.constantFrom('_images/a.webp', '_images/b.webp', 'a/x.jpg', 'b/y.jpg', 'z.png'),
      fingerprint: fc.constantFrom('k1', 'k2'),
    }),
    {
      selector: (file) => file.path,
    },
  )
  .map((list) =>
    list
      .map((file): ImageFile => ({ ...file, file: `/cache/${file.path}` }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  );

describe('diffImageFiles', () => {
  test('new or changed files are fresh, files only the last build had are gone, nothing else', () => {
    fc.assert(
      fc.property(files, files, (now, last) => {
        const before = new Map(last.map((file) => [file.path, file.fingerprint]));
        const paths = new Set(now.map((file) => file.path));
        expect(diffImageFiles(now, last)).toEqual({
          fresh: now.filter((file) => before.get(file.path) !== file.fingerprint),
          gone: last.filter((file) => !paths.has(file.path)).map((file) => file.path),
        });
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });
});
