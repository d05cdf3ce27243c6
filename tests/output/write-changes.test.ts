import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { hashBytes } from '../../src/hash/hash-bytes.js';
import { OUTPUT_MARKER, OUTPUT_MARKER_TEXT } from '../../src/output/output-marker.js';
import { writeChanges } from '../../src/output/write-changes.js';

/** The output files under `dir` (the ownership marker is no output). */
function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== OUTPUT_MARKER)
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Every file under `dir` with its contents. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]));
}

describe('writeChanges', () => {
  let root: string;
  let outDir: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgen-write-changes-'));
    outDir = path.join(root, 'dist');
    fs.mkdirSync(path.join(outDir, 'a'), { recursive: true });
    fs.writeFileSync(path.join(outDir, 'index.html'), 'home');
    fs.writeFileSync(path.join(outDir, 'a/index.html'), 'a');
    fs.writeFileSync(path.join(outDir, 'old.html'), 'old');
    fs.writeFileSync(path.join(outDir, OUTPUT_MARKER), OUTPUT_MARKER_TEXT);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const previous = () =>
    new Map([
      ['index.html', hashBytes('home')],
      ['a/index.html', hashBytes('a')],
      ['old.html', hashBytes('old')],
    ]);

  it('writes changed bytes, keeps unchanged files and deletes what the build no longer has', async () => {
    const result = await writeChanges({
      outDir,
      staticFiles: undefined,
      previous: previous(),
      outputs: [
        { path: 'index.html', contents: 'home 2' },
        { path: 'a/index.html', contents: undefined },
        { path: 'b/index.html', contents: 'b' },
      ],
    });
    expect(result.written).toEqual(['b/index.html', 'index.html']);
    expect(result.deleted).toEqual(['old.html']);
    expect(listFiles(outDir)).toEqual(['a/index.html', 'b/index.html', 'index.html']);
    expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('home 2');
    expect(Object.fromEntries(result.outputs)).toEqual({
      'index.html': hashBytes('home 2'),
      'a/index.html': hashBytes('a'),
      'b/index.html': hashBytes('b'),
    });
  });

  it('keeps an output that comes with its own hash (an image file, by its fingerprint) by that hash, without hashing it', async () => {
    const write = (key: string, contents: string, last: Map<string, string>) =>
      writeChanges({
        outDir,
        staticFiles: undefined,
        previous: last,
        unchanged: ['index.html', 'a/index.html', 'old.html'],
        outputs: [{ path: '_images/foto.webp', contents, hash: key }],
      });
    const first = await write('k1', 'webp 1', previous());
    expect(first.written).toEqual(['_images/foto.webp']);
    expect(first.outputs.get('_images/foto.webp')).toBe('k1');
    // The same key names the same bytes: nothing to write.
    expect((await write('k1', 'webp 1', first.outputs)).written).toEqual([]);
    const second = await write('k2', 'webp 2', first.outputs);
    expect(second.written).toEqual(['_images/foto.webp']);
    expect(fs.readFileSync(path.join(outDir, '_images/foto.webp'), 'utf8')).toBe('webp 2');
  });

  it('does not copy a static file again whose mtime alone changed (a fresh checkout), comparing its bytes when its size is the same', async () => {
    const staticDir = path.join(root, 'static');
    fs.mkdirSync(staticDir);
    const files = { 'same.jpg': 'abcd', 'edited.jpg': 'abce', 'grown.jpg': 'abcdef', 'gone.jpg': 'abcd' };
    for (const [name, contents] of Object.entries(files)) fs.writeFileSync(path.join(staticDir, name), contents);
    // What the last build copied: four bytes each, stamped at mtime 100.
    for (const name of Object.keys(files)) fs.writeFileSync(path.join(outDir, name), 'abcd');
    fs.rmSync(path.join(outDir, 'gone.jpg'));
    const last = previous();
    for (const name of Object.keys(files)) last.set(name, '4:100');
    const stamps = { 'same.jpg': '4:200', 'edited.jpg': '4:200', 'grown.jpg': '6:200', 'gone.jpg': '4:200' };
    const result = await writeChanges({
      outDir,
      staticFiles: {
        files: Object.keys(files)
          .sort()
          .map((name) => ({ path: name, source: path.join(staticDir, name) })),
        stamps,
      },
      previous: last,
      unchanged: ['index.html', 'a/index.html', 'old.html'],
      outputs: [],
    });
    // Same size, same bytes: kept, under its new stamp; same size, other bytes, another size, or no file there: copied.
    expect(result.written).toEqual(['edited.jpg', 'gone.jpg', 'grown.jpg']);
    for (const [name, contents] of Object.entries(files))
      expect(fs.readFileSync(path.join(outDir, name), 'utf8')).toBe(contents);
    for (const [name, stamp] of Object.entries(stamps)) expect(result.outputs.get(name)).toBe(stamp);
  });

  it("with the hashes of a fresh checkout's static files read on a thread, keeps those the last build hashed alike without reading the output, and remembers the hashes", async () => {
    const staticDir = path.join(root, 'static');
    fs.mkdirSync(staticDir);
    const files = { 'hashed.jpg': 'abcd', 'changed.jpg': 'abce', 'compared.jpg': 'abcd', 'moved.jpg': 'abcd' };
    for (const [name, contents] of Object.entries(files)) fs.writeFileSync(path.join(staticDir, name), contents);
    for (const name of Object.keys(files)) fs.writeFileSync(path.join(outDir, name), 'abcd');
    // The output's hashed.jpg was edited by hand: a file kept by its hash is not read, so it stays as it is.
    fs.writeFileSync(path.join(outDir, 'hashed.jpg'), 'wxyz');
    const hash = hashBytes('abcd');
    const last = previous();
    for (const name of ['hashed.jpg', 'changed.jpg']) last.set(name, `4:100:${hash}`);
    // Recorded before hashes were: compared byte for byte, as before, and then remembered with the hash read.
    last.set('compared.jpg', '4:100');
    last.set('moved.jpg', '4:100');
    const names = Object.keys(files).sort();
    const ctimes = names.map((name) => fs.statSync(path.join(staticDir, name)).ctimeMs);
    // moved.jpg changed after its listing (another ctime now): the bytes compared may not be the bytes hashed.
    ctimes[names.indexOf('moved.jpg')] = 1;
    const reads = new Map(
      Object.entries(files).map(([name, contents]) => [
        name,
        { hash: hashBytes(contents), measured: false, size: undefined },
      ]),
    );
    let waited = 0;
    const result = await writeChanges({
      outDir,
      staticFiles: {
        files: names.map((name) => ({ path: name, source: path.join(staticDir, name) })),
        stamps: Object.fromEntries(names.map((name) => [name, '4:200'])),
        ctimes,
        reads: {
          wait: async () => {
            waited++;
            return reads;
          },
        },
      },
      previous: last,
      unchanged: ['index.html', 'a/index.html', 'old.html'],
      outputs: [],
    });
    expect(waited).toBe(1);
    expect(result.staticChecks).toEqual({ byHash: 1, compared: 2 });
    // Another hash than the last build's: copied without comparing; the same bytes as the output's: kept.
    expect(result.written).toEqual(['changed.jpg']);
    expect(fs.readFileSync(path.join(outDir, 'hashed.jpg'), 'utf8')).toBe('wxyz');
    expect(fs.readFileSync(path.join(outDir, 'changed.jpg'), 'utf8')).toBe('abce');
    expect(Object.fromEntries(names.map((name) => [name, result.outputs.get(name)]))).toEqual({
      'changed.jpg': `4:200:${hashBytes('abce')}`,
      'compared.jpg': `4:200:${hash}`,
      'hashed.jpg': `4:200:${hash}`,
      'moved.jpg': '4:200',
    });
    // Built again with the same stamps: nothing is looked at, waited for or written, and the hashes stay.
    const again = await writeChanges({
      outDir,
      staticFiles: {
        files: names.map((name) => ({ path: name, source: path.join(staticDir, name) })),
        stamps: Object.fromEntries(names.map((name) => [name, '4:200'])),
        reads: {
          wait: async () => {
            waited++;
            return reads;
          },
        },
      },
      previous: result.outputs,
      unchanged: ['index.html', 'a/index.html', 'old.html'],
      outputs: [],
    });
    expect(waited).toBe(1);
    expect(again.written).toEqual([]);
    expect(again.staticChecks).toEqual({ byHash: 0, compared: 0 });
    expect(again.outputs.get('hashed.jpg')).toBe(`4:200:${hash}`);
  });

  it('copies a static file the last build hashed alike when the output folder no longer holds it', async () => {
    const staticDir = path.join(root, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'foto.jpg'), 'abcd');
    const hash = hashBytes('abcd');
    const result = await writeChanges({
      outDir,
      staticFiles: {
        files: [{ path: 'foto.jpg', source: path.join(staticDir, 'foto.jpg') }],
        stamps: { 'foto.jpg': '4:200' },
        ctimes: [fs.statSync(path.join(staticDir, 'foto.jpg')).ctimeMs],
        reads: { wait: async () => new Map([['foto.jpg', { hash, measured: false, size: undefined }]]) },
      },
      previous: new Map([...previous(), ['foto.jpg', `4:100:${hash}`]]),
      unchanged: ['index.html', 'a/index.html', 'old.html'],
      outputs: [],
    });
    expect(result.written).toEqual(['foto.jpg']);
    expect(fs.readFileSync(path.join(outDir, 'foto.jpg'), 'utf8')).toBe('abcd');
    expect(result.outputs.get('foto.jpg')).toBe(`4:200:${hash}`);
  });

  it('does not write again an output named by a key whose key alone changed, when the output folder holds its bytes', async () => {
    fs.writeFileSync(path.join(outDir, 'foto.jpg'), 'jpeg');
    const last = new Map([...previous(), ['foto.jpg', 'original 4:100']]);
    const write = (contents: string) =>
      writeChanges({
        outDir,
        staticFiles: undefined,
        previous: last,
        unchanged: ['index.html', 'a/index.html', 'old.html'],
        outputs: [{ path: 'foto.jpg', contents, hash: 'original 4:200' }],
      });
    const same = await write('jpeg');
    expect(same.written).toEqual([]);
    expect(same.outputs.get('foto.jpg')).toBe('original 4:200');
    const edited = await write('jpeg 2');
    expect(edited.written).toEqual(['foto.jpg']);
    expect(fs.readFileSync(path.join(outDir, 'foto.jpg'), 'utf8')).toBe('jpeg 2');
  });

  it('writes a derived image file without keeping its hash, deletes the derived files it is told to, and refuses a static file where one is kept', async () => {
    fs.mkdirSync(path.join(outDir, '_images'));
    fs.writeFileSync(path.join(outDir, '_images/lama-320.k0.webp'), 'old webp');
    fs.writeFileSync(path.join(outDir, '_images/tetap-320.k9.webp'), 'kept webp');
    const result = await writeChanges({
      outDir,
      staticFiles: undefined,
      previous: previous(),
      unchanged: ['index.html', 'a/index.html', 'old.html'],
      outputs: [{ path: '_images/baru-320.k1.webp', contents: 'new webp', hash: 'k1', derived: true }],
      deleted: ['_images/lama-320.k0.webp'],
    });
    expect(result.written).toEqual(['_images/baru-320.k1.webp']);
    expect(result.deleted).toEqual(['_images/lama-320.k0.webp']);
    // Its photo's group keeps it: not among the hashes by path.
    expect(result.outputs.has('_images/baru-320.k1.webp')).toBe(false);
    expect(listFiles(outDir)).toContain('_images/tetap-320.k9.webp');
    expect(listFiles(outDir)).not.toContain('_images/lama-320.k0.webp');

    const source = path.join(root, 'tetap.webp');
    fs.writeFileSync(source, 'static webp');
    const before = snapshot(outDir);
    const clash = writeChanges({
      outDir,
      previous: result.outputs,
      outputs: [],
      staticFiles: { files: [{ path: '_images/tetap-320.k9.webp', source }], stamps: {} },
      claimed: (file) => file === '_images/tetap-320.k9.webp' || file === '_images/baru-320.k1.webp',
    });
    await expect(clash).rejects.toMatchObject({ code: 'output-collision' });
    expect(snapshot(outDir)).toEqual(before);
  });

  it('puts the ownership marker back when the output folder lacks it, without listing it as written', async () => {
    fs.rmSync(path.join(outDir, OUTPUT_MARKER));
    const result = await writeChanges({
      outDir,
      staticFiles: undefined,
      previous: previous(),
      outputs: [{ path: 'index.html', contents: 'home 2' }],
      partial: true,
    });
    expect(result.written).toEqual(['index.html']);
    expect(fs.readFileSync(path.join(outDir, OUTPUT_MARKER), 'utf8')).toBe(OUTPUT_MARKER_TEXT);
  });

  it('removes the stage and aside folders a killed incremental build left beside the output', async () => {
    // A process id that is not running: spawn a process and wait for it to end.
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const left = [`.dist-stage-${ended.stdout}-0123456789ab`, `.dist-old-${ended.stdout}-ba9876543210`];
    for (const name of left) fs.mkdirSync(path.join(root, name, 'berita'), { recursive: true });
    await writeChanges({ outDir, staticFiles: undefined, previous: previous(), outputs: [], partial: true });
    expect(fs.readdirSync(root)).toEqual(['dist']);
  });

  it('keeps unchanged outputs that were not given (their files and hashes), deletes the rest, and refuses one given as well', async () => {
    const result = await writeChanges({
      outDir,
      staticFiles: undefined,
      previous: previous(),
      unchanged: ['a/index.html'],
      outputs: [{ path: 'index.html', contents: 'home 3' }],
    });
    expect(result).toEqual({
      written: ['index.html'],
      deleted: ['old.html'],
      staticChecks: { byHash: 0, compared: 0 },
      outputs: new Map([
        ['a/index.html', hashBytes('a')],
        ['index.html', hashBytes('home 3')],
      ]),
    });
    expect(listFiles(outDir)).toEqual(['a/index.html', 'index.html']);
    await expect(
      writeChanges({
        outDir,
        staticFiles: undefined,
        previous: result.outputs,
        unchanged: ['a/index.html'],
        outputs: [{ path: 'a/index.html', contents: 'a 4' }],
      }),
    ).rejects.toMatchObject({ code: 'duplicate-output' });
  });

  it('in partial mode touches only the given outputs and reports only their hashes', async () => {
    const result = await writeChanges({
      outDir,
      staticFiles: undefined,
      previous: previous(),
      partial: true,
      outputs: [
        { path: 'a/index.html', contents: 'a 2' },
        { path: 'index.html', contents: 'home' },
      ],
    });
    expect(result).toEqual({
      written: ['a/index.html'],
      deleted: [],
      staticChecks: { byHash: 0, compared: 0 },
      outputs: new Map([
        ['a/index.html', hashBytes('a 2')],
        ['index.html', hashBytes('home')],
      ]),
    });
    expect(listFiles(outDir)).toEqual(['a/index.html', 'index.html', 'old.html']);
  });

  it('writes new folders in partial mode and leaves nothing beside the output folder', async () => {
    const result = await writeChanges({
      outDir,
      staticFiles: undefined,
      partial: true,
      previous: previous(),
      outputs: [
        { path: 'a/index.html', contents: 'a 3' },
        { path: 'c/d/index.html', contents: 'd' },
      ],
    });
    expect(result.written).toEqual(['a/index.html', 'c/d/index.html']);
    expect(fs.readFileSync(path.join(outDir, 'a/index.html'), 'utf8')).toBe('a 3');
    expect(listFiles(outDir)).toEqual(['a/index.html', 'c/d/index.html', 'index.html', 'old.html']);
    expect(fs.readdirSync(root)).toEqual(['dist']);
  });

  it('changes nothing when an output fails after others were rendered (a broken stream, an unsafe name, a static clash)', async () => {
    const before = snapshot(outDir);
    async function* failingLate() {
      yield { path: 'index.html', contents: 'home 9' };
      yield { path: 'b/index.html', contents: 'b' };
      throw new Error('template failed');
    }
    await expect(
      writeChanges({ outDir, staticFiles: undefined, previous: previous(), outputs: failingLate() }),
    ).rejects.toThrow('template failed');
    await expect(
      writeChanges({
        outDir,
        staticFiles: undefined,
        previous: previous(),
        outputs: [
          { path: 'index.html', contents: 'home 9' },
          { path: 'tag/con/index.html', contents: 'unsafe' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'unsafe-output-path' });
    const staticDir = path.join(root, 'static');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), 'static home');
    await expect(
      writeChanges({
        outDir,
        staticFiles: {
          files: [{ path: 'index.html', source: path.join(staticDir, 'index.html') }],
          stamps: { 'index.html': '11:1' },
        },
        previous: previous(),
        outputs: [{ path: 'index.html', contents: 'home 9' }],
      }),
    ).rejects.toMatchObject({ code: 'output-collision' });
    expect(snapshot(outDir)).toEqual(before);
    expect(fs.readdirSync(root).sort()).toEqual(['dist', 'static']);
  });

  it('puts every replaced and deleted file back when moving the staged files in fails', async () => {
    const before = snapshot(outDir);
    // A folder where a new page's file should go: its rename fails after the others succeeded.
    fs.mkdirSync(path.join(outDir, 'z', 'index.html'), { recursive: true });
    fs.writeFileSync(path.join(outDir, 'z', 'index.html', 'keep.txt'), 'keep');
    await expect(
      writeChanges({
        outDir,
        staticFiles: undefined,
        previous: previous(),
        outputs: [
          { path: 'a/index.html', contents: 'a 5' },
          { path: 'index.html', contents: 'home 5' },
          { path: 'n/new/index.html', contents: 'new' },
          { path: 'z/index.html', contents: 'clash' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'output-collision' });
    expect(fs.readFileSync(path.join(outDir, 'z', 'index.html', 'keep.txt'), 'utf8')).toBe('keep');
    fs.rmSync(path.join(outDir, 'z'), { recursive: true });
    expect(snapshot(outDir)).toEqual(before);
    expect(fs.existsSync(path.join(outDir, 'n'))).toBe(false);
  });

  it('refuses a path that leaves the output folder', async () => {
    const error = await writeChanges({
      outDir,
      staticFiles: undefined,
      partial: true,
      previous: new Map(),
      outputs: [{ path: '../escape.html', contents: 'x' }],
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NewsgenError);
    expect(error).toMatchObject({ code: 'unsafe-output-path' });
    expect((error as Error).message).toBe(
      'Unsafe output path "../escape.html": it has a ".." segment, which could leave the output folder',
    );
    expect(fs.existsSync(path.join(root, 'escape.html'))).toBe(false);
  });
});
