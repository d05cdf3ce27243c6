import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openHtmlSpill } from '../../src/bodies/html-spill.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openHtmlSpill', () => {
  test('gives back every body as stored, across buffer flushes, large bodies and reads in any order', () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'newsgen-spill-test-'));
    dirs.push(parent);
    const spill = openHtmlSpill(parent);
    const bodies = Array.from(
      { length: 300 },
      (_, index) =>
        `<p>${index} ✓ ${'é'.repeat(index % 7)}${'x'.repeat(index === 150 ? 2_500_000 : (index * 7_919) % 20_000)}</p>`,
    );
    const readers = bodies.map((body, index) => {
      const read = spill.add(body);
      // Some read back at once, before their bytes left the write buffer.
      if (index % 50 === 0) expect(read()).toBe(body);
      return read;
    });
    for (const index of [...bodies.keys()].reverse()) expect(readers[index]?.()).toBe(bodies[index]);
    spill.close();
    expect(readdirSync(parent)).toEqual([]);
    expect(() => readers[0]?.()).toThrow(/closed/);
  });

  test('makes its own folder, and leaves none behind once closed', () => {
    const parent = path.join(mkdtempSync(path.join(os.tmpdir(), 'newsgen-spill-test-')), 'not', 'yet');
    dirs.push(path.dirname(path.dirname(parent)));
    const spill = openHtmlSpill(parent);
    expect(spill.add('')()).toBe('');
    spill.close();
    expect(existsSync(parent) && readdirSync(parent)).toEqual([]);
  });
});
