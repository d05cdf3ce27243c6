/** Characters that need V8's two-byte string representation. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is every Latin-1 character, control characters included.
const WIDE = /[^\u0000-\u00ff]/;

/**
 * The same text, stored one byte per character when every character fits
 * (V8 keeps strings built from two-byte pieces two-byte even when they hold
 * only Latin-1): half the memory for a large site's article HTML, which
 * stays in memory for the whole build.
 */
export function compactString(text: string): string {
  return WIDE.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}
