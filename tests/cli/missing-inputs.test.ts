import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { article } from '../helpers/fixture-site.js';
import { runMain } from './run-main.js';

/** A stack frame as Node prints it: a user must never see one for their own mistake. */
const STACK_FRAME = /\n\s+at .*:\d+:\d+/;

describe('newsgen build with an input folder that is missing or not a folder (issue 25)', { timeout: 30_000 }, () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgen-inputs-'));
    fs.mkdirSync(path.join(dir, 'content', 'ekonomi'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'content', 'ekonomi', 'a.md'), article());
    fs.writeFileSync(path.join(dir, 'catatan.txt'), 'bukan folder');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const build = (...args: string[]) => runMain(dir, ['build', '--no-cache', '--concurrency', '0', ...args]);

  it('refuses a mistyped --content, names the flag and leaves the previous site in place', async () => {
    expect((await build()).code).toBe(0);
    const before = fs.readdirSync(path.join(dir, 'dist')).sort();
    const run = await build('--content', 'contnet');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--content "contnet": it does not exist/);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(fs.readdirSync(path.join(dir, 'dist')).sort()).toEqual(before);
  });

  for (const flag of ['--content', '--static', '--templates']) {
    it(`refuses ${flag} naming a file where a folder is expected, without a stack trace`, async () => {
      const run = await build(flag, 'catatan.txt');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${flag} "catatan.txt": it is a file, not a folder`);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
    });
  }

  it('refuses --static naming a folder that does not exist', async () => {
    const run = await build('--static', 'tidak-ada');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--static "tidak-ada": it does not exist');
  });

  it('refuses --templates naming a folder that does not exist', async () => {
    const run = await build('--templates', 'tidak-ada');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Templates folder not found: tidak-ada (--templates)');
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('reports a config key naming a missing folder at the key, exit 1', async () => {
    fs.writeFileSync(path.join(dir, 'newsgen.config.json'), '{\n  "title": "Uji",\n  "static": "statik"\n}\n');
    const run = await build();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/newsgen\.config\.json:3:\d+ .*static folder "statik": it does not exist/);
  });

  it('refuses to build when the default content folder is missing, instead of publishing an empty site', async () => {
    fs.rmSync(path.join(dir, 'content'), { recursive: true });
    const run = await build();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/No content folder/);
    expect(run.stderr).toContain('--content');
  });

  it('names the site when run in a folder below it (content/ekonomi), and the missing folder once', async () => {
    fs.writeFileSync(path.join(dir, 'newsgen.config.yaml'), 'title: Warta\n');
    const run = await runMain(path.join(dir, 'content', 'ekonomi'), ['build']);
    expect(run.code).toBe(1);
    const missing = path.join(dir, 'content', 'ekonomi', 'content');
    expect(run.stderr).toContain(`No content folder: ${missing} does not exist  missing-input`);
    expect(run.stderr).toContain(`Run newsgen in the site's folder, ${dir} (the nearest folder above`);
    expect(fs.existsSync(path.join(dir, 'content', 'ekonomi', 'dist'))).toBe(false);
  });

  it('refuses --config naming a folder, without a stack trace', async () => {
    fs.mkdirSync(path.join(dir, 'config'));
    const run = await build('--config', 'config');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--config config: it is a folder, not a config file/);
    expect(run.stderr).not.toMatch(/crashed|STACK/);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('refuses a folder in the place of the default config file', async () => {
    fs.mkdirSync(path.join(dir, 'newsgen.config.json'));
    const run = await build();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/newsgen\.config\.json: it is a folder/);
  });
});
