import { describe, expect, test } from 'vitest';
import { compactString } from '../../src/markdown/compact-string.js';

describe('compactString', () => {
  test('returns the same text, whatever its characters', () => {
    for (const text of ['', '<p>Jakarta</p>', 'Café ÿ', 'tanda — “kutip” 🚀', `${'a'.repeat(5000)}\u0100`])
      expect(compactString(text)).toBe(text);
  });
});
