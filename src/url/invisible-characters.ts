// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

/** Names of the characters besides C0 and C1 controls, as a reader looks them up. */
const NAMES: Readonly<Record<string, string>> = {
  '\u00ad': 'SOFT HYPHEN',
  '\u061c': 'ARABIC LETTER MARK',
  '\u200b': 'ZERO WIDTH SPACE',
  '\u200e': 'LEFT-TO-RIGHT MARK',
  '\u200f': 'RIGHT-TO-LEFT MARK',
  '\u202a': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202b': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202c': 'POP DIRECTIONAL FORMATTING',
  '\u202d': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202e': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2060': 'WORD JOINER',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
  '\ufeff': 'ZERO WIDTH NO-BREAK SPACE',
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
  const name = NAMES[found] ?? 'a control character';
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
