import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diffDerivedGroups, filesOfGroup, listDerivedFiles } from '../../src/images/derived-groups.js';

/** A photo's files as the store remembers a plan: `key name …`, a name's key fixed by its photo (its name holds it). */
const groupOf = (photo: string, names: readonly string[], edition: number) =>
  names.map((name) => `${photo}${edition}${name} ${photo}-${name}.${photo}${edition}.webp`).join(' ');

/** Groups by source hash: each photo in one of two editions (its bytes changed), with some of its files. */
const groups = fc
  .uniqueArray(
    fc.record({
      photo: fc.constantFrom('a', 'b', 'c', 'd'),
      names: fc.subarray(['320', '640', 'card200', 'og1200'], { minLength: 0 }),
      edition: fc.constantFrom(1, 2),
      twice: fc.boolean(),
    }),
    { selector: (group) => group.photo },
  )
  .map(
    (list) =>
      new Map(
        list.map(({ photo, names, edition, twice }) => {
          const files = groupOf(photo, names, edition);
          // A photo shown in two ways lists some files twice.
          return [`${photo}${edition}`, twice && files ? `${files} ${files}` : files];
        }),
      ),
  );

/** Every file of some groups, by output path. */
const filesOf = (all: ReadonlyMap<string, string>) =>
  new Map(listDerivedFiles(all).map((file) => [file.path, file.key]));

describe('derived file groups', () => {
  test('a group is its files by output path, each once', () => {
    expect(filesOfGroup('')).toEqual(new Map());
    expect(filesOfGroup('k1 a-320.k1.avif k2 a-640.k2.avif k1 a-320.k1.avif')).toEqual(
      new Map([
        ['_images/a-320.k1.avif', 'k1'],
        ['_images/a-640.k2.avif', 'k2'],
      ]),
    );
  });

  test('fresh: every file new or with another key; gone: every file no group has now; the same group string is not looked into', () => {
    fc.assert(
      fc.property(groups, groups, (now, last) => {
        const before = filesOf(last);
        const after = filesOf(now);
        const changes = diffDerivedGroups(now, last);
        expect(new Map(changes.fresh.map((file) => [file.path, file.key]))).toEqual(
          new Map([...after].filter(([path, key]) => before.get(path) !== key)),
        );
        expect(changes.fresh.length).toBe(new Set(changes.fresh.map((file) => file.path)).size);
        expect([...changes.gone].sort()).toEqual([...before.keys()].filter((path) => !after.has(path)).sort());
      }),
      { seed: 20261205, numRuns: 500 },
    );
  });

  test('an unchanged archive gives no change, whatever its size', () => {
    const archive = new Map(
      Array.from({ length: 1000 }, (_, index) => [`h${index}`, groupOf(`p${index}`, ['320', '640'], 1)]),
    );
    expect(diffDerivedGroups(archive, new Map(archive))).toEqual({ fresh: [], gone: [] });
  });
});
