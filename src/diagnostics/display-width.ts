/** Printable ASCII: one column per character, the common case, measured without a loop. */
const ASCII = /^[\x20-\x7e]*$/;
/** Marks that combine with the character before, and joiners: no column of their own. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200b-\u200f\u2060\ufeff]/u;

/**
 * How many terminal columns `text` takes: two for each East Asian wide or
 * full-width character (CJK ideographs, kana, hangul, full-width forms),
 * none for combining marks, one for the rest. A Japanese or Chinese file
 * name counted by its length left the columns after it out of line.
 */
export function displayWidth(text: string): number {
  if (ASCII.test(text)) return text.length;
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (ZERO_WIDTH.test(character)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

/** The wide and full-width blocks of Unicode's East Asian Width (UAX #11), in ranges. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
