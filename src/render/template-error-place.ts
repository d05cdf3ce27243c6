import type { Place } from '../diagnostics/diagnostic.js';

/**
 * Finds where Handlebars says a template error is: from the `lineNumber`/`column`
 * an `Exception` carries, from a parser `hash.loc`, or from the text of a parse
 * error ("Parse error on line N:" plus the `---^` pointer under a snippet).
 * Returns undefined when the error names no position.
 */
export function findTemplateErrorPlace(error: unknown, source: string): Place | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as Record<string, unknown>;
  if (typeof record['lineNumber'] === 'number') {
    const column = typeof record['column'] === 'number' ? record['column'] + 1 : 1;
    return { line: record['lineNumber'], column };
  }
  const fromHash = readHashPlace(record['hash']);
  if (fromHash) return fromHash;
  return typeof record['message'] === 'string' ? readMessagePlace(record['message'], source) : undefined;
}

function readHashPlace(hash: unknown): Place | undefined {
  if (typeof hash !== 'object' || hash === null) return undefined;
  const loc = (hash as Record<string, unknown>)['loc'];
  if (typeof loc !== 'object' || loc === null) return undefined;
  const { first_line: line, first_column: column } = loc as Record<string, unknown>;
  return typeof line === 'number' && typeof column === 'number' ? { line, column: column + 1 } : undefined;
}

function readMessagePlace(message: string, source: string): Place | undefined {
  const lineMatch = /error on line (\d+)/.exec(message);
  if (!lineMatch?.[1]) return undefined;
  const line = Number(lineMatch[1]);
  const lines = message.split('\n');
  const pointerIndex = lines.findIndex((text) => /^-*\^$/.test(text));
  const snippet = pointerIndex > 0 ? lines[pointerIndex - 1] : undefined;
  const pointer = pointerIndex > 0 ? lines[pointerIndex] : undefined;
  const sourceLine = source.split(/\r?\n/)[line - 1];
  if (snippet === undefined || pointer === undefined || sourceLine === undefined) return { line, column: 1 };
  const before = snippet.slice(0, pointer.length - 1).replace(/^\.\.\./, '');
  return { line, column: locateColumn(sourceLine, before) + 1 };
}

/**
 * The parser shows (at most) the last 20 characters before the error with
 * newlines removed; find the 0-based column on the error line they end at.
 */
function locateColumn(sourceLine: string, before: string): number {
  for (let column = 0; column <= sourceLine.length; column += 1) {
    if (before.length > 0 && sourceLine.slice(0, column).endsWith(before)) return column;
  }
  for (let column = sourceLine.length; column >= 0; column -= 1) {
    if (before.endsWith(sourceLine.slice(0, column))) return column;
  }
  return 0;
}
