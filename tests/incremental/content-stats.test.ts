import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { hashBytes } from '../../src/hash/hash-bytes.js';
import { hashAside, listContent, statAside, statListing } from '../../src/incremental/content-stats.js';
import { decodeStats, encodeStats, hashFiles, statFiles } from '../../src/incremental/stat-files.js';
import { article, createFixtureSite, ROOT } from '../helpers/fixture-site.js';

function contentFolder(): string {
  const dir = createFixtureSite({
    'content/ekonomi/cabai.md': article({ title: 'Harga cabai' }),
    'content/ekonomi/beras.md': article({ title: 'Harga beras' }),
    'content/nasional/banjir/index.md': article({ title: 'Banjir' }),
    'content/nasional/banjir/foto.jpg': new Uint8Array([0xff, 0xd8, 0xff]),
  });
  return path.join(dir, 'content');
}

describe('content stats', () => {
  test('a listing holds the sorted paths of files and page-bundle images, and its stats are size:mtime of each', () => {
    const content = contentFolder();
    const listing = listContent(content);
    expect(listing.files).toEqual(['ekonomi/beras.md', 'ekonomi/cabai.md', 'nasional/banjir/index.md']);
    expect(listing.images).toEqual(['nasional/banjir/foto.jpg']);
    const stats = statListing(listing);
    const cabai = statSync(path.join(content, 'ekonomi/cabai.md'));
    expect(stats.files[1]).toEqual({ path: 'ekonomi/cabai.md', stat: `${cabai.size}:${cabai.mtimeMs}` });
    expect(stats.recent).toEqual([]);
    expect(stats.images[0]?.stat).toBe(`3:${statSync(path.join(content, 'nasional/banjir/foto.jpg')).mtimeMs}`);
  });

  test('a file gone between listing and stat has no stat, and the stats pair with the listing either way', async () => {
    const content = contentFolder();
    const listing = listContent(content);
    rmSync(path.join(content, 'ekonomi/beras.md'));
    utimesSync(path.join(content, 'ekonomi/cabai.md'), 1_000_000, 1_000_000);
    const here = statListing(listing);
    expect(here.files[0]).toEqual({ path: 'ekonomi/beras.md', stat: undefined });
    expect(here.files[1]?.stat).toMatch(/:1000000000$/);
    expect(await statAside(listing)).toEqual(here);
  });

  test("the stat thread's one-string answer decodes to the stats and hashes it encodes, and refuses another count", () => {
    const stamps = ['12:1700000000000.5', undefined, '0:1'];
    const hashes = [undefined, 'a1b2', 'c3d4'];
    expect(decodeStats(encodeStats(stamps, hashes), 3)).toEqual({ stamps, hashes });
    expect(decodeStats(encodeStats([], []), 0)).toEqual({ stamps: [], hashes: [] });
    expect(decodeStats(encodeStats([undefined], [undefined]), 1)).toEqual({ stamps: [undefined], hashes: [undefined] });
    expect(decodeStats(encodeStats(stamps, hashes), 2)).toBeUndefined();
    expect(decodeStats(encodeStats(stamps, hashes.slice(1)), 3)).toBeUndefined();
    expect(decodeStats('\0', 1)).toEqual({ stamps: [undefined], hashes: [undefined] });
    expect(decodeStats('12:1', 1)).toBeUndefined();
    expect(decodeStats('x\0', 0)).toBeUndefined();
  });

  test('files whose status changed at or after an instant are recent: content files only, by ctime', () => {
    const content = contentFolder();
    const listing = listContent(content);
    // The fixture's files were all written just now; old mtimes do not make them older (ctime moves on).
    utimesSync(path.join(content, 'ekonomi/cabai.md'), 1_000_000, 1_000_000);
    expect(statListing(listing, 0).recent).toEqual(listing.files);
    const future = Date.now() + 60_000;
    expect(statListing(listing, future).recent).toEqual([]);
    expect(statFiles(content, [...listing.files, ...listing.images], 0).recent).toEqual([0, 1, 2, 3]);
  });

  test('without its thread (code run from its sources), statAside leaves the changed files for the build to read', async () => {
    const content = contentFolder();
    const listing = listContent(content);
    const aside = await statAside(listing, 0);
    expect(aside).toEqual(statListing(listing, 0));
    expect(aside.recent).toEqual(listing.files);
    expect(await hashAside(content, aside)).toBe(aside);
  });

  test('hashFiles hashes each file whole, small, empty or larger than its buffer, and leaves out one it cannot read', () => {
    const content = contentFolder();
    writeFileSync(path.join(content, 'ekonomi/kosong.md'), '');
    // Three times the buffer it starts with, then a small file after it: only its own bytes are hashed.
    writeFileSync(path.join(content, 'ekonomi/panjang.md'), `${article()}${'Paragraf panjang. '.repeat(11_000)}`);
    const files = ['ekonomi/panjang.md', 'ekonomi/cabai.md', 'ekonomi/kosong.md', 'ekonomi/hilang.md', 'ekonomi'];
    const hashes = hashFiles(content, files);
    for (const [index, file] of files.slice(0, 3).entries())
      expect(hashes[index], file).toBe(hashBytes(readFileSync(path.join(content, file))));
    expect(hashes.slice(3)).toEqual([undefined, undefined]);
    // With the sizes statted: the same hashes, a file grown since read to its end, one shrunk read as it is.
    const sizes = files.map((file) => statSync(path.join(content, file), { throwIfNoEntry: false })?.size);
    expect(hashFiles(content, files, sizes)).toEqual(hashes);
    const grown = hashFiles(content, ['ekonomi/cabai.md', 'ekonomi/panjang.md'], [10, 100]);
    expect(grown).toEqual([hashes[1], hashes[0]]);
    expect(hashFiles(content, ['ekonomi/cabai.md'], [1_000_000])).toEqual([hashes[1]]);
  });

  test('the built stat thread answers what statFiles gives on this thread, names with spaces and non-ASCII included', async () => {
    const content = contentFolder();
    mkdirSync(path.join(content, 'daerah'));
    writeFileSync(path.join(content, 'daerah/jalan tol Cipali — rusak.md'), article());
    const files = [...listContent(content).files, 'daerah/hilang.md'];
    const worker = new Worker(new URL('lib/bundle/stat-worker.js', `file://${ROOT}`), {
      workerData: { base: content, files: files.join('\0'), since: 0, hashable: 1 },
    });
    const answer = await new Promise<unknown>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(typeof answer).toBe('string');
    const stats = decodeStats(answer as string, files.length);
    expect(stats?.stamps).toEqual(statFiles(content, files).stamps);
    expect(stats?.stamps.at(-1)).toBeUndefined();
    // Only the first `hashable` files are read: the rest are page-bundle images the build hashes itself.
    expect(stats?.hashes).toEqual([...hashFiles(content, files.slice(0, 1)), ...files.slice(1).map(() => undefined)]);
  });
});
