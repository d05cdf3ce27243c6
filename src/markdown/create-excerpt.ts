import { splitGraphemes } from 'unicode-segmenter/grapheme';

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
 * such as an emoji or a surrogate pair. Only the start of the text is
 * segmented, so a long body costs no more than a short one.
 */
export function createExcerpt(text: string, maxLength = 160): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return excerptOf(collapsed, readGraphemes(collapsed), maxLength);
}

/**
 * {@link createExcerpt} of paragraphs joined with spaces, reading only as
 * many of them as the excerpt needs: a 4 MB body spent a third of a second
 * collecting and collapsing all of its text for 160 characters. Exact: a
 * start of the text is used only when the excerpt came out without looking
 * at its last character (which the next paragraph could still change).
 */
export function createExcerptOfParagraphs(paragraphs: Iterable<string>, maxLength = 160): string {
  let text = '';
  let enough = 4 * maxLength;
  for (const paragraph of paragraphs) {
    text = text === '' ? paragraph : `${text} ${paragraph}`;
    if (text.length < enough) continue;
    const excerpt = excerptOfStart(text, maxLength);
    if (excerpt !== undefined) return excerpt;
    enough = 2 * text.length;
  }
  return createExcerpt(text, maxLength);
}

/** The excerpt of a text that starts with `start`, or undefined when it may depend on what follows. */
function excerptOfStart(start: string, maxLength: number): string | undefined {
  const collapsed = start.replace(/\s+/g, ' ').trim();
  const characters = readGraphemes(collapsed);
  let reachedEnd = false;
  // Touching the last character counts: the rest of the text may extend it (a combining mark) or follow it.
  const watch = (last: number): void => {
    if (!characters.has(last + 1)) reachedEnd = true;
  };
  const watched: GraphemeReader = {
    has(index) {
      watch(index);
      return characters.has(index);
    },
    at(index) {
      watch(index);
      return characters.at(index);
    },
    slice(count) {
      watch(count - 1);
      return characters.slice(count);
    },
  };
  const excerpt = excerptOf(collapsed, watched, maxLength);
  return reachedEnd ? undefined : excerpt;
}

/** The excerpt of whitespace-collapsed text, read through `characters`. */
function excerptOf(collapsed: string, characters: GraphemeReader, maxLength: number): string {
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
 * Segments a text into user-perceived characters (emoji, flags and accented
 * letters stay whole) lazily, with `unicode-segmenter`: only as far as they
 * are asked for. V8's own `Intl.Segmenter` gives the same characters but takes
 * time quadratic in the length of the string it walks, and is slow per
 * character even on a short prefix; an excerpt is needed for every article
 * without a summary, so that cost would grow with both the site and the body.
 */
export function readGraphemes(text: string): GraphemeReader {
  const characters: string[] = [];
  const rest = splitGraphemes(text);
  let done = false;
  const reach = (index: number): void => {
    while (!done && index >= characters.length) {
      const next = rest.next();
      if (next.done) done = true;
      else characters.push(next.value);
    }
  };
  return {
    has: (index) => {
      if (index < 0) return false;
      reach(index);
      return index < characters.length;
    },
    at: (index) => {
      reach(index);
      return characters[index];
    },
    slice: (count) => {
      reach(count - 1);
      return characters.slice(0, count);
    },
  };
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
