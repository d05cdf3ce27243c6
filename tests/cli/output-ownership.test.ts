import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OUTPUT_MARKER } from '../../src/output/output-marker.js';
import { article } from '../helpers/fixture-site.js';
import { runMain } from './run-main.js';

describe('newsgen build --out on a folder it does not own (issue 25)', { timeout: 30_000 }, () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgen-ownership-'));
    fs.mkdirSync(path.join(dir, 'content', 'ekonomi'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'content', 'ekonomi', 'a.md'), article());
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const build = (...args: string[]) => runMain(dir, ['build', '--no-cache', '--concurrency', '0', ...args]);

  it('refuses --out .git with exit 2 and leaves the repository as it was', async () => {
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const run = await build('--out', '.git');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.git folder/);
    expect(fs.readdirSync(path.join(dir, '.git'))).toEqual(['HEAD']);
  });

  it('refuses a folder of unrelated files, says how to proceed, and builds into it only with --force-out', async () => {
    fs.mkdirSync(path.join(dir, 'Documents'));
    fs.writeFileSync(path.join(dir, 'Documents', 'tesis.docx'), 'bab 1');
    const refused = await build('--out', 'Documents');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('tesis.docx');
    expect(refused.stderr).toContain('--force-out');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(path.join(dir, 'Documents'))).toEqual(['tesis.docx']);
    const forced = await build('--out', 'Documents', '--force-out');
    expect(forced.code, forced.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'Documents', 'tesis.docx'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'Documents', OUTPUT_MARKER))).toBe(true);
  });

  it('refuses an output folder that holds a git checkout, such as a gh-pages worktree', async () => {
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.writeFileSync(path.join(dir, 'dist', '.git'), 'gitdir: ../.git/worktrees/dist\n');
    const run = await build();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/git repository/);
    expect(fs.readdirSync(path.join(dir, 'dist'))).toEqual(['.git']);
  });

  it('takes over the output of a newsgen from before the marker, so an upgrade does not fail in CI', async () => {
    expect((await build()).code).toBe(0);
    fs.rmSync(path.join(dir, 'dist', OUTPUT_MARKER));
    expect(fs.readFileSync(path.join(dir, 'dist', 'feed.xml'), 'utf8')).toContain('<generator>newsgen</generator>');
    const run = await build();
    expect(run.code, run.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'dist', OUTPUT_MARKER))).toBe(true);
    // A feed another generator wrote is no sign of newsgen's output.
    fs.rmSync(path.join(dir, 'dist', OUTPUT_MARKER));
    fs.writeFileSync(path.join(dir, 'dist', 'feed.xml'), '<rss><channel><generator>Hugo</generator></channel></rss>');
    expect((await build()).code).toBe(2);
  });

  it('rebuilds its own output again and again without being asked to force', async () => {
    expect((await build()).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'content', 'ekonomi', 'b.md'), article({ title: 'Kedua' }));
    const again = await build();
    expect(again.code, again.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'dist', 'ekonomi', 'b', 'index.html'))).toBe(true);
  });
});
