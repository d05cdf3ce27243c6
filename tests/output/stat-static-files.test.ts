import { mkdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { OUTPUT_MARKER } from '../../src/output/output-marker.js';
import {
  decodeStaticFolder,
  encodeStaticFolder,
  statStaticAside,
  statStaticFolder,
} from '../../src/output/stat-static-files.js';
import { article, createFixtureSite, ROOT, runCli, snapshotTree } from '../helpers/fixture-site.js';

const NOW = ['--now', '2026-11-27T12:00:00+07:00'];

function staticFolder(): string {
  const dir = createFixtureSite({
    'static/robots.txt': 'User-agent: *\n',
    'static/images/jalan tol Cipali — rusak.jpg': 'jpeg bytes',
    'static/unduh/laporan.pdf': '%PDF-1.7',
  });
  const staticDir = path.join(dir, 'static');
  // A link leading outside the site: refused by the walk.
  const outside = createFixtureSite({ 'rahasia.txt': 'not for the site' });
  symlinkSync(path.join(outside, 'rahasia.txt'), path.join(staticDir, 'luar.txt'));
  return staticDir;
}

/** What the built static thread answers for `staticDir`. */
async function askThread(staticDir: string): Promise<unknown> {
  const worker = new Worker(new URL('lib/bundle/static-worker.js', `file://${ROOT}`), { workerData: { staticDir } });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('the static folder listed and statted, here or on a thread', () => {
  test('every file with its size:mtime at the same index, and the refused entries', async () => {
    const staticDir = staticFolder();
    utimesSync(path.join(staticDir, 'robots.txt'), 1_000_000, 1_000_000);
    const folder = await statStaticFolder(staticDir);
    expect(folder.files.map((file) => file.path)).toEqual([
      'images/jalan tol Cipali — rusak.jpg',
      'robots.txt',
      'unduh/laporan.pdf',
    ]);
    expect(folder.stamps[1]).toBe('14:1000000000');
    // And its ctime, which no tool sets back: what a read of the file later checks it against.
    expect(folder.ctimes[1]).toBe(statSync(path.join(staticDir, 'robots.txt')).ctimeMs);
    expect(folder.refused.map((entry) => path.basename(entry.path))).toEqual(['luar.txt']);
  });

  test("the thread's answer decodes to what it encodes, and anything else to undefined", async () => {
    const folder = await statStaticFolder(staticFolder());
    expect(decodeStaticFolder(encodeStaticFolder(folder))).toEqual(folder);
    const empty = { files: [], stamps: [], ctimes: [], refused: [] };
    expect(decodeStaticFolder(encodeStaticFolder(empty))).toEqual(empty);
    const encoded = encodeStaticFolder(folder);
    for (const bad of [null, 42, { ...encoded, stamps: 'x' }, { ...encoded, refused: undefined }, { paths: '' }])
      expect(decodeStaticFolder(bad), JSON.stringify(bad)).toBeUndefined();
  });

  test('the built thread answers what this thread lists, and null for a folder it cannot list', async () => {
    const staticDir = staticFolder();
    expect(decodeStaticFolder(await askThread(staticDir))).toEqual(await statStaticFolder(staticDir));
    writeFileSync(path.join(staticDir, OUTPUT_MARKER), 'not the marker');
    expect(await askThread(staticDir)).toBeNull();
    await expect(statStaticFolder(staticDir)).rejects.toMatchObject({ code: 'output-collision' });
  });

  test('without its built entry (these sources), no thread: undefined, for the caller to list it itself', async () => {
    expect(await statStaticAside(staticFolder())).toBeUndefined();
  });
});

describe('a build that lists a large static folder on a thread while its cache loads', () => {
  /** A site with 1,000 static files: large enough for the thread once a build has counted them. */
  function photoSite(): string {
    const files: Record<string, string> = {
      'newsgen.config.json': JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example.id/', images: false }),
      'content/ekonomi/cabai.md': article({ title: 'Harga cabai', image: '/foto/0.jpg' }),
    };
    for (let index = 0; index < 1000; index++) files[`static/foto/${index}.jpg`] = `foto ${index}`;
    return createFixtureSite(files);
  }

  test('a publish with static changes writes what a cold build writes, and reports the folder as usual', () => {
    const dir = photoSite();
    expect(runCli(dir, ['build', ...NOW]).code).toBe(0);
    // The next build lists another number of content files: the cache loads while a thread lists the photos.
    writeFileSync(
      path.join(dir, 'content/ekonomi/beras.md'),
      article({ title: 'Harga beras', image: '/foto/1000.jpg' }),
    );
    writeFileSync(path.join(dir, 'static/foto/1000.jpg'), 'foto baru');
    writeFileSync(path.join(dir, 'static/foto/7.jpg'), 'foto 7, diganti');
    const publish = runCli(dir, ['build', '--changes', 'changes.json', ...NOW]);
    expect(publish.code, publish.stderr).toBe(0);
    const changes = JSON.parse(readFileSync(path.join(dir, 'changes.json'), 'utf8')) as {
      written: { path: string }[];
    };
    const written = changes.written.map((file) => file.path);
    expect(written).toEqual(expect.arrayContaining(['foto/1000.jpg', 'foto/7.jpg']));
    expect(written).not.toContain('foto/8.jpg');
    const incremental = snapshotTree(path.join(dir, 'dist'));
    expect(runCli(dir, ['build', '--no-cache', '--out', 'cold', ...NOW]).code).toBe(0);
    expect(incremental).toEqual(snapshotTree(path.join(dir, 'cold')));
    // A problem in the folder is reported by the build, thread or not.
    mkdirSync(path.join(dir, 'content/nasional'));
    writeFileSync(path.join(dir, 'content/nasional/banjir.md'), article({ title: 'Banjir' }));
    writeFileSync(path.join(dir, `static/${OUTPUT_MARKER}`), 'not the marker');
    const failed = runCli(dir, ['build', ...NOW]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`Static file ${OUTPUT_MARKER} collides with the marker`);
  });
});
