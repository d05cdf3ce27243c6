import { INVISIBLE_FORMAT_CLASS, INVISIBLE_FORMAT_NAMES } from '../diagnostics/invisible-format.js';

/** C0 and C1 controls, and the invisible format characters (see {@link INVISIBLE_FORMAT_NAMES}). */
const INVISIBLE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${INVISIBLE_FORMAT_CLASS}]`);

/** The controls a pasted address most often brings, by name: a line break cut it in two. */
const LINE_CONTROLS: Readonly<Record<string, string>> = {
  '\t': 'TAB',
  '\n': 'LINE FEED',
  '\r': 'CARRIAGE RETURN',
};

/**
 * The first character of `text` that a URL should not hold because no one
 * sees it: a bidirectional control that reorders what is shown around it
 * (U+202E makes `/berita/gpj.exe/` read as another address, the "Trojan
 * Source" trick), a zero-width space or other invisible format character,
 * or a C0 or C1 control. The zero-width joiner and non-joiner are not among
 * them: Persian words and emoji sequences need them, and they reorder
 * nothing. Described for a message, escaped (`\u202E (RIGHT-TO-LEFT
 * OVERRIDE)`); undefined when there is none. Letters of every
 * script, Arabic and CJK included, and %-escapes pass.
 */
export function findInvisibleCharacter(text: string): string | undefined {
  const found = INVISIBLE.exec(text)?.[0];
  if (found === undefined) return undefined;
  const name = INVISIBLE_FORMAT_NAMES[found] ?? LINE_CONTROLS[found] ?? 'a control character';
  return `${escapeCharacter(found)} (${name})`;
}

/**
 * {@link findInvisibleCharacter} in an address as written or once its
 * %-escapes are decoded (`/berita/%E2%80%AE/` is a folder named U+202E).
 */
export function findInvisibleInAddress(text: string): string | undefined {
  return findInvisibleCharacter(text) ?? findInvisibleCharacter(decodeEscapes(text));
}

/** `text` with its %-escapes decoded, or as it is when one does not decode. */
function decodeEscapes(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** `text` with the characters {@link findInvisibleCharacter} finds written as `\uXXXX`, to quote it visibly. */
export function showInvisible(text: string): string {
  return text.replace(new RegExp(INVISIBLE.source, 'g'), escapeCharacter);
}

function escapeCharacter(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
