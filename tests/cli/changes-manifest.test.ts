import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { OUTPUT_MARKER } from '../../src/output/output-marker.js';
import type { ChangeManifest } from '../../src/report/change-manifest.js';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';
import { createTempFolder } from '../helpers/temp-folders.js';

const CONFIG = JSON.stringify({
  title: 'Warta Uji',
  baseUrl: 'https://uji.example/warta/',
  locale: 'id-ID',
  timeZone: 'Asia/Jakarta',
});
const NOW = ['--now', '2026-11-20T12:00:00+07:00'];

function readManifest(file: string): ChangeManifest {
  return JSON.parse(readFileSync(file, 'utf8')) as ChangeManifest;
}

describe('newsgen build --changes', () => {
  it('writes the files written and deleted with their URLs, for a first build and for each change after it', async () => {
    const dir = createFixtureSite({
      'newsgen.config.json': CONFIG,
      'content/ekonomi/cabai.md': article({ title: 'Harga cabai', date: '2026-11-19 09:00' }),
      'content/ekonomi/beras.md': article({ title: 'Harga beras', date: '2026-11-18 09:00' }),
      'static/unduh/laporan.pdf': '%PDF-1.7',
    });
    const manifestFile = path.join(dir, 'changes.json');
    const first = await runMain(dir, ['build', '--changes', 'changes.json', ...NOW]);
    expect(first.code, first.stderr).toBe(0);
    const cold = readManifest(manifestFile);
    expect(cold.deleted).toEqual([]);
    expect(cold.written).toContainEqual({ path: 'index.html', url: 'https://uji.example/warta/' });
    expect(cold.written).toContainEqual({
      path: 'ekonomi/beras/index.html',
      url: 'https://uji.example/warta/ekonomi/beras/',
    });
    expect(cold.written).toContainEqual({ path: 'sitemap.xml', url: 'https://uji.example/warta/sitemap.xml' });
    const paths = cold.written.map((file) => file.path);
    expect(paths).toEqual([...paths].sort());
    // Every file of the output, the static folder's included: a deploy from a cold build's manifest is complete.
    const published = [...snapshotTree(path.join(dir, 'dist')).keys()].filter((file) => file !== OUTPUT_MARKER);
    expect(paths).toEqual(published.sort());
    expect(paths).toContain('unduh/laporan.pdf');

    rmSync(path.join(dir, 'content/ekonomi/beras.md'));
    const second = await runMain(dir, ['build', '--changes', 'changes.json', ...NOW]);
    expect(second.code, second.stderr).toBe(0);
    const deletion = readManifest(manifestFile);
    expect(deletion.deleted).toContainEqual({
      path: 'ekonomi/beras/index.html',
      url: 'https://uji.example/warta/ekonomi/beras/',
    });
    expect(deletion.written.map((file) => file.path)).toContain('ekonomi/index.html');
    expect(deletion.written.length).toBeLessThan(cold.written.length);
    for (const file of deletion.deleted) expect(existsSync(path.join(dir, 'dist', file.path)), file.path).toBe(false);

    const third = await runMain(dir, ['build', '--changes', 'changes.json', ...NOW]);
    expect(third.code, third.stderr).toBe(0);
    expect(readManifest(manifestFile)).toEqual({ written: [], deleted: [] });
  });

  it('lists nothing after a fresh checkout gives every file a new mtime, and only the file whose bytes changed', async () => {
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#4a7' } })
      .jpeg()
      .toBuffer();
    const dir = createFixtureSite({
      'newsgen.config.json': CONFIG,
      'content/ekonomi/cabai.md': article({
        title: 'Harga cabai',
        date: '2026-11-19 09:00',
        image: '/images/pasar.jpg',
      }),
      'content/nasional/banjir/index.md': article({
        title: 'Banjir',
        date: '2026-11-18 09:00',
        image: '{ src: foto.jpg, alt: Banjir }',
      }),
      'content/nasional/banjir/foto.jpg': photo,
      'static/images/pasar.jpg': photo,
      'static/unduh/laporan.pdf': '%PDF-1.7',
    });
    const build = async () => {
      const run = await runMain(dir, ['build', '--changes', 'changes.json', ...NOW]);
      expect(run.code, run.stderr).toBe(0);
      return readManifest(path.join(dir, 'changes.json'));
    };
    const cold = await build();
    expect(cold.written.map((file) => file.path)).toEqual(
      expect.arrayContaining(['images/pasar.jpg', 'nasional/banjir/foto.jpg', 'unduh/laporan.pdf']),
    );
    // What a CI checkout does: the same bytes, every file with the time of the checkout.
    const checkout = (seconds: number) => {
      const at = new Date(Date.now() + seconds * 1000);
      for (const folder of ['content', 'static'])
        for (const entry of readdirSync(path.join(dir, folder), { recursive: true, withFileTypes: true }))
          if (entry.isFile()) utimesSync(path.join(entry.parentPath, entry.name), at, at);
    };
    checkout(100);
    expect(await build()).toEqual({ written: [], deleted: [] });
    // Another report of the same size: its bytes differ, so it alone is copied.
    writeFileSync(path.join(dir, 'static/unduh/laporan.pdf'), '%PDF-1.8');
    checkout(200);
    expect(await build()).toEqual({
      written: [{ path: 'unduh/laporan.pdf', url: 'https://uji.example/warta/unduh/laporan.pdf' }],
      deleted: [],
    });
    expect(readFileSync(path.join(dir, 'dist/unduh/laporan.pdf'), 'utf8')).toBe('%PDF-1.8');
  });

  it('keeps the cache and the output of a site checked out in another folder (another CI workspace)', async () => {
    const dir = createFixtureSite({
      'newsgen.config.json': CONFIG,
      'content/ekonomi/cabai.md': article({ title: 'Harga cabai', date: '2026-11-19 09:00' }),
      'content/ekonomi/beras.md': article({ title: 'Harga beras', date: '2026-11-18 09:00' }),
      'static/unduh/laporan.pdf': '%PDF-1.7',
    });
    expect((await runMain(dir, ['build', ...NOW])).code).toBe(0);
    const build = async (site: string) => {
      const run = await runMain(site, ['build', '--changes', 'changes.json', ...NOW]);
      expect(run.code, run.stderr).toBe(0);
      return { run, manifest: readManifest(path.join(site, 'changes.json')) };
    };
    // The site, its output and its cache under another path, times kept: nothing to write.
    const moved = path.join(createTempFolder('moved'), 'warta');
    cpSync(dir, moved, { recursive: true, preserveTimestamps: true });
    expect((await build(moved)).manifest).toEqual({ written: [], deleted: [] });
    // Copied as a checkout copies (every file new): the files are read again, and nothing is written.
    const checkedOut = path.join(createTempFolder('checkout'), 'warta');
    cpSync(dir, checkedOut, { recursive: true });
    expect((await build(checkedOut)).manifest).toEqual({ written: [], deleted: [] });
    // A publish there writes its pages only.
    writeFileSync(
      path.join(checkedOut, 'content/ekonomi/kopi.md'),
      article({ title: 'Harga kopi', date: '2026-11-20 09:00' }),
    );
    const published = (await build(checkedOut)).manifest.written.map((file) => file.path);
    expect(published).toContain('ekonomi/kopi/index.html');
    expect(published).not.toContain('ekonomi/beras/index.html');
    expect(published).not.toContain('unduh/laporan.pdf');
  });

  it('writes an empty manifest when the build fails, so an older one is never deployed again', async () => {
    const dir = createFixtureSite({ 'newsgen.config.json': CONFIG, 'content/ekonomi/cabai.md': article() });
    expect((await runMain(dir, ['build', '--changes', 'changes.json', ...NOW])).code).toBe(0);
    writeFileSync(path.join(dir, 'content/ekonomi/cabai.md'), article({ date: 'kemarin' }));
    const failed = await runMain(dir, ['build', '--changes', 'changes.json', ...NOW]);
    expect(failed.code).toBe(1);
    expect(readManifest(path.join(dir, 'changes.json'))).toEqual({ written: [], deleted: [] });
  });

  it.each([
    ['a config error', (dir: string) => writeFileSync(path.join(dir, 'newsgen.config.json'), '{ "title": ')],
    ['a missing content folder', (dir: string) => rmSync(path.join(dir, 'content'), { recursive: true })],
  ])('empties an earlier manifest when the build fails before its config is known: %s', async (_name, breakSite) => {
    const dir = createFixtureSite({ 'newsgen.config.json': CONFIG, 'content/ekonomi/cabai.md': article() });
    expect((await runMain(dir, ['build', '--changes', 'changes.json', ...NOW])).code).toBe(0);
    expect(readManifest(path.join(dir, 'changes.json')).written).not.toEqual([]);
    breakSite(dir);
    const failed = await runMain(dir, ['build', '--changes', 'changes.json', ...NOW]);
    expect(failed.code).toBe(1);
    expect(readManifest(path.join(dir, 'changes.json'))).toEqual({ written: [], deleted: [] });
    // Not made where none was: whether that path may be written is not known without the config.
    expect((await runMain(dir, ['build', '--changes', 'andere.json', ...NOW])).code).toBe(1);
    expect(existsSync(path.join(dir, 'andere.json'))).toBe(false);
  });

  it('refuses to overwrite a file that is not a manifest, or to write one where the build reads, with exit 2', async () => {
    const dir = createFixtureSite({ 'newsgen.config.json': CONFIG, 'content/ekonomi/cabai.md': article() });
    for (const file of ['newsgen.config.json', 'content/ekonomi/cabai.md']) {
      const before = readFileSync(path.join(dir, file), 'utf8');
      const run = await runMain(dir, ['build', '--changes', file, ...NOW]);
      expect(run.code).toBe(2);
      expect(readFileSync(path.join(dir, file), 'utf8')).toBe(before);
    }
    const inStatic = await runMain(dir, ['build', '--changes', 'static/changes.json', ...NOW]);
    expect(inStatic.code).toBe(2);
    expect(inStatic.stderr).toContain('inside the static folder');
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    // A config error, then: the article named by mistake is left alone too.
    writeFileSync(path.join(dir, 'newsgen.config.json'), '{ "title": ');
    expect((await runMain(dir, ['build', '--changes', 'content/ekonomi/cabai.md', ...NOW])).code).toBe(1);
    expect(readFileSync(path.join(dir, 'content/ekonomi/cabai.md'), 'utf8')).toBe(article());
    // An empty file (`mktemp`) and an earlier manifest are replaced.
    writeFileSync(path.join(dir, 'newsgen.config.json'), CONFIG);
    writeFileSync(path.join(dir, 'kosong.json'), '');
    expect((await runMain(dir, ['build', '--changes', 'kosong.json', ...NOW])).code).toBe(0);
    expect(readManifest(path.join(dir, 'kosong.json')).written).toContainEqual(
      expect.objectContaining({ path: 'index.html' }),
    );
    expect((await runMain(dir, ['build', '--changes', 'kosong.json', ...NOW])).code).toBe(0);
    expect(readManifest(path.join(dir, 'kosong.json'))).toEqual({ written: [], deleted: [] });
  });

  it('refuses a manifest inside the output folder as a usage error, before building', async () => {
    const dir = createFixtureSite({ 'newsgen.config.json': CONFIG, 'content/ekonomi/cabai.md': article() });
    const run = await runMain(dir, ['build', '--changes', 'dist/changes.json', ...NOW]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('inside the output folder');
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    // Through a link to it (or a path to the site through a link, as /tmp is on macOS): the same folder.
    expect((await runMain(dir, ['build', ...NOW])).code).toBe(0);
    symlinkSync(path.join(dir, 'dist'), path.join(dir, 'terbit'));
    const linked = await runMain(dir, ['build', '--changes', 'terbit/changes.json', ...NOW]);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain('inside the output folder');
    expect(existsSync(path.join(dir, 'dist/changes.json'))).toBe(false);
  });

  it('refuses a manifest it cannot write as a usage error, before building, so the next build still lists the change', async () => {
    const dir = createFixtureSite({ 'newsgen.config.json': CONFIG, 'content/ekonomi/cabai.md': article() });
    expect((await runMain(dir, ['build', ...NOW])).code).toBe(0);
    const before = snapshotTree(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'content/ekonomi/cabai.md'), article({ title: 'Harga cabai turun' }));
    const refused = await runMain(dir, ['build', '--changes', 'tidak-ada/changes.json', ...NOW]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Could not write the change manifest');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    const folder = await runMain(dir, ['build', '--changes', '.', ...NOW]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('Unexpected --changes .: it is a folder, expected the path of a file');
    expect(folder.stderr).not.toContain('exists');
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
    expect((await runMain(dir, ['build', '--changes', 'changes.json', ...NOW])).code).toBe(0);
    const written = readManifest(path.join(dir, 'changes.json')).written.map((file) => file.path);
    expect(written).toContain('ekonomi/cabai/index.html');
  });
});
