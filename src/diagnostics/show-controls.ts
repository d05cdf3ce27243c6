import { INVISIBLE_FORMAT_CLASS } from './invisible-format.js';

/**
 * Control characters, and the invisible format characters (bidirectional
 * controls that reorder a line, a zero-width space, a soft hyphen, a BOM:
 * see `INVISIBLE_FORMAT_NAMES`), as visible escapes (`\n`, `\r`, `\u001b`,
 * `\u202e`, `\u200b`). A message quotes what content wrote (a front matter
 * key, a tag, a file name, a plugin's text): a line break there began a line
 * of its own, which GitHub Actions reads as a workflow command
 * (`::error file=…::`) in a CI log, an escape sequence drove the terminal
 * (its title, its clipboard), and a zero-width space made a message about
 * two names show two that look alike. A tab is kept, and so are the
 * zero-width joiner and non-joiner, which Persian words and emoji need.
 */
const CONTROLS = new RegExp(`[\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f${INVISIBLE_FORMAT_CLASS}]`, 'g');

/** Printable ASCII only: nothing to escape (every character above is a control or outside ASCII). */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r' };

/**
 * `text` with its control characters escaped, for printing on one line (see
 * the file's comment); with `keepLines`, line breaks stay, for a format that
 * escapes them its own way (a GitHub annotation's `%0A`).
 */
export function showControls(text: string, keepLines = false): string {
  // Tested first: half the time of the replace, for the usual message, on 100,000 warnings a build.
  if (PRINTABLE_ASCII.test(text)) return text;
  return text.replace(CONTROLS, (char) =>
    keepLines && (char === '\n' || char === '\r')
      ? char
      : (NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}
