import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { article } from '../helpers/fixture-site.js';
import { runMain } from './run-main.js';

/** The rule ids of a `--json` report's diagnostics, sorted. */
function ruleIds(stdout: string): string[] {
  const report = JSON.parse(stdout) as { diagnostics: { ruleId: string }[] };
  return report.diagnostics.map((diagnostic) => diagnostic.ruleId).sort();
}

describe("issue 25's warnings in a build's output", { timeout: 60_000 }, () => {
  let root: string;
  let dir: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgen-warnings-'));
    dir = path.join(root, 'situs');
    fs.mkdirSync(path.join(dir, 'content', 'ekonomi'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'static'), { recursive: true });
    fs.writeFileSync(path.join(root, 'rahasia.txt'), 'di luar situs\n');
    fs.symlinkSync(path.join(root, 'rahasia.txt'), path.join(dir, 'static', 'rahasia.txt'));
    const write = (name: string, fields: Record<string, string>) =>
      fs.writeFileSync(path.join(dir, 'content', 'ekonomi', name), article(fields));
    write('kopi.md', { title: 'Harga kopi\u0007 naik', tags: '[José]', date: '2026-11-18 10:00' });
    write('teh.md', { title: 'Harga teh turun', tags: '[Jose]', date: '2026-11-19 10:00' });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('are printed and listed in --json, on a first build and on an incremental one, and the marker stays', async () => {
    const first = await runMain(dir, ['build', '--json', '--concurrency', '0']);
    expect(first.code, first.stderr).toBe(0);
    expect(ruleIds(first.stdout)).toEqual(['control-character', 'outside-project', 'term-slug-collision']);
    expect(fs.existsSync(path.join(dir, 'dist', 'rahasia.txt'))).toBe(false);

    // An edit to one article: written incrementally, from the cache for the other file.
    fs.appendFileSync(path.join(dir, 'content', 'ekonomi', 'teh.md'), 'Paragraf baru.\n');
    const second = await runMain(dir, ['build', '--concurrency', '0']);
    expect(second.code, second.stderr).toBe(0);
    for (const rule of ['control-character', 'outside-project', 'term-slug-collision'])
      expect(second.stderr).toContain(rule);
    expect(second.stderr).toMatch(/static\/rahasia\.txt.*left out: it points outside the site/);
    expect(fs.readFileSync(path.join(dir, 'dist', 'ekonomi', 'teh', 'index.html'), 'utf8')).toContain('Paragraf baru.');
    expect(fs.existsSync(path.join(dir, 'dist', '.newsgen-output'))).toBe(true);
  });
});
