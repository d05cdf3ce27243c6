import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, createFixtureSite, runCli, snapshotTree } from '../helpers/fixture-site.js';

const CONFIG = JSON.stringify({
  title: 'Warta Uji',
  baseUrl: 'https://uji.example/',
  locale: 'id-ID',
  timeZone: 'Asia/Jakarta',
});

const DATE = 'date: 2024-01-02T03:04:05+07:00';

/** One file per mistake editors make in front matter, with the place the report should name. */
const BROKEN: Record<string, { readonly lines: readonly string[]; readonly place: string; readonly reason: string }> = {
  'content/berita/kutip-ganda.md': {
    lines: ['title: "Judul tanpa penutup', DATE],
    place: '2:8',
    reason: 'Unexpected `"` that is never closed',
  },
  'content/berita/kutip-tunggal.md': {
    lines: [DATE, "title: 'Judul tanpa penutup"],
    place: '3:8',
    reason: "Unexpected `'` that is never closed",
  },
  'content/berita/daftar.md': { lines: ['title: A', 'tags: [a, b', DATE], place: '3:7', reason: 'Unexpected `[`' },
  'content/berita/peta.md': {
    lines: ['title: A', 'image: {src: /a.jpg, alt: b', DATE],
    place: '3:8',
    reason: 'Unexpected `{`',
  },
  'content/berita/tab.md': {
    lines: ['title: A', 'image:', '\tsrc: /a.jpg', DATE],
    place: '4:1',
    reason: 'Unexpected tab',
  },
  'content/berita/titik-dua.md': {
    lines: ['title: Banjir: warga mengungsi', DATE],
    place: '2:14',
    reason: 'Unexpected `:` inside the value of `title`',
  },
  'content/berita/menjorok.md': {
    lines: ['title: A', ' date: 2024-01-02'],
    place: '3:2',
    reason: 'Unexpected indentation before `date`',
  },
  'content/berita/at.md': { lines: ['title: @warta melapor', DATE], place: '2:8', reason: 'Unexpected "@"' },
  'content/berita/backtick.md': { lines: ['title: `kode` baru', DATE], place: '2:8', reason: 'Unexpected "`"' },
  'content/berita/ganda.md': {
    lines: ['title: A', DATE, 'title: B'],
    place: '4:1',
    reason: 'Unexpected second `title`',
  },
};

describe('newsgen build with YAML mistakes in front matter', () => {
  it('reports every broken file in one run at the place of the mistake, exits 1 and keeps the old dist', () => {
    const dir = createFixtureSite({ 'newsgen.config.json': CONFIG, 'content/berita/baik.md': article() });
    const first = runCli(dir, ['build']);
    expect(first.code, first.stderr).toBe(0);
    const before = snapshotTree(path.join(dir, 'dist'));
    for (const [file, { lines }] of Object.entries(BROKEN))
      writeFileSync(path.join(dir, file), ['---', ...lines, '---', '', 'Isi.', ''].join('\n'));
    const run = runCli(dir, ['build']);
    expect(run.code, run.stderr).toBe(1);
    for (const [file, { place, reason }] of Object.entries(BROKEN)) {
      const line = run.stderr.split('\n').find((printed) => printed.startsWith(`${file}:`));
      expect(line, run.stderr).toMatch(new RegExp(`^${file}:${place} +error +`));
      expect(line).toContain(reason);
      expect(line).toContain('front-matter-yaml');
    }
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
  }, 30_000);
});
