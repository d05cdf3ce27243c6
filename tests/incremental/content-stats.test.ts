import { mkdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { listContent, statAside, statListing } from '../../src/incremental/content-stats.js';
import { decodeStats, encodeStats, statFiles } from '../../src/incremental/stat-files.js';
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

  test("the stat thread's one-string answer decodes to the stats it encodes, and refuses another count", () => {
    const stats = ['12:1700000000000.5', undefined, '0:1'];
    expect(decodeStats(encodeStats(stats), 3)).toEqual(stats);
    expect(decodeStats(encodeStats([]), 0)).toEqual([]);
    expect(decodeStats(encodeStats([undefined]), 1)).toEqual([undefined]);
    expect(decodeStats(encodeStats(stats), 2)).toBeUndefined();
    expect(decodeStats('', 1)).toEqual([undefined]);
    expect(decodeStats('x', 0)).toBeUndefined();
  });

  test('the built stat thread answers what statFiles gives on this thread, names with spaces and non-ASCII included', async () => {
    const content = contentFolder();
    mkdirSync(path.join(content, 'daerah'));
    writeFileSync(path.join(content, 'daerah/jalan tol Cipali — rusak.md'), article());
    const files = [...listContent(content).files, 'daerah/hilang.md'];
    const worker = new Worker(new URL('lib/bundle/stat-worker.js', `file://${ROOT}`), {
      workerData: { base: content, files: files.join('\0') },
    });
    const answer = await new Promise<unknown>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(typeof answer).toBe('string');
    const stats = decodeStats(answer as string, files.length);
    expect(stats).toEqual(statFiles(content, files));
    expect(stats?.at(-1)).toBeUndefined();
  });
});
