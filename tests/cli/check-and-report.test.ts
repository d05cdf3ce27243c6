import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Ajv } from 'ajv';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { article, createFixtureSite, ROOT, runCli, snapshotTree } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const validateReport = new Ajv().compile(
  JSON.parse(readFileSync(path.join(ROOT, 'tests/report/build-report.schema.json'), 'utf8')),
);
const CONFIG = 'title: Warta Uji\nbaseUrl: https://uji.example/\nlocale: id-ID\ntimeZone: Asia/Jakarta\n';
const NOW = ['--now', '2026-11-20T12:00:00+07:00'];
/** An 800 × 600 image: too narrow for large previews. */
let narrowPng: Buffer;
beforeAll(async () => {
  narrowPng = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#4a7' } })
    .png()
    .toBuffer();
});

const sites: string[] = [];
afterEach(() => {
  for (const dir of sites.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function site(files: Record<string, string | Uint8Array>): string {
  const dir = createFixtureSite({ 'newsgen.config.yaml': CONFIG, ...files });
  sites.push(dir);
  return dir;
}
const clean = (fields: Record<string, string> = {}) =>
  article({ date: '2026-11-20 09:00', summary: 'Ringkasan berita.', ...fields });

function parseReport(stdout: string) {
  const report = JSON.parse(stdout) as { ok: boolean; diagnostics: { ruleId: string; line?: number }[] };
  expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
  return report;
}

describe('newsgen check', () => {
  it('passes a clean site with exit 0 and writes nothing, not even the cache', () => {
    const dir = site({ 'content/ekonomi/a.md': clean() });
    const before = snapshotTree(dir);
    const run = runCli(dir, ['check', ...NOW]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Checked 1 articles');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('reports the same problems right after a build as without one: the cache saves work, not findings', () => {
    const dir = site({ 'content/ekonomi/a.md': clean({ title: `Judul ${'sangat '.repeat(20)}panjang` }) });
    const cold = runCli(dir, ['check', ...NOW]);
    expect(cold.stderr).toContain('news-headline-length');
    expect(runCli(dir, ['build', ...NOW]).code).toBe(0);
    const warm = runCli(dir, ['check', ...NOW]);
    expect(warm.stderr).toContain('news-headline-length');
    expect(warm.stderr).toContain('Checked 1 articles');
  });

  it('checks a site whose output folder newsgen would refuse to replace, since it writes nothing there', () => {
    const dir = site({ 'content/ekonomi/a.md': clean(), 'dist/catatan.txt': 'milik orang lain' });
    expect(runCli(dir, ['build', ...NOW]).code).toBe(2);
    const run = runCli(dir, ['check', ...NOW]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/catatan.txt'), 'utf8')).toBe('milik orang lain');
  });

  it("refuses an output folder in a place no build may replace, with the build's usage error, so CI stops first", async () => {
    const dir = site({ 'content/ekonomi/a.md': clean() });
    for (const out of ['.', 'content', '..', 'content/keluaran']) {
      const built = await runMain(dir, ['build', '--out', out, ...NOW]);
      const checked = await runMain(dir, ['check', '--out', out, ...NOW]);
      expect(built.code).toBe(2);
      expect([checked.code, checked.stderr]).toEqual([2, built.stderr]);
      expect(checked.stderr).toContain('unsafe-out-dir');
    }
    const report = parseReport((await runMain(dir, ['check', '--out', '.', '--json', ...NOW])).stdout);
    expect(report).toMatchObject({ exitCode: 2, diagnostics: [{ ruleId: 'unsafe-out-dir' }] });
  });

  it('reports every news problem at its line as a warning, exit 0, and exit 1 with --strict', () => {
    const dir = site({
      'content/ekonomi/panjang.md': clean({ title: `Judul ${'sangat '.repeat(20)}panjang` }),
      'content/ekonomi/tanpa-ringkasan.md': clean({ title: 'Tanpa Ringkasan', summary: '' }),
      'content/ekonomi/besok.md': clean({ title: 'Terjadwal', date: '2026-11-21 09:00' }),
      'content/ekonomi/salah-tahun.md': clean({ title: 'Tahun Salah Ketik', date: '2062-11-20 09:00' }),
      'content/ekonomi/kembar-1.md': clean({ title: 'Banjir di Kota' }),
      'content/ekonomi/kembar-2.md': clean({ title: 'Banjir di kota', date: '2026-11-20 10:00' }),
      'content/ekonomi/gambar.md': clean({ title: 'Bergambar', image: '/images/kecil.png' }),
      'static/images/kecil.png': narrowPng,
    });
    const run = runCli(dir, ['check', ...NOW]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/content\/ekonomi\/panjang\.md:2:8 +warning .*news-headline-length/);
    expect(run.stderr).toMatch(/content\/ekonomi\/tanpa-ringkasan\.md:1:1 +warning .*news-summary-missing/);
    // Scheduled for tomorrow is no problem, only held back; 36 years ahead is a mistyped year.
    expect(run.stderr).toMatch(
      /content\/ekonomi\/salah-tahun\.md:3:7 +warning .*\d+ days in the future \(2062.*news-future-date/,
    );
    expect(run.stderr).not.toMatch(/besok\.md.*news-future-date/);
    expect(run.stderr).toContain('Held back: 2 scheduled articles (the next is dated 2026-11-21T09:00:00+07:00');
    expect(run.stderr).toMatch(/content\/ekonomi\/kembar-2\.md:2:8 +warning .*news-duplicate-title/);
    expect(run.stderr).toMatch(/first defined at content\/ekonomi\/kembar-1\.md:2:8/);
    // The image pipeline reads every local image, so its own check of the width stands for the news check's.
    expect(run.stderr).toMatch(/content\/ekonomi\/gambar\.md:\d+:\d+ +warning .*800 px.*image-small/);
    expect(run.stderr).not.toContain('news-image-width');
    expect(runCli(dir, ['check', '--strict', ...NOW]).code).toBe(1);
  });

  it('exits 1 on content errors, reporting each with its place, news checks included', () => {
    const dir = site({
      'content/ekonomi/a.md': clean({ date: '2026-02-30' }),
      'content/ekonomi/mundur.md': clean({ title: 'Mundur', updated: '2026-11-20 08:00' }),
      'content/ekonomi/c.md': clean({ title: 'Tanpa Ringkasan', summary: '' }),
    });
    const run = runCli(dir, ['check', ...NOW]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/content\/ekonomi\/a\.md:3:7 +error/);
    expect(run.stderr).toMatch(/content\/ekonomi\/mundur\.md:\d+:10 +error .*front-matter-updated/);
    expect(run.stderr).toMatch(/content\/ekonomi\/c\.md:1:1 +warning .*news-summary-missing/);
  });

  it('prints errors only with --quiet, as build does, and the warnings that fail a --strict check', async () => {
    const dir = site({
      'content/ekonomi/a.md': clean({ summary: '' }),
      'content/ekonomi/b.md': clean({ title: 'Lain', date: 'kemarin' }),
    });
    const quiet = await runMain(dir, ['check', '--quiet', ...NOW]);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toContain('front-matter-date');
    expect(quiet.stderr).not.toContain('news-summary-missing');
    rmSync(path.join(dir, 'content/ekonomi/b.md'));
    const clean_ = await runMain(dir, ['check', '--quiet', ...NOW]);
    expect([clean_.code, clean_.stderr]).toEqual([0, '']);
    const strict = await runMain(dir, ['check', '--quiet', '--strict', ...NOW]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('news-summary-missing');
  });

  it('prints one JSON report that matches the schema, and GitHub annotations with --format github', () => {
    const dir = site({ 'content/ekonomi/a.md': clean({ summary: '' }) });
    writeFileSync(path.join(dir, 'content/ekonomi/besok.md'), clean({ title: 'Besok', date: '2026-11-21 09:00' }));
    const report = parseReport(runCli(dir, ['check', '--json', ...NOW]).stdout);
    expect(report).toMatchObject({ ok: true, diagnostics: [{ ruleId: 'news-summary-missing', line: 1 }] });
    expect(report).toMatchObject({ held: { scheduled: 1, next: '2026-11-21T09:00:00+07:00', drafts: 0 } });
    const github = runCli(dir, ['check', '--format', 'github', ...NOW]);
    expect(github.stdout).toBe(
      '::warning file=content/ekonomi/a.md,line=1,col=1,title=news-summary-missing::Missing `summary`, expected one or two sentences for listings, feeds, search results and link previews%0AWithout it, the start of the body stands in, which rarely reads as a summary.\n',
    );
  });
});

describe('newsgen build reports', () => {
  it('prints the change manifest as JSON on stdout, and a failed build as JSON too', () => {
    const dir = site({ 'content/ekonomi/a.md': clean(), 'newsgen.config.yaml': `${CONFIG}perpage: 5\n` });
    const run = runCli(dir, ['build', '--json', ...NOW]);
    expect(run.code, run.stderr).toBe(0);
    expect(parseReport(run.stdout)).toMatchObject({
      ok: true,
      warnings: 1,
      diagnostics: [{ ruleId: 'config-unknown-key', line: 5 }],
    });
    const report = parseReport(run.stdout) as unknown as {
      files: { written: string[] };
      articles: number;
      held?: unknown;
    };
    expect(report.articles).toBe(1);
    expect(report.held).toEqual({ scheduled: 0, drafts: 0 });
    expect(report.files.written).toContain('index.html');
    expect(report.files.written).toContain('ekonomi/a/index.html');
    const broken = site({ 'content/ekonomi/a.md': clean({ date: 'kemarin' }) });
    const failed = runCli(broken, ['build', '--json', ...NOW]);
    expect(failed.code).toBe(1);
    expect(parseReport(failed.stdout)).toMatchObject({ ok: false, diagnostics: [{ ruleId: 'front-matter-date' }] });
  });

  it('fails on an input folder that is not there, as build does', async () => {
    const dir = site({ 'content/ekonomi/a.md': clean() });
    const run = await runMain(dir, ['check', '--static', 'tidak-ada']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--static "tidak-ada"');
  });

  it('prints a usage error as the JSON report too, so a CI step reading stdout gets one', async () => {
    const dir = site({ 'content/ekonomi/a.md': clean() });
    for (const command of ['build', 'check']) {
      const run = await runMain(dir, [command, '--json', '--tidak-ada']);
      expect(run.code).toBe(2);
      expect(parseReport(run.stdout)).toMatchObject({
        ok: false,
        exitCode: 2,
        diagnostics: [{ ruleId: 'usage', message: expect.stringContaining("unknown option '--tidak-ada'") }],
      });
    }
  });

  it('prints a crash as the JSON report and as an annotation too, so CI reading stdout sees the failure', async () => {
    // A folder where the cache's state file should be: the cache cannot be saved, which newsgen does not expect
    // (a cache folder that cannot be kept at all is only warned of, and the build goes on without it).
    const dir = site({ 'content/ekonomi/a.md': clean(), 'node_modules/.cache/newsgen/state.json/x': '' });
    const run = await runMain(dir, ['build', '--json', ...NOW]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('this is a bug');
    expect(parseReport(run.stdout)).toMatchObject({
      ok: false,
      exitCode: 1,
      diagnostics: [{ ruleId: 'internal-error', message: expect.stringContaining('EISDIR') }],
    });
    const github = await runMain(dir, ['build', '--format', 'github', ...NOW]);
    expect(github.stdout).toMatch(/^::error file=\.,title=internal-error::newsgen crashed: .*EISDIR/);
  });

  it('places GitHub annotations by their path from the repository root, for a site in a folder of it', async () => {
    const repository = site({
      'situs/content/ekonomi/a.md': clean({ summary: '' }),
      'situs/newsgen.config.yaml': CONFIG,
    });
    const stdout = new PassThrough();
    const chunks: string[] = [];
    stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const code = await main(['node', 'newsgen', 'check', '--format', 'github', ...NOW], {
      cwd: path.join(repository, 'situs'),
      stdout,
      stderr: new PassThrough(),
      env: { CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: repository },
      now: () => new Date('2026-11-20T05:00:00Z'),
    });
    expect(code).toBe(0);
    expect(chunks.join('')).toMatch(
      /^::warning file=situs\/content\/ekonomi\/a\.md,line=1,col=1,title=news-summary-missing::/,
    );
  });

  it('shows no progress display without a terminal', () => {
    const dir = site({ 'content/ekonomi/a.md': clean() });
    const run = runCli(dir, ['build', ...NOW]);
    expect(run.code).toBe(0);
    // A terminal display would leave carriage returns or cursor escapes behind.
    expect([run.stderr.includes('\r'), run.stderr.includes('\u001b[')]).toEqual([false, false]);
  });
});
