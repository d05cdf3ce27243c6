import { describe, expect, test } from 'vitest';
import { decodeSource, MAX_SOURCE_BYTES } from '../../src/content/decode-source.js';

const FILE = 'content/ekonomi/harga-cabai.md';
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeSource', () => {
  test('decodes UTF-8 text, accents and non-Latin scripts included', () => {
    expect(decodeSource(encode('---\ntitle: Kafé 東京\n---\n'), FILE)).toEqual({
      ok: true,
      text: '---\ntitle: Kafé 東京\n---\n',
      warnings: [],
    });
  });

  test('drops a leading byte-order mark so the front matter starts on line 1', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode('---\ntitle: A\n---\n')]);
    expect(decodeSource(bytes, FILE)).toEqual({ ok: true, text: '---\ntitle: A\n---\n', warnings: [] });
  });

  test('refuses bytes that are not UTF-8, naming the file', () => {
    const latin1 = new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a]);
    const result = decodeSource(latin1, FILE);
    expect(result).toMatchObject({ ok: false, diagnostic: { file: FILE, ruleId: 'file-encoding', severity: 'error' } });
    if (!result.ok) expect(result.diagnostic.reason).toContain('UTF-8');
  });

  test('refuses a file with NUL bytes as binary', () => {
    const result = decodeSource(new Uint8Array([0x50, 0x4e, 0x47, 0x00, 0x01]), FILE);
    expect(result).toMatchObject({ ok: false, diagnostic: { ruleId: 'file-encoding' } });
    if (!result.ok) expect(result.diagnostic.reason).toMatch(/NUL/);
  });

  test('decodes an empty file as empty text', () => {
    expect(decodeSource(new Uint8Array(), FILE)).toEqual({ ok: true, text: '', warnings: [] });
  });
});

describe('a content file too large to be an article (issue 25)', () => {
  test('is refused by size before it is decoded or parsed, and a file just under the limit is read', () => {
    const big = new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x61);
    expect(decodeSource(big, 'content/besar.md')).toEqual({
      ok: false,
      diagnostic: expect.objectContaining({
        file: 'content/besar.md',
        ruleId: 'file-too-large',
        reason: 'Unexpected file of 5.0 MB, expected a content file of at most 5 MB',
      }),
    });
    expect(decodeSource(big.subarray(1), 'content/pas.md').ok).toBe(true);
  });
});
