import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ lengths: [] as number[] }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, buffer: Uint8Array, offset?: number, length?: number, position?: number | null) => {
    calls.lengths.push(length ?? buffer.length - (offset ?? 0));
    return real.writeSync(fd, buffer, offset, length, position);
  }) as typeof real.writeSync;
  return { ...real, default: { ...real, writeSync }, writeSync };
});

const { openChunkWriter } = await import('../../src/cache/chunk-writer.js');

const MB = 1 << 20;
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgen-chunk-writer-'));
  calls.lengths = [];
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('openChunkWriter', () => {
  it('writes small and large pieces in order, returning the bytes of each as written', () => {
    const file = path.join(dir, 'out');
    const writer = openChunkWriter(file, 'w');
    const large = Buffer.alloc(5 * MB + 17, 7);
    const pieces: Uint8Array[] = [];
    pieces.push(Buffer.from(writer.write('header\n')));
    pieces.push(Buffer.from(writer.write(large)));
    pieces.push(Buffer.from(writer.write('é'.repeat(3 * MB))));
    // Under a chunk in characters, over one in bytes.
    pieces.push(Buffer.from(writer.write('é'.repeat(0.75 * MB))));
    pieces.push(Buffer.from(writer.write(Uint8Array.of(1, 2, 3))));
    writer.close('HEADER');
    const expected = Buffer.concat([
      Buffer.from('header\n'),
      large,
      Buffer.from('é'.repeat(3 * MB)),
      Buffer.from('é'.repeat(0.75 * MB)),
      Buffer.of(1, 2, 3),
    ]);
    expect(Buffer.concat(pieces).equals(expected)).toBe(true);
    const written = fs.readFileSync(file);
    expect(written.subarray(0, 6).toString()).toBe('HEADER');
    expect(written.subarray(6).equals(expected.subarray(6))).toBe(true);
  });

  it('never hands the disk more than a megabyte in one call, however large a piece is', () => {
    const writer = openChunkWriter(path.join(dir, 'out'), 'w');
    writer.write(Buffer.alloc(9 * MB + 1));
    writer.write('x'.repeat(2 * MB));
    writer.close();
    expect(calls.lengths.reduce((sum, length) => sum + length, 0)).toBe(11 * MB + 1);
    expect(Math.max(...calls.lengths)).toBeLessThanOrEqual(MB);
  });

  it('appends to what the file holds', () => {
    const file = path.join(dir, 'out');
    fs.writeFileSync(file, 'before;');
    const writer = openChunkWriter(file, 'a');
    writer.write('after');
    writer.close();
    expect(fs.readFileSync(file, 'utf8')).toBe('before;after');
  });
});
