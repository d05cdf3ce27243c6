/** A date field a pattern can print. */
export type DateToken =
  | 'dddd'
  | 'ddd'
  | 'DD'
  | 'D'
  | 'MMMM'
  | 'MMM'
  | 'MM'
  | 'M'
  | 'YYYY'
  | 'YY'
  | 'HH'
  | 'H'
  | 'hh'
  | 'h'
  | 'mm'
  | 'm'
  | 'ss'
  | 's'
  | 'A'
  | 'z'
  | 'Z'
  | 'LLLL'
  | 'll';

/** One piece of a compiled pattern: a field to fill in or text to copy. */
export type PatternPart =
  | { readonly kind: 'token'; readonly token: DateToken }
  | { readonly kind: 'literal'; readonly text: string };

// Longest first, so `MMMM` wins over `MMM` and `MM`.
const TOKENS: readonly DateToken[] = [
  'LLLL',
  'dddd',
  'ddd',
  'MMMM',
  'MMM',
  'YYYY',
  'DD',
  'MM',
  'YY',
  'HH',
  'hh',
  'mm',
  'ss',
  'D',
  'M',
  'H',
  'h',
  'm',
  's',
  'A',
  'z',
  'Z',
  'll',
];

/**
 * Splits a date pattern (`dddd, DD MMM YYYY HH:mm z`) into tokens and literal text.
 * Text in square brackets is literal (`[pukul] HH.mm`); an unclosed `[` is kept
 * as text. Any other character is copied as is.
 */
export function compileDatePattern(pattern: string): readonly PatternPart[] {
  const parts: PatternPart[] = [];
  const addText = (text: string): void => {
    const last = parts.at(-1);
    if (last?.kind === 'literal') parts[parts.length - 1] = { kind: 'literal', text: last.text + text };
    else parts.push({ kind: 'literal', text });
  };
  let index = 0;
  while (index < pattern.length) {
    if (pattern[index] === '[') {
      const close = pattern.indexOf(']', index + 1);
      if (close !== -1) {
        addText(pattern.slice(index + 1, close));
        index = close + 1;
        continue;
      }
    }
    const token = TOKENS.find((candidate) => pattern.startsWith(candidate, index));
    if (token) {
      parts.push({ kind: 'token', token });
      index += token.length;
    } else {
      addText(pattern.charAt(index));
      index += 1;
    }
  }
  return parts;
}
