/** Splits text into user-perceived characters (emoji, flags and accented letters stay whole). */
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

const ELLIPSIS = '…';

/** Trailing whitespace and punctuation that should not stand before the ellipsis. */
const TRAILING_JUNK = /[\s\p{P}]+$/u;

const PUNCTUATION = /^\p{P}$/u;

/**
 * Creates a plain-text excerpt of at most `maxLength` characters (counted as
 * user-perceived characters, ellipsis included). Whitespace is collapsed
 * first. Text that fits is returned whole; longer text is cut at the last
 * space that keeps it within the limit, trailing punctuation and spaces are
 * dropped, and `…` is added. Only a first word longer than the limit (or text
 * without spaces) is cut inside the word; the cut never splits a character
 * such as an emoji or a surrogate pair.
 */
export function createExcerpt(text: string, maxLength = 160): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  const characters = Array.from(GRAPHEMES.segment(collapsed), (part) => part.segment);
  if (characters.length <= maxLength) return collapsed;
  if (maxLength < 1) return '';

  const kept = characters.slice(0, maxLength - 1);
  const cutAtSpace = checkWordEnd(characters, kept.length) ? kept.length : kept.lastIndexOf(' ');
  const byWord = cutAtSpace > 0 ? kept.slice(0, cutAtSpace).join('').replace(TRAILING_JUNK, '') : '';
  const head = byWord !== '' ? byWord : kept.join('').replace(TRAILING_JUNK, '');
  return `${head}${ELLIPSIS}`;
}

/**
 * Checks whether a word ends right before `index`: the next character is a
 * space, or punctuation closing the word (`tiga:` or `aman."` followed by a
 * space or the end), but not punctuation inside a word (`don't`, `well-known`).
 */
function checkWordEnd(characters: readonly string[], index: number): boolean {
  let next = index;
  while (next < characters.length && PUNCTUATION.test(characters[next] ?? '')) next += 1;
  return next === characters.length || characters[next] === ' ';
}
