import { createRequire } from 'node:module';

/** Printable ASCII: one column per character, the common case, measured without segmenting. */
const ASCII = /^[\x20-\x7e]*$/;

type StringWidth = (text: string) => number;

/**
 * How many terminal columns `text` takes, by string-width (two for East
 * Asian wide and full-width characters and emoji, none for combining marks):
 * a Japanese or Chinese file name counted by its length left the columns
 * after it out of line. Plain ASCII, nearly every path, is its length:
 * string-width (and its emoji and width tables) is loaded only for the
 * first other text, so a build that prints nothing else never loads it.
 */
export function displayWidth(text: string): number {
  return ASCII.test(text) ? text.length : measure(text);
}

let stringWidth: StringWidth | undefined;

function measure(text: string): number {
  stringWidth ??= loadStringWidth();
  return stringWidth(text);
}

/** string-width is an ES module: `require` loads one on Node 20.19 and later; before, characters are counted. */
function loadStringWidth(): StringWidth {
  try {
    const loaded = createRequire(import.meta.url)('string-width') as { default: StringWidth };
    return loaded.default;
  } catch {
    return (text) => [...text].length;
  }
}
