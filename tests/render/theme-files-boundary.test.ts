import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { THEME_DIR } from '../../src/config/resolve-config.js';
import { readThemeFiles } from '../../src/render/read-theme-files.js';

describe('site templates and the project boundary (issue 25)', () => {
  let outside: string;
  let root: string;
  let templatesDir: string;
  beforeEach(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgen-outside-'));
    root = path.join(outside, 'situs');
    templatesDir = path.join(root, 'templates');
    fs.mkdirSync(path.join(templatesDir, 'partials'), { recursive: true });
    fs.mkdirSync(path.join(root, 'bersama'));
    fs.writeFileSync(path.join(root, 'bersama', 'kaki.hbs'), '<footer>bersama</footer>');
    fs.writeFileSync(path.join(outside, 'rahasia.hbs'), '{{! not for the site }}');
  });
  afterEach(() => fs.rmSync(outside, { recursive: true, force: true }));

  it('reads linked templates inside the site and leaves out, with reasons, links that leave it and special files', async () => {
    fs.symlinkSync(path.join(root, 'bersama', 'kaki.hbs'), path.join(templatesDir, 'partials', 'kaki.hbs'));
    fs.symlinkSync(path.join(outside, 'rahasia.hbs'), path.join(templatesDir, 'partials', 'rahasia.hbs'));
    expect(spawnSync('mkfifo', [path.join(templatesDir, 'partials', 'pipa.hbs')]).status).toBe(0);
    const files = await readThemeFiles(THEME_DIR, templatesDir, root);
    expect(files.templates.find((template) => template.name === 'partials/kaki')?.source).toBe(
      '<footer>bersama</footer>',
    );
    expect(files.templates.some((template) => template.name === 'partials/rahasia')).toBe(false);
    expect(files.refused?.map((entry) => [path.basename(entry.path), entry.reason.replace(/ \(.*\)/, '')])).toEqual([
      ['pipa.hbs', 'is a FIFO, which a build never reads'],
      ['rahasia.hbs', 'points outside the site'],
    ]);
  });
});
