/**
 * The invisible format characters besides C0 and C1 controls, by name: a
 * bidirectional control that reorders what is shown around it (U+202E, the
 * "Trojan Source" trick), a zero-width space, a soft hyphen, a byte order
 * mark, a word joiner or a direction mark. A name holding one looks like
 * the name without it. The zero-width joiner and non-joiner are not among
 * them: Persian words and emoji sequences need them, and they reorder
 * nothing. Shared by the URL checks and the printing of messages.
 */
export const INVISIBLE_FORMAT_NAMES: Readonly<Record<string, string>> = {
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

/** {@link INVISIBLE_FORMAT_NAMES}' characters as the inside of a regular expression's character class. */
export const INVISIBLE_FORMAT_CLASS = Object.keys(INVISIBLE_FORMAT_NAMES).join('');
