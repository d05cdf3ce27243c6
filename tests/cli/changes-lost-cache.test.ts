import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeManifest } from '../../src/report/change-manifest.js';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const NOW = ['--now', '2026-11-20T12:00:00+07:00'];

describe('newsgen build --changes without its cache', () => {
  it('lists the files of the kept output folder the site no longer has, and only the files whose bytes changed', async () => {
    // A CI run whose cache entry lost the build cache but kept dist/ (a newsgen upgrade, which keys the cache
    // anew, or a cache step that saves the output folder alone), in the run that deletes an article.
    const dir = createFixtureSite({
      'newsgen.config.json': JSON.stringify({ title: 'Warta Uji', baseUrl: 'https://uji.example/' }),
      'content/ekonomi/cabai.md': article({ title: 'Harga cabai', date: '2026-11-19 09:00' }),
      'content/ekonomi/beras.md': article({ title: 'Harga beras', date: '2026-11-18 09:00', tags: '[Beras]' }),
      'static/unduh/laporan.pdf': '%PDF-1.7',
    });
    expect((await runMain(dir, ['build', ...NOW])).code).toBe(0);
    const before = snapshotTree(path.join(dir, 'dist'));
    rmSync(path.join(dir, 'content/ekonomi/beras.md'));
    rmSync(path.join(dir, 'node_modules/.cache/newsgen'), { recursive: true });
    const run = await runMain(dir, ['build', '--changes', 'changes.json', ...NOW]);
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'changes.json'), 'utf8')) as ChangeManifest;
    const after = snapshotTree(path.join(dir, 'dist'));
    const changed = [...after].filter(([file, bytes]) => before.get(file) !== bytes).map(([file]) => file);
    const gone = [...before.keys()].filter((file) => !after.has(file));
    expect(gone).toEqual(expect.arrayContaining(['ekonomi/beras/index.html', 'tag/beras/index.html']));
    expect(manifest.deleted.map((file) => file.path)).toEqual(gone.sort());
    expect(manifest.written.map((file) => file.path)).toEqual(changed.sort());
    expect(manifest.written.map((file) => file.path)).not.toContain('unduh/laporan.pdf');
    // Applied to a copy of the last output, the manifest gives the new one.
    const applied = new Map(before);
    for (const file of manifest.deleted) applied.delete(file.path);
    for (const file of manifest.written) applied.set(file.path, after.get(file.path) ?? '');
    expect(applied).toEqual(after);
  });
});
