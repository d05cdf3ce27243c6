import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listContentFiles } from '../../src/content/load-content.js';

describe('the content listing and the project boundary (issue 25)', () => {
  let outside: string;
  let root: string;
  let contentDir: string;
  beforeEach(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgen-outside-'));
    fs.writeFileSync(path.join(outside, 'catatan.md'), '---\ntitle: Pribadi\n---\n');
    root = path.join(outside, 'situs');
    contentDir = path.join(root, 'content');
    fs.mkdirSync(path.join(contentDir, 'ekonomi'), { recursive: true });
    fs.mkdirSync(path.join(root, 'arsip'));
    fs.writeFileSync(path.join(contentDir, 'ekonomi', 'a.md'), 'a');
    fs.writeFileSync(path.join(root, 'arsip', 'lama.md'), 'lama');
  });
  afterEach(() => fs.rmSync(outside, { recursive: true, force: true }));
  const link = (target: string, name: string) => fs.symlinkSync(target, path.join(contentDir, 'ekonomi', name));

  it('lists links to files inside the site, and never reads links that leave it or lead to devices', () => {
    link(path.join(root, 'arsip', 'lama.md'), 'lama.md');
    link(path.join(outside, 'catatan.md'), 'catatan.md');
    link('/dev/zero', 'nol.md');
    link(path.join(root, 'arsip'), 'arsip.md');
    link(path.join(root, 'hilang.md'), 'putus.md');
    const listing = listContentFiles(contentDir, root);
    expect(listing.files.sort()).toEqual(['ekonomi/a.md', 'ekonomi/lama.md']);
    expect(
      listing.refused.map((entry) => [path.basename(entry.path), entry.reason.replace(/ \(.*\)$/, '')]).sort(),
    ).toEqual([
      ['arsip.md', 'is a symlink to a folder, which is not followed'],
      ['catatan.md', 'points outside the site'],
      ['nol.md', 'points outside the site'],
      ['putus.md', 'is a broken symlink'],
    ]);
  });

  it('never lists a FIFO, whatever its name', () => {
    expect(spawnSync('mkfifo', [path.join(contentDir, 'ekonomi', 'pipa.md')]).status).toBe(0);
    expect(listContentFiles(contentDir, root).files).toEqual(['ekonomi/a.md']);
  });

  it('takes the content folder itself as inside, when it lies elsewhere', () => {
    link(path.join(contentDir, 'ekonomi', 'a.md'), 'salinan.md');
    expect(listContentFiles(contentDir, path.join(outside, 'lain')).files.sort()).toEqual([
      'ekonomi/a.md',
      'ekonomi/salinan.md',
    ]);
  });
});
