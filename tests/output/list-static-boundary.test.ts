import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listStaticFolder } from '../../src/output/list-static-files.js';

describe('the static walk and the project boundary (issue 25)', () => {
  let outside: string;
  let root: string;
  let staticDir: string;
  beforeEach(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgen-outside-'));
    fs.writeFileSync(path.join(outside, 'rahasia.txt'), 'not for the site');
    root = path.join(outside, 'situs');
    staticDir = path.join(root, 'static');
    fs.mkdirSync(path.join(root, 'aset'), { recursive: true });
    fs.mkdirSync(path.join(staticDir, 'gambar'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'gambar', 'a.png'), 'a');
    fs.writeFileSync(path.join(root, 'aset', 'logo.svg'), '<svg/>');
  });
  afterEach(() => fs.rmSync(outside, { recursive: true, force: true }));
  const link = (target: string, name: string) => fs.symlinkSync(target, path.join(staticDir, name));

  it('copies links that stay inside the site and leaves out, with reasons, links that leave it', async () => {
    link(path.join(root, 'aset', 'logo.svg'), 'logo.svg');
    link(path.join(root, 'aset'), 'aset');
    link(path.join(outside, 'rahasia.txt'), 'rahasia.txt');
    link('/', 'akar');
    link('/dev/zero', 'nol.bin');
    link(path.join(staticDir, 'tidak-ada'), 'putus.txt');
    link(staticDir, 'putaran');
    const folder = await listStaticFolder(staticDir, root);
    expect(folder.files.map((file) => file.path)).toEqual(['aset/logo.svg', 'gambar/a.png', 'logo.svg']);
    expect(folder.refused.map((entry) => [path.basename(entry.path), entry.reason])).toEqual([
      ['akar', 'points outside the site (/)'],
      ['nol.bin', 'points outside the site (/dev/zero)'],
      ['putus.txt', 'is a broken symlink'],
      ['rahasia.txt', `points outside the site (${fs.realpathSync(path.join(outside, 'rahasia.txt'))})`],
    ]);
  });

  it('never reads a FIFO or a device, even one inside the site', async () => {
    expect(spawnSync('mkfifo', [path.join(staticDir, 'pipa')]).status).toBe(0);
    fs.symlinkSync(path.join(staticDir, 'pipa'), path.join(staticDir, 'ke-pipa'));
    const folder = await listStaticFolder(staticDir, outside);
    expect(folder.files.map((file) => file.path)).toEqual(['gambar/a.png']);
    expect(folder.refused.map((entry) => [path.basename(entry.path), entry.reason.replace(/ \(.*\)/, '')])).toEqual([
      ['ke-pipa', 'points at a FIFO, which a build never reads'],
      ['pipa', 'is a FIFO, which a build never reads'],
    ]);
  });
});
