import { closestMatch } from 'leven';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { findForeignKey } from './foreign-keys.js';
import type { FrontMatter } from './front-matter.js';

/**
 * The keys a front matter mapping may hold: `true` for a value whose own
 * keys are not checked, a nested spec for a mapping whose keys are, and a
 * one-item list for a list of such mappings.
 */
export interface KeySpec {
  readonly [key: string]: true | KeySpec | readonly [KeySpec];
}

const IMAGE_KEYS: KeySpec = {
  src: true,
  alt: true,
  caption: true,
  credit: true,
  focus: true,
  width: true,
  height: true,
};
/** Custom data for templates: passed as it is, its keys never checked. */
const PARAMS = { params: true } as const;

/** Every front matter key an article may have. */
export const ARTICLE_KEYS: KeySpec = {
  title: true,
  date: true,
  updated: true,
  expires: true,
  author: true,
  authors: true,
  section: true,
  tags: true,
  image: IMAGE_KEYS,
  caption: true,
  summary: true,
  slug: true,
  id: true,
  dateline: true,
  editor: true,
  draft: true,
  corrections: [{ date: true, text: true }],
  aliases: true,
  redirect_from: true,
  featured: true,
  featuredUntil: true,
  kind: true,
  sponsor: true,
  live: true,
  liveUntil: true,
  ...PARAMS,
};

/** Every front matter key a standalone page (`content/pages/`) may have. */
export const PAGE_KEYS: KeySpec = {
  title: true,
  summary: true,
  description: true,
  image: IMAGE_KEYS,
  updated: true,
  layout: true,
  menu: true,
  aliases: true,
  redirect_from: true,
  draft: true,
  slug: true,
  ...PARAMS,
};

/** Every key of an author profile (front matter of `authors/<slug>.md`, or an entry of `authors.yml`). */
export const PROFILE_KEYS: KeySpec = {
  name: true,
  role: true,
  avatar: true,
  links: [{ name: true, url: true }],
  bio: true,
};

/**
 * Warns about every key `spec` does not list, at the key's place, naming the
 * nearest known key when one is close (`auther` → `author`): a typo would
 * otherwise drop the value without a word. Mappings are only checked where
 * the spec describes them; values of other shapes are left to the field
 * checks.
 */
export function checkUnknownKeys(frontMatter: Pick<FrontMatter, 'data' | 'locate'>, spec: KeySpec, file: string) {
  const warnings: Diagnostic[] = [];
  const visit = (value: unknown, keys: KeySpec, path: (string | number)[]): void => {
    if (!isMapping(value)) return;
    const known = Object.keys(keys);
    for (const [key, item] of Object.entries(value)) {
      // Own keys only: `constructor` or `toString` in front matter is no key of the spec.
      const entry = Object.hasOwn(keys, key) ? keys[key] : undefined;
      if (entry === undefined) {
        warnings.push(unknownKey(frontMatter, [...path, key], item, known, file));
      } else if (Array.isArray(entry)) {
        if (Array.isArray(item))
          for (const [index, element] of item.entries()) visit(element, entry[0], [...path, key, index]);
      } else if (entry !== true) {
        visit(item, entry as KeySpec, [...path, key]);
      }
    }
  };
  visit(frontMatter.data, spec, []);
  return warnings;
}

function unknownKey(
  frontMatter: Pick<FrontMatter, 'locate'>,
  path: readonly (string | number)[],
  value: unknown,
  known: readonly string[],
  file: string,
): Diagnostic {
  const key = String(path[path.length - 1]);
  const place = frontMatter.locate(path, { key: true });
  // Hugo's, Jekyll's and WordPress's names are no typos: a migrated site is told newsgen's name for each.
  const foreign = path.length === 1 ? findForeignKey(key, value, known) : undefined;
  if (foreign)
    return createDiagnostic({
      file,
      place,
      severity: 'warning',
      reason: `Unknown key "${key}", ignored: newsgen reads "${foreign.use}" for it`,
      ruleId: 'front-matter-unknown-key',
      hint: foreign.hint,
    });
  const nearest = closestMatch(key.toLowerCase(), known, { maxDistance: Math.max(2, Math.floor(key.length / 3)) });
  const where = path.length > 1 ? ` in \`${path.slice(0, -1).join('.')}\`` : '';
  return createDiagnostic({
    file,
    place,
    severity: 'warning',
    reason: `Unknown key "${key}"${where}${nearest ? `, did you mean "${nearest}"?` : ', ignored'}`,
    ruleId: 'front-matter-unknown-key',
    hint: nearest
      ? `Rename it to \`${nearest}\`; custom data for templates goes under \`params:\`.`
      : `Check the spelling against the front matter reference; custom data for templates goes under \`params:\`.`,
  });
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
