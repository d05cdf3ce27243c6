import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  type BuildCache,
  CacheCorruptionError,
  openBuildCache,
  type SavedSource,
} from '../../src/cache/build-cache.js';
import { hashBytes } from '../../src/hash/hash-bytes.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgen-cache-'));
  dirs.push(dir);
  return dir;
};

/** HTML of many sizes, with multi-byte characters, so pieces straddle and exceed the writer's one-megabyte chunks. */
function htmlFor(index: number): string {
  const size = index === 7 ? 3_000_000 : 1_000 + ((index * 7_919) % 90_000);
  return `<p>${index} Berita ✓ ${'é'.repeat(index % 5)}${'x'.repeat(size)}</p>`;
}

function sourcesOf(
  count: number,
  html: (index: number) => SavedSource<{ n: number }>['html'],
): Map<string, SavedSource<{ n: number }>> {
  return new Map(
    Array.from({ length: count }, (_, index) => [
      `a/${index}.md`,
      { hash: `h${index}`, stat: `${index}:1`, record: { n: index }, html: html(index) },
    ]),
  );
}

/** The tail's entry lines (after the base's checksum and the caller's data), parsed. */
function tailLines(dir: string): unknown[][] {
  const text = readFileSync(path.join(dir, 'records-tail.json'), 'utf8');
  return text
    .split('\n')
    .slice(3)
    .map((line) => JSON.parse(line) as unknown[]);
}

/** Every loaded entry saved again as it was read. */
function keepAll(
  records: Awaited<ReturnType<BuildCache<{ n: number }>['loadRecords']>>,
): Map<string, SavedSource<{ n: number }>> {
  return new Map(
    [...(records?.sources ?? new Map())].map(([file, entry]) => [
      file,
      { hash: entry?.hash ?? '', stat: entry?.stat, record: entry?.record ?? { n: -1 }, html: entry?.html },
    ]),
  );
}

describe('hashBytes', () => {
  test('is the SHA-1 of the bytes, text hashed as UTF-8, so hashes kept by an earlier build still match', () => {
    for (const text of ['', 'Jumat, 09 Sep 2016 10:46 WIB', 'Kafé — “kutipan” 🙂'.repeat(500)]) {
      const sha1 = createHash('sha1').update(Buffer.from(text, 'utf8')).digest('hex');
      expect(hashBytes(text)).toBe(sha1);
      expect(hashBytes(new Uint8Array(Buffer.from(text, 'utf8')))).toBe(sha1);
    }
  });
});

