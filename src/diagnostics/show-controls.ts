/**
 * Control characters, and the bidirectional controls that reorder a line, as
 * visible escapes (`\n`, `\r`, `\u001b`, `\u202e`). A message quotes what
 * content wrote (a front matter key, a tag, a file name, a plugin's text): a
 * line break there began a line of its own, which GitHub Actions reads as a
 * workflow command (`::error file=…::`) in a CI log, and an escape sequence
 * drove the terminal (its title, its clipboard). A tab is kept.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r' };

/**
 * `text` with its control characters escaped, for printing on one line (see
 * the file's comment); with `keepLines`, line breaks stay, for a format that
 * escapes them its own way (a GitHub annotation's `%0A`).
 */
export function showControls(text: string, keepLines = false): string {
  return text.replace(CONTROLS, (char) =>
    keepLines && (char === '\n' || char === '\r')
      ? char
      : (NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}
