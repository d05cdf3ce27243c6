import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkOutDir } from '../../src/output/check-out-dir.js';

const PROTECTED = ['content', 'templates', 'static'];

describe('checkOutDir', () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgen-outdir-'));
    for (const dir of PROTECTED) fs.mkdirSync(path.join(root, dir));
    fs.writeFileSync(path.join(root, 'content', 'a.md'), 'keep me');
  });

  afterEach(() => {
    vi.restoreAllMocks();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const check = (outDir: string): void => checkOutDir({ root, outDir, protectedDirs: PROTECTED });
  const unsafe = expect.objectContaining({ code: 'unsafe-out-dir', exitCode: 2 });

  it('accepts a sibling folder such as dist, whether or not it exists yet', () => {
    expect(() => check('dist')).not.toThrow();
    fs.mkdirSync(path.join(root, 'dist'));
    expect(() => check(path.join(root, 'dist'))).not.toThrow();
  });

  it('accepts a folder outside the site', () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgen-elsewhere-'));
    try {
      expect(() => check(path.join(elsewhere, 'public'))).not.toThrow();
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('refuses the working directory itself', () => {
    expect(() => check('.')).toThrow(unsafe);
    expect(() => check(root)).toThrow(/working directory/);
  });

  it('refuses a parent of the working directory', () => {
    expect(() => check('..')).toThrow(unsafe);
    expect(() => check(path.dirname(root))).toThrow(/contains the working directory/);
  });

  it('refuses the root of the file system', () => {
    expect(() => check(path.parse(root).root)).toThrow(/root of the file system/);
  });

  it('refuses the content folder and names it', () => {
    expect(() => check('content')).toThrow(unsafe);
    expect(() => check('content')).toThrow(/content/);
  });

  it('refuses a folder that contains a protected folder', () => {
    fs.mkdirSync(path.join(root, 'site', 'content'), { recursive: true });
    expect(() => checkOutDir({ root, outDir: 'site', protectedDirs: ['site/content'] })).toThrow(
      /contains site\/content/,
    );
  });

  it('refuses a folder inside a protected folder, which the next build would read back', () => {
    expect(() => check('static/build')).toThrow(/inside static/);
  });

  it('refuses a symlink that points at the working directory', () => {
    const link = path.join(os.tmpdir(), `newsgen-link-${path.basename(root)}`);
    fs.symlinkSync(root, link, 'dir');
    try {
      expect(() => check(link)).toThrow(/working directory/);
      expect(() => check(path.join(link, 'content'))).toThrow(unsafe);
    } finally {
      fs.unlinkSync(link);
    }
  });

  it('refuses a symlink inside the site that points at the content folder', () => {
    fs.symlinkSync(path.join(root, 'content'), path.join(root, 'dist'), 'dir');
    expect(() => check('dist')).toThrow(/content/);
  });

  it('refuses the home folder and anything containing it', () => {
    const home = path.join(root, 'home', 'reporter');
    fs.mkdirSync(home, { recursive: true });
    vi.spyOn(os, 'homedir').mockReturnValue(home);
    expect(() => check(home)).toThrow(/home folder/);
    expect(() => check(path.dirname(home))).toThrow(/home folder/);
  });

  it('refuses a path that is an existing file', () => {
    fs.writeFileSync(path.join(root, 'dist'), 'not a folder');
    expect(() => check('dist')).toThrow(/not a folder/);
  });

  it('gives a hint and deletes nothing', () => {
    expect(() => check('content')).toThrow(
      expect.objectContaining({ hint: expect.stringContaining('`out` config key') }),
    );
    expect(fs.readFileSync(path.join(root, 'content', 'a.md'), 'utf8')).toBe('keep me');
  });
});
