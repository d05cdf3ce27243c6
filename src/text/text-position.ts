import type { Place } from '../diagnostics/diagnostic.js';

/**
 * Maps character offsets of a text to 1-based line and column, for parsers
 * that report offsets only. Lines end at `\n`; a `\r` before it is part of
 * the line, so columns match what editors show for CRLF files.
 */
export function createPositionFinder(text: string): (offset: number) => Place {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
}
