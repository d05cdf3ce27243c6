import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ChangeManifest } from '../../src/report/change-manifest.js';
import { article, createFixtureSite, runCli, snapshotTree } from '../helpers/fixture-site.js';
import { createTempFolder } from '../helpers/temp-folders.js';

const CONFIG = JSON.stringify({
  title: 'Warta Uji',
  baseUrl: 'https://uji.example/',
  locale: 'id-ID',
  timeZone: 'Asia/Jakarta',
});
const NOW = ['--now', '2026-11-20T12:00:00+07:00'];

/** A site of `n` short articles, one a day back from 19 November 2026, built once with its cache. */
function builtSite(n: number): string {
  const files: Record<string, string> = { 'newsgen.config.json': CONFIG };
  for (let index = 0; index < n; index++) {
    const day = new Date(Date.UTC(2026, 10, 19 - index, 2));
    const date = `${day.toISOString().slice(0, 10)} 09:00`;
    files[`content/ekonomi/berita-${index}.md`] = article({ title: `Berita ${index}`, date }, `Isi berita ${index}.\n`);
  }
  const dir = createFixtureSite(files);
  const first = runCli(dir, ['build', ...NOW]);
  expect(first.code, first.stderr).toBe(0);
  return dir;
}

/** `dir` copied as a CI checkout has it: every file new to the file system, the output and cache beside it. */
function checkout(dir: string): string {
  const copy = path.join(createTempFolder('checkout'), 'warta');
  cpSync(dir, copy, { recursive: true });
  return copy;
}

function build(site: string) {
  const run = runCli(site, ['build', '--verbose', '--changes', 'changes.json', ...NOW]);
  expect(run.code, run.stderr).toBe(0);
  const manifest = JSON.parse(readFileSync(path.join(site, 'changes.json'), 'utf8')) as ChangeManifest;
  return { run, written: manifest.written.map((file) => file.path) };
}

/** The output of a cold build of `site`'s content, for a byte-for-byte comparison. */
function coldOutput(site: string): Map<string, string> {
  const cold = checkout(site);
  rmSync(path.join(cold, 'dist'), { recursive: true, force: true });
  rmSync(path.join(cold, 'node_modules'), { recursive: true, force: true });
  const run = runCli(cold, ['build', '--no-cache', ...NOW]);
  expect(run.code, run.stderr).toBe(0);
  return snapshotTree(path.join(cold, 'dist'));
}

describe('a build in a fresh checkout', () => {
  it('reads the changed files on a thread while the cache loads, and builds what a cold build does', () => {
    const site = checkout(builtSite(3));
    // A publish (another number of files) and an edit under the same size and a new time, as a merge brings them.
    writeFileSync(
      path.join(site, 'content/ekonomi/kopi.md'),
      article({ title: 'Harga kopi', date: '2026-11-20 09:00' }),
    );
    const edited = path.join(site, 'content/ekonomi/berita-2.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('Berita 2', 'Barita 2'));
    const { run, written } = build(site);
    expect(run.stderr).toMatch(/inputs +4 files changed since the last listing, read on a thread/);
    expect(written).toContain('ekonomi/kopi/index.html');
    expect(written).toContain('ekonomi/berita-2/index.html');
    expect(written).not.toContain('robots.txt');
    expect(snapshotTree(path.join(site, 'dist'))).toEqual(coldOutput(site));
  });

  it('with as many files as before, reads many changed ones on a thread too, and writes only what changed', () => {
    const site = checkout(builtSite(205));
    const edited = path.join(site, 'content/ekonomi/berita-100.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('Isi berita 100.', 'Isi berita seratus.'));
    const { run, written } = build(site);
    expect(run.stderr).toMatch(/inputs +205 files changed since the last listing, read on a thread/);
    expect(written).toContain('ekonomi/berita-100/index.html');
    expect(written).not.toContain('ekonomi/berita-99/index.html');
    expect(snapshotTree(path.join(site, 'dist'))).toEqual(coldOutput(site));
    // Built again where it is: nothing changed since that listing, nothing is read early, nothing written.
    const again = build(site);
    expect(again.run.stderr).not.toMatch(/read on a thread/);
    expect(again.written).toEqual([]);
  });

  it("reads a photo archive's static files whole on threads, and from the next checkout on knows them by their hashes", async () => {
    // A thousand files: the folder is listed on a thread of its own too when the number of articles changes.
    const files: Record<string, string | Uint8Array> = {
      'newsgen.config.json': JSON.stringify({ ...JSON.parse(CONFIG), images: false }),
      'content/ekonomi/pelabuhan.md': article(
        { title: 'Pelabuhan', date: '2026-11-19 09:00', image: '{ src: /images/utama.png, alt: Dermaga }' },
        'Isi.\n',
      ),
      'static/images/utama.png': await png(640, 360),
    };
    for (let index = 0; index < 1000; index++)
      files[`static/unduh/berkas-${String(index).padStart(4, '0')}.txt`] = `isi berkas ${index}\n`;
    const site = createFixtureSite(files);
    expect(runCli(site, ['build', ...NOW]).code).toBe(0);

    // The first checkout publishes an article: its static files are read on threads and compared with the output's.
    const first = checkout(site);
    writeFileSync(path.join(first, 'content/ekonomi/kopi.md'), article({ title: 'Kopi', date: '2026-11-20 09:00' }));
    const published = build(first);
    expect(published.run.stderr).toMatch(/inputs +1001 static files changed since the last listing, read on threads/);
    expect(published.run.stderr).toMatch(/write +0 static files known by their hashes, 1001 compared/);
    expect(published.written).toContain('ekonomi/kopi/index.html');
    expect(published.written.filter((file) => !file.endsWith('.html') && !file.endsWith('.xml'))).not.toContain(
      'unduh/berkas-0001.txt',
    );
    expect(snapshotTree(path.join(first, 'dist'))).toEqual(coldOutput(first));

    // The next checkout edits an article (as many articles as before), replaces the photo with a larger one and
    // edits a file under the same size: the rest are known by the hashes the last run kept, not read against dist.
    const next = checkout(first);
    const edited = path.join(next, 'content/ekonomi/kopi.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('Kopi', 'Kopi Gayo'));
    writeFileSync(path.join(next, 'static/images/utama.png'), await png(800, 600));
    writeFileSync(path.join(next, 'static/unduh/berkas-0007.txt'), 'isi berkas X\n');
    const again = build(next);
    expect(again.run.stderr).toMatch(/inputs +1001 static files changed since the last listing, read on threads/);
    expect(again.run.stderr).toMatch(/write +999 static files known by their hashes, 0 compared/);
    expect(again.written).toEqual(
      expect.arrayContaining(['images/utama.png', 'unduh/berkas-0007.txt', 'ekonomi/pelabuhan/index.html']),
    );
    expect(again.written).not.toContain('unduh/berkas-0008.txt');
    // The photo's new size, measured on a thread from the bytes it hashed.
    const page = readFileSync(path.join(next, 'dist/ekonomi/pelabuhan/index.html'), 'utf8');
    expect(page).toMatch(/<img[^>]*src="\/images\/utama\.png"[^>]*width="800" height="600"/);
    expect(snapshotTree(path.join(next, 'dist'))).toEqual(coldOutput(next));
  });
});

/** A plain PNG of that size. */
function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#468' } })
    .png()
    .toBuffer();
}
