import slugify from '@sindresorhus/slugify';
import { isSlug } from './slug-pattern.js';

/** Printable ASCII and blanks, which NFC leaves as they are. */
const ASCII = /^[\t\n\v\f\r -~]*$/;
/** {@link ASCII} without `+` and `#`, the two symbols a name key spells out. */
const PLAIN_ASCII = /^[\t\n\v\f\r -"$-*,-~]*$/;

/**
 * Turns a display name or file name into a URL slug: lower case ASCII with
 * hyphens, transliterating accents (`Ünïcode` → `uenicode`). A name with
 * letters of a script without a transliteration keeps its letters, vowel
 * signs and all (`日本語` → `日本語`, `iPhone 15 发布` → `iphone-15-发布`,
 * `हिन्दी` → `हिन्दी`), rather than lose them and collide with another name.
 * Compatibility forms count as the letters they stand for (`ﬁ`, full-width
 * `ＡＩ`). A `+` or `#` that is part of a name is spelled out (`C++` →
 * `c-plus-plus`, `C#` → `c-sharp`), so such names do not all become `c`.
 * Returns an empty string only when the name has no letters or digits at all.
 */
export function createSlug(name: string): string {
  // Most names are slugs already (file names, `e-commerce`): skip slugify's many regex passes.
  if (isSlug(name)) return name;
  const spelled = spellOutSymbols(ASCII.test(name) ? name : name.normalize('NFKC'));
  const ascii = ASCII.test(spelled) || transliteratesAll(spelled) ? slugify(spelled, { decamelize: false }) : '';
  if (ascii) return ascii;
  return spelled
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** A letter outside ASCII. */
const NON_ASCII_LETTER = /[^\p{ASCII}\P{L}]/gu;

/** Whether slugify keeps something of every letter outside ASCII (`é`, `λ`, `ж`; not `发` or `ह`). */
function transliteratesAll(name: string): boolean {
  for (const [letter] of name.matchAll(NON_ASCII_LETTER)) if (!slugify(letter, { decamelize: false })) return false;
  return true;
}

/** `+` after a letter, digit or `+` (`C++`, `Disney+`), and `#` after a letter (`C#`, `F#`), as words. */
function spellOutSymbols(name: string): string {
  return name.replace(/(?<=[\p{L}\p{N}+])\+/gu, ' plus ').replace(/(?<=\p{L})#/gu, ' sharp ');
}

/**
 * What tells two names apart once they share a slug: the name in lower case,
 * NFC-normalised, with `+` and `#` spelled out and every run of other
 * characters that are not letters or digits as one `-`, compatibility forms
 * as the letters they stand for. `E-Commerce`, `e commerce`, `E_Commerce`
 * (and full-width `ＥＣＯＭＭＥＲＣＥ`) are one name; `José` and `Jose`,
 * which slugify alike, are two.
 */
export function createNameKey(name: string): string {
  // Most names are plain ASCII without `+` or `#` (`Penulis Y24`, `e-commerce`): for them
  // the Unicode classes below are ASCII letters and digits, and NFC changes nothing.
  if (PLAIN_ASCII.test(name))
    return name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return spellOutSymbols(normalizeName(name).normalize('NFKC'))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The key two spellings of one term share: NFC-normalised, case-folded,
 * whitespace collapsed. `E-Commerce` and `e-commerce` have one key.
 */
export function createTermKey(name: string): string {
  return normalizeName(name).toLowerCase();
}

/** A name as written, NFC-normalised with whitespace trimmed and collapsed: the spelling terms keep. */
export function normalizeName(name: string): string {
  return (ASCII.test(name) ? name : name.normalize('NFC')).trim().replace(/\s+/g, ' ');
}

/**
 * A memoising {@link createSlug} for one build: a site repeats the same few
 * hundred tag, section and author names thousands of times. The memo lives as
 * long as the returned function, never in module state.
 */
export function createSlugger(): (name: string) => string {
  return memoize((name) => createSlug(normalizeName(name)));
}

/** A memoising {@link createNameKey} for one build, as {@link createSlugger} is for slugs. */
export function createNameKeyer(): (name: string) => string {
  return memoize(createNameKey);
}

/**
 * A memoising {@link createSlug} of names exactly as written, for checking
 * the names of many files (every article repeats a few of the site's tags).
 */
export function createNameSlugChecker(): (name: string) => string {
  return memoize(createSlug);
}

function memoize(make: (name: string) => string): (name: string) => string {
  const memo = new Map<string, string>();
  return (name) => {
    let value = memo.get(name);
    if (value === undefined) memo.set(name, (value = make(name)));
    return value;
  };
}
