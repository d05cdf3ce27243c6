import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { hashBytes, hashLines } from '../../src/hash/hash-bytes.js';

describe('hashLines', () => {
  test('is the hash of the lines joined by newlines, whatever their number, length and characters', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 30 }), (lines) => {
        expect(hashLines(lines)).toBe(hashBytes(lines.join('\n')));
      }),
      { seed: 20261204, numRuns: 200 },
    );
  });

  test('hashes across its chunks as one text: an archive of long lines, empty lines among them', () => {
    const lines = Array.from({ length: 3000 }, (_, index) => (index % 7 === 0 ? '' : `baris ${index} `.repeat(9)));
    expect(hashLines(lines)).toBe(hashBytes(lines.join('\n')));
    expect(hashLines(['', ''])).toBe(hashBytes('\n'));
    expect(hashLines([])).toBe(hashBytes(''));
  });
});
