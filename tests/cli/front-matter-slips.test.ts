import { describe, expect, it } from 'vitest';
import { article, createFixtureSite } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const NOW = ['--now', '2026-11-20T12:00:00+07:00'];
const CONFIG = JSON.stringify({ title: 'Warta Uji', baseUrl: 'https://uji.example/', timeZone: 'Asia/Jakarta' });

/** The `file:line:col  severity  …  code` lines of a run with `code`. */
function linesWith(stderr: string, code: string): string[] {
  return stderr.split('\n').filter((line) => line.endsWith(code));
}

describe('front matter that YAML reads otherwise than the editor meant', () => {
  it('warns at each # that cut a plain value short, in one run, and again when the build is up to date', async () => {
    const site = createFixtureSite({
      'newsgen.config.json': CONFIG,
      'content/kota/satu.md': article({ title: 'Nomor #1 di kota', date: '2026-11-19 09:00' }),
      'content/ekonomi/dua.md': article({
        title: 'Harga naik',
        date: '2026-11-18 09:00',
        tags: '\n  - Pangan #inflasi\n  - Pasar',
        summary: 'Harga naik 10% #inflasi hari ini',
      }),
      // Deliberate comments pass.
      'content/ekonomi/tiga.md': article({ title: '"Nomor #3" # catatan', date: '2026-11-17 09:00' }),
    });
    const first = await runMain(site, ['build', ...NOW]);
    expect(first.code, first.stderr).toBe(0);
    const warned = linesWith(first.stderr, 'front-matter-comment');
    expect(warned).toEqual([
      expect.stringMatching(/^content\/ekonomi\/dua\.md:6:12\s+warning\s+Unexpected comment after the value "Pangan"/),
      expect.stringMatching(/^content\/ekonomi\/dua\.md:8:25\s+warning\s+.*"#inflasi hari ini" was dropped/),
      expect.stringMatching(/^content\/kota\/satu\.md:2:14\s+warning\s+.*"#1 di kota" was dropped from it/),
    ]);
    expect(first.stderr).toContain('hint: Quote the value to keep the text: `title: "Nomor #1 di kota"`');

    const again = await runMain(site, ['build', ...NOW]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout + again.stderr).toContain('Up to date');
    expect(linesWith(again.stderr, 'front-matter-comment')).toEqual(warned);
  });

  it('refuses list items written without the space after their dash, at the first of them', async () => {
    const site = createFixtureSite({
      'newsgen.config.json': CONFIG,
      'content/kota/banjir.md': article({ date: '2026-11-19 09:00', tags: '\n  -banjir\n  -semarang' }),
    });
    const built = await runMain(site, ['build', ...NOW]);
    expect(built.code).toBe(1);
    expect(linesWith(built.stderr, 'front-matter-tags')).toEqual([
      expect.stringMatching(
        /^content\/kota\/banjir\.md:6:3\s+error\s+Unexpected "-banjir -semarang" for `tags`, expected a list/,
      ),
    ]);
    expect(built.stderr).toContain('hint: Write a space after each dash, one item per line: `- banjir`, `- semarang`.');
  });
});