describe('build cache store', () => {
  test('reads back every record and HTML after saves larger than its write chunks, appended or rewritten', async () => {
    const dir = tempDir();
    const first = await openBuildCache<{ n: number }>(dir, 'key');
    await first.save({ build: 1 }, { outputs: 'ü'.repeat(2_000_000) }, sourcesOf(40, htmlFor));

    const second = await openBuildCache<{ n: number }>(dir, 'key');
    expect(second.state).toEqual({ build: 1 });
    const records = await second.loadRecords();
    expect(records?.data).toEqual({ outputs: 'ü'.repeat(2_000_000) });
    for (let index = 0; index < 40; index++) {
      const entry = records?.sources.get(`a/${index}.md`);
      expect(entry?.record).toEqual({ n: index });
      expect(entry?.html?.read()).toBe(htmlFor(index));
      // The checksum kept with the HTML is its digest: fingerprints take it instead of reading the HTML.
      expect(entry?.html?.digest).toBe(hashBytes(htmlFor(index)));
    }
    // One article changed: its HTML is appended, the others kept by reference.
    const kept = sourcesOf(40, (index) =>
      index === 3 ? () => 'neu ✓' : index === 4 ? 'juga ✓' : records?.sources.get(`a/${index}.md`)?.html,
    );
    await second.save({ build: 2 }, { outputs: 1 }, kept);

    const third = await openBuildCache<{ n: number }>(dir, 'key');
    const again = await third.loadRecords();
    for (let index = 0; index < 40; index++) {
      const entry = again?.sources.get(`a/${index}.md`);
      expect(entry?.html?.read()).toBe(index === 3 ? 'neu ✓' : index === 4 ? 'juga ✓' : htmlFor(index));
      expect(entry?.record).toEqual({ n: index });
    }
    // Most articles gone: the pack is rewritten without the dead HTML.
    const fewer = new Map(
      [...kept].slice(0, 2).map(([file, source]) => [file, { ...source, html: again?.sources.get(file)?.html }]),
    );
    await third.save({ build: 3 }, null, fewer);
    const fourth = await openBuildCache<{ n: number }>(dir, 'key');
    const last = await fourth.loadRecords();
    expect([...(last?.sources.keys() ?? [])]).toEqual(['a/0.md', 'a/1.md']);
    expect(readFileSync(path.join(dir, 'html.pack')).length).toBeLessThan(200_000);
    for (const file of ['a/0.md', 'a/1.md']) {
      const entry = last?.sources.get(file);
      expect(entry?.html?.read()).toBe(htmlFor(Number(file.slice(2, 3))));
    }
  });

  test('writes what changed since the base records to their tail, and leaves the base as it was', async () => {
    const dir = tempDir();
    await (await openBuildCache<{ n: number }>(dir, 'key')).save({ build: 1 }, { data: 1 }, sourcesOf(30, htmlFor));
    const base = readFileSync(path.join(dir, 'records.json'), 'utf8');
    expect(tailLines(dir)).toEqual([]);
    // Lines 0, 10-11 and 29 changed, 5 gone, one new.
    const second = await openBuildCache<{ n: number }>(dir, 'key');
    const loaded = await second.loadRecords();
    const changed = new Set([0, 10, 11, 29]);
    const next = sourcesOf(30, (index) =>
      changed.has(index) ? `neu ${index}` : loaded?.sources.get(`a/${index}.md`)?.html,
    );
    next.delete('a/5.md');
    next.set('b/new.md', { hash: 'hb', stat: '1:2', record: { n: 99 }, html: 'baru' });
    await second.save({ build: 2 }, { data: 2 }, next);
    expect(readFileSync(path.join(dir, 'records.json'), 'utf8')).toBe(base);
    expect(tailLines(dir).map((line) => line[0])).toEqual([
      'a/0.md',
      'a/10.md',
      'a/11.md',
      'a/29.md',
      'b/new.md',
      'a/5.md',
    ]);
    expect(tailLines(dir).at(-1)).toEqual(['a/5.md']);

    // The next save's tail holds every change since the base again, not only its own.
    const third = await openBuildCache<{ n: number }>(dir, 'key');
    const again = await third.loadRecords();
    expect(again?.data).toEqual({ data: 2 });
    expect([...(again?.sources.keys() ?? [])]).toHaveLength(30);
    expect(again?.sources.get('a/5.md')).toBeUndefined();
    await third.save({ build: 3 }, { data: 3 }, keepAll(again));
    expect(readFileSync(path.join(dir, 'records.json'), 'utf8')).toBe(base);
    expect(tailLines(dir)).toHaveLength(6);
    const last = await (await openBuildCache<{ n: number }>(dir, 'key')).loadRecords();
    expect(last?.data).toEqual({ data: 3 });
    expect(last?.sources.get('b/new.md')?.html?.read()).toBe('baru');
    for (let index = 0; index < 30; index++) {
      const entry = last?.sources.get(`a/${index}.md`);
      if (index === 5) continue;
      expect(entry?.record).toEqual({ n: index });
      expect(entry?.html?.read()).toBe(changed.has(index) ? `neu ${index}` : htmlFor(index));
    }
  });

  test('writes the base again once the tail would pass its limit, copying unchanged lines byte for byte', async () => {
    const dir = tempDir();
    const count = 300;
    const changed = (index: number) => index < 257;
    // The lines that stay have most of the HTML: the pack is appended to, so their places stay too.
    const first = (index: number) => (changed(index) ? `<p>${index}</p>` : `<p>${'x'.repeat(10_000)} ${index}</p>`);
    await (await openBuildCache<{ n: number }>(dir, 'key')).save({ build: 1 }, null, sourcesOf(count, first));
    const before = readFileSync(path.join(dir, 'records.json'), 'utf8').split('\n');
    // 257 changed lines: past the tail's floor of 256 (an eighth of 300 is less).
    const second = await openBuildCache<{ n: number }>(dir, 'key');
    const loaded = await second.loadRecords();
    await second.save(
      { build: 2 },
      null,
      sourcesOf(count, (index) => (changed(index) ? `neu ${index}` : loaded?.sources.get(`a/${index}.md`)?.html)),
    );
    const after = readFileSync(path.join(dir, 'records.json'), 'utf8').split('\n');
    expect(tailLines(dir)).toEqual([]);
    expect(after.filter((line) => before.includes(line))).toHaveLength(count - 257);
    const last = await (await openBuildCache<{ n: number }>(dir, 'key')).loadRecords();
    for (let index = 0; index < count; index++)
      expect(last?.sources.get(`a/${index}.md`)?.html?.read()).toBe(changed(index) ? `neu ${index}` : first(index));
  });

  test('counts records as missing when the tail is corrupt, gone, or belongs to another base', async () => {
    const dir = tempDir();
    const tail = path.join(dir, 'records-tail.json');
    await (await openBuildCache<{ n: number }>(dir, 'key')).save({ build: 1 }, { data: 1 }, sourcesOf(3, htmlFor));
    const first = readFileSync(tail);
    // A save that writes the base again (every entry new), as a save stopped before its tail would leave it.
    const cache = await openBuildCache<{ n: number }>(dir, 'key');
    await cache.loadRecords();
    await cache.save(
      { build: 2 },
      { data: 2 },
      sourcesOf(400, (index) => `neu ${index}`),
    );
    expect(await (await openBuildCache(dir, 'key')).loadRecords()).toBeDefined();
    writeFileSync(tail, first);
    expect(await (await openBuildCache(dir, 'key')).loadRecords()).toBeUndefined();
    rmSync(tail);
    expect(await (await openBuildCache(dir, 'key')).loadRecords()).toBeUndefined();
  });

  test('reads HTML only when asked, checks it then, and keeps readers working after a save rewrote the pack', async () => {
    const dir = tempDir();
    await (await openBuildCache<{ n: number }>(dir, 'key')).save({ build: 1 }, null, sourcesOf(4, htmlFor));
    const pack = path.join(dir, 'html.pack');
    const bytes = readFileSync(pack);
    bytes[bytes.length - 10] = 0x21;
    writeFileSync(pack, bytes);
    const cache = await openBuildCache<{ n: number }>(dir, 'key');
    const records = await cache.loadRecords();
    const entryOf = (index: number) =>
      records?.sources.get(`a/${index}.md`) as NonNullable<ReturnType<NonNullable<typeof records>['sources']['get']>>;
    const readers = [0, 1, 2, 3].map((index) => entryOf(index).html);
    // The corrupt entry is found as it is read, never returned.
    expect(() => readers[3]?.read()).toThrow(CacheCorruptionError);
    // Every entry but one is dead: the save rewrites the pack, leaving out the corrupt entry and its record.
    await cache.save(
      { build: 2 },
      null,
      new Map(
        [...sourcesOf(1, () => 'baru')].concat([
          ['a/3.md', { hash: 'h3', stat: '3:1', record: { n: 3 }, html: entryOf(3).html }],
        ]),
      ),
    );
    expect(readers.slice(0, 3).map((html) => html?.read())).toEqual([0, 1, 2].map(htmlFor));
    const after = await (await openBuildCache<{ n: number }>(dir, 'key')).loadRecords();
    expect([...(after?.sources.keys() ?? [])]).toEqual(['a/0.md']);
    await cache.close();
  });

  test('gives no HTML for a piece past the end of a cut pack', async () => {
    const dir = tempDir();
    await (await openBuildCache<{ n: number }>(dir, 'key')).save({ build: 1 }, null, sourcesOf(3, htmlFor));
    const pack = path.join(dir, 'html.pack');
    writeFileSync(pack, readFileSync(pack).subarray(0, 1_500));
    const cache = await openBuildCache<{ n: number }>(dir, 'key');
    const records = await cache.loadRecords();
    expect(records?.sources.get('a/0.md')?.html?.read()).toBe(htmlFor(0));
    expect(records?.sources.get('a/2.md')).toBeDefined();
    expect(records?.sources.get('a/2.md')?.html).toBeUndefined();
    await cache.close();
  });

  test('counts records whose checksum does not match, or that name another key, as missing', async () => {
    const dir = tempDir();
    await (await openBuildCache<{ n: number }>(dir, 'key')).save({ build: 1 }, null, sourcesOf(3, htmlFor));
    expect(await (await openBuildCache(dir, 'other')).loadRecords()).toBeUndefined();
    const file = path.join(dir, 'records.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"n":1', '"n":2'));
    expect(await (await openBuildCache(dir, 'key')).loadRecords()).toBeUndefined();
  });

  test('reads a small file written from its JSON text as one written from its value, and checks it alike', async () => {
    const dir = tempDir();
    const cache = await openBuildCache(dir, 'key');
    const value = { hash: 'abc', warnings: [{ file: 'a.md', reason: 'Berita ✓ "kutip"' }] };
    await cache.writeExtraJson('warnings', JSON.stringify(value));
    await cache.writeExtra('same', value);
    expect(readFileSync(path.join(dir, 'warnings.json'))).toEqual(readFileSync(path.join(dir, 'same.json')));
    expect(await cache.readExtra('warnings')).toEqual(value);
    // Under another key, it is not this cache's.
    expect(await (await openBuildCache(dir, 'other')).readExtra('warnings')).toBeUndefined();
  });
});
