import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeChecked } from '../../src/cache/checked-files.js';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const NOW = ['--now', '2026-11-20T12:00:00+07:00'];
const CONFIG = JSON.stringify({ title: 'Warta Uji', baseUrl: 'https://uji.example/', timeZone: 'Asia/Jakarta' });

/** The warning lines a run printed (`file:line:col  warning  …`). */
function warningLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => /\bwarning\b/.test(line) && /:\d+:\d+/.test(line));
}

describe('a build that finds nothing changed', () => {
  it('reports the warnings of the build that wrote the output, and builds again when they are lost', async () => {
    const site = createFixtureSite({
      'newsgen.config.json': CONFIG,
      // A typo'd key (content warning) and a broken link (site model warning).
      'content/ekonomi/satu.md': article({ titel: 'x', date: '2026-11-19 09:00' }, 'Lihat [berita](/tidak/ada/).\n'),
      'content/ekonomi/dua.md': article({ title: 'Dua', date: '2026-11-18 09:00' }),
    });
    const first = await runMain(site, ['build', ...NOW]);
    expect(first.code, first.stderr).toBe(0);
    const warned = warningLines(first.stderr);
    expect(warned.some((line) => line.includes('titel'))).toBe(true);
    expect(warned.some((line) => line.includes('/tidak/ada/'))).toBe(true);
    const output = snapshotTree(path.join(site, 'dist'));

    const again = await runMain(site, ['build', ...NOW]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout + again.stderr).toContain('Up to date');
    expect(warningLines(again.stderr)).toEqual(warned);
    const report = await runMain(site, ['build', '--json', ...NOW]);
    const json = JSON.parse(report.stdout) as { upToDate?: boolean; diagnostics: { ruleId: string }[] };
    expect(json.diagnostics.map((found) => found.ruleId).sort()).toEqual(['front-matter-unknown-key', 'link-broken']);

    // A cache that kept its state but lost the warnings beside it: the build runs its stages to find them again.
    const cacheDir = path.join(site, 'node_modules', '.cache', 'newsgen');
    expect(existsSync(path.join(cacheDir, 'warnings.json'))).toBe(true);
    rmSync(path.join(cacheDir, 'warnings.json'));
    const lost = await runMain(site, ['build', ...NOW]);
    expect(lost.stdout + lost.stderr).not.toContain('Up to date');
    expect(warningLines(lost.stderr)).toEqual(warned);
    expect(snapshotTree(path.join(site, 'dist'))).toEqual(output);

    // Fixed: the warnings are gone, and stay gone on the next up-to-date build.
    const file = path.join(site, 'content/ekonomi/satu.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('titel: x\n', '').replace('[berita](/tidak/ada/)', 'berita'),
    );
    const fixed = await runMain(site, ['build', ...NOW]);
    expect(warningLines(fixed.stderr)).toEqual([]);
    const quiet = await runMain(site, ['build', ...NOW]);
    expect(quiet.stdout + quiet.stderr).toContain('Up to date');
    expect(warningLines(quiet.stderr)).toEqual([]);
  });

  it('builds again, without a stack trace, when warnings.json holds what no build reports', async () => {
    const site = createFixtureSite({
      'newsgen.config.json': CONFIG,
      'content/ekonomi/satu.md': article({ titel: 'x', date: '2026-11-19 09:00' }),
    });
    const first = await runMain(site, ['build', ...NOW]);
    const warned = warningLines(first.stderr);
    const file = path.join(site, 'node_modules', '.cache', 'newsgen', 'warnings.json');
    const text = readFileSync(file, 'utf8');
    const key = text.slice(0, text.indexOf('\n')).split(' ')[1] ?? '';
    const { hash } = JSON.parse(text.slice(text.indexOf('\n') + 1)) as { hash: string };
    // Written as newsgen writes it (a checksum is no signature): what the next build would print.
    const tampered = [
      [null],
      [{ file: 5, reason: 'r', ruleId: 'x', severity: 'warning' }],
      [{ file: 'a.md', reason: 'r', ruleId: 'x', severity: 'error' }],
      [{ file: 'a.md', reason: 'r', ruleId: 'x', severity: 'warning', place: { line: '\u001b[2J', column: 1 } }],
    ];
    for (const warnings of tampered) {
      await writeChecked(file, key, { hash, warnings });
      const again = await runMain(site, ['build', ...NOW]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout + again.stderr).not.toContain('Up to date');
      expect(warningLines(again.stderr)).toEqual(warned);
    }
  });
});
