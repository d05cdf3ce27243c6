import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashBytes } from '../../src/hash/hash-bytes.js';
import type { OutputFile } from '../../src/output/output-file.js';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from '../../src/output/output-marker.js';
import { writeOutput } from '../../src/output/write-output.js';

/** The files of an output folder and their text, its marker left out. */
function readTree(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === OUTPUT_MARKER) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    tree[path.relative(dir, absolute).split(path.sep).join('/')] = fs.readFileSync(absolute, 'utf8');
  }
  return tree;
}

function writeTree(dir: string, tree: Record<string, string>): void {
  for (const [relPath, text] of Object.entries(tree)) {
    const target = path.join(dir, ...relPath.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
}

const PAST = new Date('2021-03-04T05:06:07.000Z');

describe('writeOutput', () => {
  let root: string;
  let outDir: string;
  let staticDir: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgen-write-'));
    outDir = path.join(root, 'dist');
    staticDir = path.join(root, 'static');
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  const siblings = (): string[] => fs.readdirSync(root).filter((name) => name.startsWith('.dist-'));

  it('writes generated files and static files into a fresh output folder', async () => {
    writeTree(staticDir, { 'robots.txt': 'User-agent: *', 'images/logo.svg': '<svg/>' });
    const result = await writeOutput({
      outDir,
      staticDir,
      files: [
        { path: 'index.html', contents: '<h1>Beranda</h1>' },
        { path: 'ekonomi/harga-beras/index.html', contents: 'Harga beras turun — lagi' },
      ],
    });
    expect(readTree(outDir)).toEqual({
      'index.html': '<h1>Beranda</h1>',
      'ekonomi/harga-beras/index.html': 'Harga beras turun — lagi',
      'robots.txt': 'User-agent: *',
      'images/logo.svg': '<svg/>',
    });
    expect(result.written).toBe(4);
    expect([...result.hashes]).toEqual([
      ['index.html', hashBytes('<h1>Beranda</h1>')],
      ['ekonomi/harga-beras/index.html', hashBytes('Harga beras turun — lagi')],
    ]);
    const expectedBytes = ['<h1>Beranda</h1>', 'Harga beras turun — lagi', 'User-agent: *', '<svg/>']
      .map((text) => Buffer.byteLength(text))
      .reduce((a, b) => a + b, 0);
    expect(result.bytes).toBe(expectedBytes);
  });

  it('marks the folder it writes as newsgen output, and refuses a static file of the marker name', async () => {
    await writeOutput({ outDir, staticDir: undefined, files: [{ path: 'index.html', contents: 'x' }] });
    expect(fs.readFileSync(path.join(outDir, OUTPUT_MARKER), 'utf8')).toBe(OUTPUT_MARKER_TEXT);
    writeTree(staticDir, { [OUTPUT_MARKER]: 'mine' });
    await expect(writeOutput({ outDir, staticDir, files: [] })).rejects.toMatchObject({ code: 'output-collision' });
    expect(fs.readFileSync(path.join(outDir, OUTPUT_MARKER), 'utf8')).toBe(OUTPUT_MARKER_TEXT);
  });

  it('writes byte contents exactly as given', async () => {
    const bytes = new Uint8Array([0, 255, 1, 254]);
    await writeOutput({ outDir, staticDir: undefined, files: [{ path: 'data.bin', contents: bytes }] });
    expect(new Uint8Array(fs.readFileSync(path.join(outDir, 'data.bin')))).toEqual(bytes);
  });

  it('replaces the previous output as a whole and leaves no temporary folders', async () => {
    writeTree(outDir, { 'old/index.html': 'stale', 'index.html': 'old home' });
    await writeOutput({ outDir, staticDir: undefined, files: [{ path: 'index.html', contents: 'new home' }] });
    expect(readTree(outDir)).toEqual({ 'index.html': 'new home' });
    expect(siblings()).toEqual([]);
  });

  it('works when the static folder does not exist', async () => {
    await writeOutput({ outDir, staticDir, files: [{ path: 'index.html', contents: 'x' }] });
    expect(readTree(outDir)).toEqual({ 'index.html': 'x' });
  });

  it('takes files from an async iterable', async () => {
    async function* pages(): AsyncGenerator<OutputFile> {
      for (let page = 1; page <= 40; page += 1) yield { path: `page/${page}/index.html`, contents: `halaman ${page}` };
    }
    const result = await writeOutput({ outDir, staticDir: undefined, files: pages(), concurrency: 3 });
    expect(result.written).toBe(40);
    expect([...result.hashes.keys()]).toEqual(Array.from({ length: 40 }, (_, index) => `page/${index + 1}/index.html`));
    expect(result.hashes.get('page/27/index.html')).toBe(hashBytes('halaman 27'));
    expect(fs.readFileSync(path.join(outDir, 'page', '27', 'index.html'), 'utf8')).toBe('halaman 27');
  });

  describe('when something fails midway', () => {
    beforeEach(() => {
      writeTree(outDir, { 'index.html': 'previous home', 'berita/a/index.html': 'previous article' });
    });

    it('keeps the previous output exactly as it was when the file iterator throws', async () => {
      function* pages(): Generator<OutputFile> {
        for (let page = 1; page <= 30; page += 1) {
          if (page === 20) throw new Error('template exploded');
          yield { path: `page/${page}/index.html`, contents: `halaman ${page}` };
        }
      }
      await expect(writeOutput({ outDir, staticDir: undefined, files: pages(), concurrency: 4 })).rejects.toThrow(
        'template exploded',
      );
      expect(readTree(outDir)).toEqual({ 'index.html': 'previous home', 'berita/a/index.html': 'previous article' });
      expect(siblings()).toEqual([]);
    });

    it('keeps the previous output when an async iterator rejects', async () => {
      async function* pages(): AsyncGenerator<OutputFile> {
        yield { path: 'index.html', contents: 'new home' };
        throw new Error('render failed');
      }
      await expect(writeOutput({ outDir, staticDir: undefined, files: pages() })).rejects.toThrow('render failed');
      expect(readTree(outDir)).toEqual({ 'index.html': 'previous home', 'berita/a/index.html': 'previous article' });
      expect(siblings()).toEqual([]);
    });

    it('refuses a static file that collides with a generated one, naming both', async () => {
      writeTree(staticDir, { 'feed.xml': '<static/>' });
      const attempt = writeOutput({ outDir, staticDir, files: [{ path: 'feed.xml', contents: '<rss/>' }] });
      await expect(attempt).rejects.toMatchObject({
        code: 'output-collision',
        message: expect.stringMatching(/static\/feed\.xml.*feed\.xml/),
      });
      expect(readTree(outDir)).toEqual({ 'index.html': 'previous home', 'berita/a/index.html': 'previous article' });
      expect(siblings()).toEqual([]);
    });

    it('refuses a static folder whose name a generated file takes', async () => {
      writeTree(staticDir, { 'img/a.png': 'png' });
      const attempt = writeOutput({ outDir, staticDir, files: [{ path: 'img', contents: 'oops' }] });
      await expect(attempt).rejects.toMatchObject({ code: 'output-collision' });
    });

    it('refuses two generated files with the same path', async () => {
      const attempt = writeOutput({
        outDir,
        staticDir: undefined,
        files: [
          { path: 'a/index.html', contents: 'one' },
          { path: 'a/index.html', contents: 'two' },
        ],
      });
      await expect(attempt).rejects.toMatchObject({
        code: 'duplicate-output',
        message: expect.stringContaining('a/index.html'),
      });
      expect(readTree(outDir)).toEqual({ 'index.html': 'previous home', 'berita/a/index.html': 'previous article' });
    });

    it('refuses a generated file whose path is a folder of another', async () => {
      const attempt = writeOutput({
        outDir,
        staticDir: undefined,
        files: [
          { path: 'a/index.html', contents: 'one' },
          { path: 'a', contents: 'two' },
        ],
      });
      await expect(attempt).rejects.toMatchObject({ code: 'duplicate-output' });
    });

    it.each([['../x'], ['a/../../x'], ['/etc/passwd'], ['a\\b'], ['a\u0000b'], ['C:/x']])(
      'refuses the traversal attempt %j and writes nothing outside',
      async (unsafePath) => {
        const attempt = writeOutput({ outDir, staticDir: undefined, files: [{ path: unsafePath, contents: 'pwned' }] });
        await expect(attempt).rejects.toMatchObject({ code: 'unsafe-output-path' });
        expect(fs.readdirSync(root).sort()).toEqual(['dist']);
        expect(readTree(outDir)).toEqual({ 'index.html': 'previous home', 'berita/a/index.html': 'previous article' });
      },
    );

    it('refuses a static file with an unsafe name', async () => {
      writeTree(staticDir, { 'ok.txt': 'fine' });
      fs.writeFileSync(path.join(staticDir, 'back\\slash.txt'), 'bad');
      const attempt = writeOutput({ outDir, staticDir, files: [] });
      await expect(attempt).rejects.toMatchObject({ code: 'unsafe-output-path' });
      expect(readTree(outDir)).toEqual({ 'index.html': 'previous home', 'berita/a/index.html': 'previous article' });
    });
  });

  describe('modification times', () => {
    it('keeps the previous mtime of generated files whose bytes did not change', async () => {
      writeTree(outDir, { 'same.html': 'tetap', 'changed.html': 'lama', 'resized.html': 'pendek' });
      for (const name of ['same.html', 'changed.html', 'resized.html'])
        fs.utimesSync(path.join(outDir, name), PAST, PAST);
      await writeOutput({
        outDir,
        staticDir: undefined,
        files: [
          { path: 'same.html', contents: 'tetap' },
          { path: 'changed.html', contents: 'baru' },
          { path: 'resized.html', contents: 'jauh lebih panjang' },
        ],
      });
      const mtime = (name: string): number => fs.statSync(path.join(outDir, name)).mtimeMs;
      expect(mtime('same.html')).toBe(PAST.getTime());
      expect(mtime('changed.html')).not.toBe(PAST.getTime());
      expect(mtime('resized.html')).not.toBe(PAST.getTime());
    });

    it('keeps the previous mtime of static files whose bytes did not change', async () => {
      writeTree(staticDir, { 'css/site.css': 'body{}', 'js/app.js': 'run()' });
      writeTree(outDir, { 'css/site.css': 'body{}', 'js/app.js': 'old()' });
      for (const name of ['css/site.css', 'js/app.js']) fs.utimesSync(path.join(outDir, name), PAST, PAST);
      await writeOutput({ outDir, staticDir, files: [] });
      expect(fs.statSync(path.join(outDir, 'css', 'site.css')).mtimeMs).toBe(PAST.getTime());
      expect(fs.statSync(path.join(outDir, 'js', 'app.js')).mtimeMs).not.toBe(PAST.getTime());
      expect(fs.readFileSync(path.join(outDir, 'js', 'app.js'), 'utf8')).toBe('run()');
    });
  });

  it('writes through a symlinked output folder into its target and keeps the link', async () => {
    const target = path.join(root, 'real-out');
    writeTree(target, { 'old.html': 'old' });
    fs.symlinkSync(target, outDir, 'dir');
    await writeOutput({ outDir, staticDir: undefined, files: [{ path: 'index.html', contents: 'new' }] });
    expect(fs.lstatSync(outDir).isSymbolicLink()).toBe(true);
    expect(readTree(target)).toEqual({ 'index.html': 'new' });
  });

  it('creates missing parent folders of the output folder', async () => {
    const nested = path.join(root, 'build', 'site', 'public');
    await writeOutput({ outDir: nested, staticDir: undefined, files: [{ path: 'index.html', contents: 'x' }] });
    expect(readTree(nested)).toEqual({ 'index.html': 'x' });
  });
});

describe('folders left beside the output by killed builds (issue 25)', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgen-stale-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('are removed by the next build, while a folder of a build still running stays', async () => {
    // A process id that is not running: spawn a process and wait for it to end.
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const deadPid = Number(ended.stdout);
    const left = [
      `.dist-tmp-${deadPid}-0123456789ab`,
      `.dist-stage-${deadPid}-00112233aabb`,
      `.dist-old-${deadPid}-ba9876543210`,
      '.dist-tmp-a1b2c3d4e5f6',
    ];
    const running = `.dist-tmp-${process.ppid}-fedcba987654`;
    for (const name of [...left, running, '.distant-tmp-0123456789ab'])
      fs.mkdirSync(path.join(root, name, 'berita'), { recursive: true });
    await writeOutput({
      outDir: path.join(root, 'dist'),
      staticDir: undefined,
      files: [{ path: 'index.html', contents: 'x' }],
    });
    expect(fs.readdirSync(root).sort()).toEqual(['.distant-tmp-0123456789ab', running, 'dist'].sort());
  });
});
