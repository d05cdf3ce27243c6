/** Splits text into user-perceived characters (emoji, flags and accented letters stay whole). */
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

const ELLIPSIS = '…';

/** Trailing whitespace and punctuation that should not stand before the ellipsis. */
const TRAILING_JUNK = /[\s\p{P}]+$/u;

const PUNCTUATION = /^\p{P}$/u;

/** Code units segmented first; an excerpt of 160 characters rarely needs more. */
const FIRST_WINDOW = 512;

/**
 * Creates a plain-text excerpt of at most `maxLength` characters (counted as
 * user-perceived characters, ellipsis included). Whitespace is collapsed
 * first. Text that fits is returned whole; longer text is cut at the last
 * space that keeps it within the limit, trailing punctuation and spaces are
 * dropped, and `…` is added. Only a first word longer than the limit (or text
 * without spaces) is cut inside the word; the cut never splits a character
 * such as an emoji or a surrogate pair. Only the start of the text is
 * segmented, so a long body costs no more than a short one.
 */
export function createExcerpt(text: string, maxLength = 160): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  const characters = readGraphemes(collapsed);
  if (!characters.has(maxLength)) return collapsed;
  if (maxLength < 1) return '';

  const kept = characters.slice(maxLength - 1);
  const cutAtSpace = checkWordEnd(characters, kept.length) ? kept.length : kept.lastIndexOf(' ');
  const byWord = cutAtSpace > 0 ? kept.slice(0, cutAtSpace).join('').replace(TRAILING_JUNK, '') : '';
  const head = byWord !== '' ? byWord : kept.join('').replace(TRAILING_JUNK, '');
  return `${head}${ELLIPSIS}`;
}

/** The user-perceived characters of a text, segmented from the start as far as they are asked for. */
export interface GraphemeReader {
  /** Whether the text has a character at `index` (0-based). */
  has(index: number): boolean;
  /** The character at `index`, or `undefined` past the end. */
  at(index: number): string | undefined;
  /** The first `count` characters (fewer when the text is shorter). */
  slice(count: number): string[];
}

/**
 * Segments a text into user-perceived characters lazily, in prefixes that
 * double in length. V8's `Intl.Segmenter` takes time quadratic in the length
 * of the string it walks (about 0.6 s for 40,000 characters, whether or not
 * the walk stops early), so it is only ever given a prefix. A boundary inside
 * a prefix is a boundary of the whole text, since Unicode decides each one
 * from the characters before it and the one right after; only the prefix's
 * last character may be cut short, and it is dropped unless the prefix is
 * the whole text. (A prefix never ends inside a surrogate pair.)
 */
export function readGraphemes(text: string, firstWindow = FIRST_WINDOW): GraphemeReader {
  let characters: string[] = [];
  let window = 0;
  const reach = (index: number): void => {
    while (index >= characters.length && window < text.length) {
      window = Math.min(text.length, Math.max(firstWindow, window * 2));
      // Never between the halves of a surrogate pair: the character after each boundary must be whole.
      if (window < text.length && isHighSurrogate(text.charCodeAt(window - 1))) window += 1;
      characters = Array.from(GRAPHEMES.segment(text.slice(0, window)), (part) => part.segment);
      if (window < text.length) characters.pop();
    }
  };
  return {
    has: (index) => index >= 0 && (reach(index), index < characters.length),
    at: (index) => (reach(index), characters[index]),
    slice: (count) => (reach(count - 1), characters.slice(0, count)),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Checks whether a word ends right before `index`: the next character is a
 * space, or punctuation closing the word (`tiga:` or `aman."` followed by a
 * space or the end), but not punctuation inside a word (`don't`, `well-known`).
 */
function checkWordEnd(characters: GraphemeReader, index: number): boolean {
  let next = index;
  while (PUNCTUATION.test(characters.at(next) ?? '')) next += 1;
  return !characters.has(next) || characters.at(next) === ' ';
}
