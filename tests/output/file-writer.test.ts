import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashBytes } from '../../src/hash/hash-bytes.js';
import { createFileWriter as createSourceWriter } from '../../src/output/file-writer.js';

// The built module, with its worker entry beside it as JavaScript (its declarations are not kept in lib/).
const built = new URL('../../lib/output/file-writer.js', import.meta.url).href;
const { createFileWriter: createBuiltWriter } = (await import(built)) as {
  createFileWriter: typeof createSourceWriter;
};

const PAST = new Date('2021-03-04T05:06:07.000Z');

// The built module (lib/) starts its writer thread; run from its sources it writes on this thread.
describe.each([
  ['on its writer thread (built code)', createBuiltWriter],
  ['on this thread (source code)', createSourceWriter],
])('createFileWriter %s', (_, createFileWriter) => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgen-writer-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const keep = (error: Error) => error;

  it('writes every file into the folders it needs, more files than one batch', async () => {
    const writer = createFileWriter();
    for (let index = 0; index < 300; index++) {
      const target = path.join(root, 'out', `section-${index % 3}`, `article-${index}`, 'index.html');
      await writer.write({ target, contents: Buffer.from(`page ${index}`) }, keep);
    }
    await writer.finish();
    for (let index = 0; index < 300; index++) {
      const file = path.join(root, 'out', `section-${index % 3}`, `article-${index}`, 'index.html');
      expect(fs.readFileSync(file, 'utf8')).toBe(`page ${index}`);
    }
  });

  it('tells each written file’s hash and size, for files sent in batches and the rest', async () => {
    const writer = createFileWriter();
    const heard: [string, string, number][] = [];
    const texts = Array.from({ length: 300 }, (_, index) => `halaman ${index} — ${'x'.repeat(index)}`);
    for (const [index, text] of texts.entries())
      await writer.write(
        { target: path.join(root, 'out', `${index}.html`), contents: Buffer.from(text) },
        keep,
        (hash, size) => heard.push([`${index}`, hash, size]),
      );
    await writer.finish();
    expect(heard).toEqual(texts.map((text, index) => [`${index}`, hashBytes(text), Buffer.byteLength(text)]));
  });

  it('gives a new file the previous one’s modification time only when the bytes are the same', async () => {
    const previous = path.join(root, 'old');
    fs.mkdirSync(previous);
    for (const name of ['same.html', 'changed.html']) {
      fs.writeFileSync(path.join(previous, name), 'old bytes');
      fs.utimesSync(path.join(previous, name), PAST, PAST);
    }
    const writer = createFileWriter();
    await writer.write(
      {
        target: path.join(root, 'new', 'same.html'),
        contents: Buffer.from('old bytes'),
        previous: path.join(previous, 'same.html'),
      },
      keep,
    );
    await writer.write(
      {
        target: path.join(root, 'new', 'changed.html'),
        contents: Buffer.from('new bytes'),
        previous: path.join(previous, 'changed.html'),
      },
      keep,
    );
    await writer.finish();
    expect(fs.statSync(path.join(root, 'new', 'same.html')).mtime).toEqual(PAST);
    expect(fs.statSync(path.join(root, 'new', 'changed.html')).mtime).not.toEqual(PAST);
  });

  it('never overwrites a file, and fails with the error made for the file that could not be written', async () => {
    const taken = path.join(root, 'out', 'taken.html');
    fs.mkdirSync(path.dirname(taken), { recursive: true });
    fs.writeFileSync(taken, 'first');
    const writer = createFileWriter();
    const attempt = async () => {
      for (let index = 0; index < 140; index++)
        await writer.write({ target: path.join(root, 'out', `${index}.html`), contents: Buffer.from('x') }, keep);
      await writer.write({ target: taken, contents: Buffer.from('second') }, (error) => {
        return new Error(`Could not write taken.html: ${error.message}`);
      });
      await writer.finish();
    };
    await expect(attempt()).rejects.toThrow(/^Could not write taken\.html: EEXIST/);
    await writer.close();
    expect(fs.readFileSync(taken, 'utf8')).toBe('first');
  });
});
