import { NewsgenError } from '../diagnostics/newsgen-error.js';

/**
 * How many `]` one paragraph may hold. The Markdown parser (micromark)
 * takes time that grows with the square of the number of brackets that do
 * not close a link (`[a] `, `[a](b ` repeated): 40,000 took 14 s. At this
 * limit the worst case stays near a second, while a real paragraph, table
 * or list holds a few dozen links at most.
 */
export const MAX_BRACKETS = 5000;

/** Code of the error for a paragraph with more than {@link MAX_BRACKETS} brackets; its place is the paragraph's first line. */
export const MARKDOWN_BRACKETS = 'markdown-brackets';

/**
 * Refuses a body with more than {@link MAX_BRACKETS} `]` in one block of
 * lines (blank lines separate blocks; a list or quote without blank lines
 * counts as one, which only errs on the side of refusing). Linear, and a
 * body with fewer brackets in total is not even split into lines.
 */
export function checkBracketLimit(markdown: string): void {
  if (countBrackets(markdown, 0, markdown.length) <= MAX_BRACKETS) return;
  let blockLine = 1;
  let line = 1;
  let count = 0;
  for (let start = 0; start <= markdown.length; line += 1) {
    const newline = markdown.indexOf('\n', start);
    const end = newline === -1 ? markdown.length : newline;
    if (markdown.slice(start, end).trim() === '') {
      count = 0;
      blockLine = line + 1;
    } else {
      count += countBrackets(markdown, start, end);
      if (count > MAX_BRACKETS) throw createBracketError(blockLine);
    }
    if (newline === -1) break;
    start = newline + 1;
  }
}

function countBrackets(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf(']', from); index !== -1 && index < to; index = text.indexOf(']', index + 1))
    count += 1;
  return count;
}

function createBracketError(line: number): NewsgenError {
  return new NewsgenError(
    `Unexpected more than ${MAX_BRACKETS.toLocaleString('en')} \`]\` in one paragraph, expected fewer: the Markdown parser slows down with the square of their number`,
    {
      code: MARKDOWN_BRACKETS,
      place: { line, column: 1 },
      hint: 'Split the paragraph with blank lines, or write brackets that are not links as \\].',
    },
  );
}
