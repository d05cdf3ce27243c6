import slugify from '@sindresorhus/slugify';

/**
 * Turns a display name or file name into a URL slug: lower case ASCII with
 * hyphens, transliterating accents (`Ünïcode` → `uenicode`). Scripts without a
 * transliteration keep their letters (`日本語` → `日本語`) rather than vanish.
 * Returns an empty string only when the name has no letters or digits at all.
 */
export function createSlug(name: string): string {
  const ascii = slugify(name, { decamelize: false });
  if (ascii) return ascii;
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The key two spellings of one term share: NFC-normalised, case-folded,
 * whitespace collapsed. `E-Commerce` and `e-commerce` have one key.
 */
export function createTermKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
