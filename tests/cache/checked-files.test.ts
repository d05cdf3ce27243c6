import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { openLinesWriter, readChecked, readCheckedFile, writeChecked } from '../../src/cache/checked-files.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.doUnmock('node:zlib');
  vi.resetModules();
});
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgen-checked-'));
  dirs.push(dir);
  return dir;
};

/** The module as a Node without `zlib.crc32` (before 20.15) loads it. */
async function withoutCrc32(): Promise<typeof import('../../src/cache/checked-files.js')> {
  vi.resetModules();
  vi.doMock('node:zlib', async (original) => ({ ...(await original<typeof import('node:zlib')>()), crc32: undefined }));
  return import('../../src/cache/checked-files.js');
}

describe('checked cache files', () => {
  test('carry a CRC-32 of their body, which catches any flipped bit', async () => {
    const file = path.join(tempDir(), 'state.json');
    await writeChecked(file, 'key', { title: 'Berita ✓', count: 3 });
    const bytes = readFileSync(file);
    expect(bytes.toString('utf8').split('\n')[0]).toMatch(/^newsgen-cache-\d+ key crc32-[0-9a-f]{8}$/);
    expect(await readChecked(file, 'key')).toEqual({ title: 'Berita ✓', count: 3 });
    expect(await readChecked(file, 'another key')).toBeUndefined();
    const body = bytes.indexOf(0x0a) + 1;
    for (let index = body; index < bytes.length; index++)
      for (let bit = 0; bit < 8; bit++) {
        const flipped = Buffer.from(bytes);
        flipped[index] = (flipped[index] as number) ^ (1 << bit);
        writeFileSync(file, flipped);
        expect(readCheckedFile(file, 'key')).toBeUndefined();
      }
  });

  test('written line by line, get the checksum of the same text written whole', async () => {
    const dir = tempDir();
    const lines = ['["a/1.md","é"]', '["a/2.md","✓"]', 'x'.repeat(3_000_000)];
    const writer = openLinesWriter(path.join(dir, 'lines.json'), 'key');
    for (const line of lines) writer.add(line);
    const checksum = writer.finish();
    const read = readCheckedFile(path.join(dir, 'lines.json'), 'key');
    expect(read?.checksum).toBe(checksum);
    // The header's placeholder was as long as the checksum written over it: the body is intact.
    expect(read?.body.toString('utf8')).toBe(lines.join('\n'));
  });

  test('fall back to SHA-1 on a Node without CRC-32, and read as missing, not corrupt, across the two', async () => {
    const dir = tempDir();
    const crcFile = path.join(dir, 'crc.json');
    await writeChecked(crcFile, 'key', { n: 1 });
    const old = await withoutCrc32();
    const shaFile = path.join(dir, 'sha.json');
    await old.writeChecked(shaFile, 'key', { n: 2 });
    expect(readFileSync(shaFile, 'utf8').split('\n')[0]).toMatch(/ key sha1-[0-9a-f]{40}$/);
    expect(await old.readChecked(shaFile, 'key')).toEqual({ n: 2 });
    const writer = old.openLinesWriter(path.join(dir, 'lines.json'), 'key');
    writer.add('["a"]');
    expect(old.readCheckedFile(path.join(dir, 'lines.json'), 'key')).toBeUndefined();
    expect(writer.finish()).toBe(old.readCheckedFile(path.join(dir, 'lines.json'), 'key')?.checksum);
    expect(await old.readChecked(crcFile, 'key')).toBeUndefined();
    expect(await readChecked(shaFile, 'key')).toBeUndefined();
  });
});
