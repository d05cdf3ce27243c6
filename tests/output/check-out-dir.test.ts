import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkOutDir, checkOutDirPlace } from '../../src/output/check-out-dir.js';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from '../../src/output/output-marker.js';

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

  it('refuses a path below a file with a usage error, not a crash (`--out README.md/site`)', () => {
    fs.writeFileSync(path.join(root, 'README.md'), '# Warta');
    expect(() => check('README.md/site')).toThrow(unsafe);
    expect(() => check('README.md/site')).toThrow(/a part of its path is a file/);
    expect(() => checkOutDirPlace({ root, outDir: 'README.md/site', protectedDirs: PROTECTED })).toThrow(unsafe);
  });

  describe('ownership (issue 25: --out deleted whatever folder it was given)', () => {
    const refusal = (pattern: RegExp) =>
      expect.objectContaining({
        code: 'unsafe-out-dir',
        exitCode: 2,
        message: expect.stringMatching(pattern),
        hint: expect.stringContaining('--force-out'),
      });
    const fill = (dir: string, files: Record<string, string>) => {
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, dir, file)), { recursive: true });
        fs.writeFileSync(path.join(root, dir, file), text);
      }
    };

    it('accepts an empty folder and one marked by an earlier build', () => {
      fs.mkdirSync(path.join(root, 'public'));
      expect(() => check('public')).not.toThrow();
      fill('dist', { 'index.html': 'old', [OUTPUT_MARKER]: OUTPUT_MARKER_TEXT });
      expect(() => check('dist')).not.toThrow();
    });

    it('refuses a folder of unrelated files, naming some of them, even with no other problem', () => {
      fill('Documents', { 'a.txt': '1', 'b.txt': '2', 'c.txt': '3', 'photos/d.jpg': '4' });
      expect(() => check('Documents')).toThrow(refusal(/did not write \(a\.txt, b\.txt, c\.txt and 1 more\)/));
      expect(fs.readFileSync(path.join(root, 'Documents', 'a.txt'), 'utf8')).toBe('1');
    });

    it('refuses a folder holding a single dotfile', () => {
      fill('dist', { '.DS_Store': 'x' });
      expect(() => check('dist')).toThrow(refusal(/\.DS_Store/));
    });

    it('refuses a folder containing a .git folder, even when an earlier build marked it', () => {
      fill('site', { '.git/HEAD': 'ref: refs/heads/main', 'index.html': 'x' });
      expect(() => check('site')).toThrow(refusal(/git repository/));
      fill('site', { [OUTPUT_MARKER]: OUTPUT_MARKER_TEXT });
      expect(() => check('site')).toThrow(refusal(/git repository/));
    });

    it('refuses a marker that is a folder rather than the file a build writes', () => {
      fill('dist', { [`${OUTPUT_MARKER}/x`]: 'x' });
      expect(() => check('dist')).toThrow(refusal(/did not write/));
    });

    it('refuses a .git folder and any folder inside one, with or without --force-out', () => {
      fill('.git', { HEAD: 'ref: refs/heads/main' });
      for (const force of [false, true]) {
        expect(() => checkOutDir({ root, outDir: '.git', protectedDirs: PROTECTED, force })).toThrow(/\.git folder/);
        expect(() => checkOutDir({ root, outDir: '.git/site', protectedDirs: PROTECTED, force })).toThrow(
          /\.git folder/,
        );
      }
      expect(fs.readFileSync(path.join(root, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main');
    });

    it('with force accepts a folder of foreign files or a repository, but never the places always refused', () => {
      fill('Documents', { 'a.txt': '1', '.git/HEAD': 'x' });
      expect(() => checkOutDir({ root, outDir: 'Documents', protectedDirs: PROTECTED, force: true })).not.toThrow();
      expect(() => checkOutDir({ root, outDir: '.', protectedDirs: PROTECTED, force: true })).toThrow(
        /working directory/,
      );
      expect(() => checkOutDir({ root, outDir: 'content', protectedDirs: PROTECTED, force: true })).toThrow(
        /reads from/,
      );
    });

    it('checks only the place for `check`, which writes nothing there: foreign files pass, the places never do', () => {
      fill('Documents', { 'a.txt': '1', '.git/HEAD': 'x' });
      const place = (outDir: string) => () => checkOutDirPlace({ root, outDir, protectedDirs: PROTECTED });
      expect(place('Documents')).not.toThrow();
      for (const outDir of ['.', '..', 'content', 'content/out', '.git'])
        expect(place(outDir), outDir).toThrow(expect.objectContaining({ code: 'unsafe-out-dir', exitCode: 2 }));
    });
  });

  it('gives a hint and deletes nothing', () => {
    expect(() => check('content')).toThrow(
      expect.objectContaining({ hint: expect.stringContaining('`out` config key') }),
    );
    expect(fs.readFileSync(path.join(root, 'content', 'a.md'), 'utf8')).toBe('keep me');
  });
});
