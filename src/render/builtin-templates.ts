import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { PrecompiledTemplates } from './compile-templates.js';
import type { TemplateSource } from './read-theme-files.js';

/**
 * Where the package keeps the built-in theme's compiled templates, beside the
 * bundle (see scripts/bundle.mjs): JSON, gzipped (the code is 190 KB as text, 11 KB packed).
 */
export const BUILTIN_TEMPLATES_FILE = 'builtin-templates.json.gz';

/** What the file holds: the key of the exact template sources it was compiled from, and each template's code. */
export interface BuiltinTemplates {
  readonly key: string;
  readonly precompiled: PrecompiledTemplates;
}

/** Identifies one exact set of template sources (names and text): compiled code is reused only for the same key. */
export function templatesKey(templates: readonly TemplateSource[]): string {
  const names = JSON.stringify(templates.map((template) => [template.name, template.source]));
  return createHash('sha1').update(names).digest('hex');
}

/**
 * The code the package build generated for the built-in theme, when `key`
 * is its key (a site without template overrides or plugin partials): a build
 * without a cache then neither parses nor checks those templates again. Undefined
 * when the file is absent (running from source), unreadable or of other
 * templates.
 */
export async function readBuiltinTemplates(key: string): Promise<PrecompiledTemplates | undefined> {
  let parsed: unknown;
  try {
    // lib/bundle/ and lib/<folder>/ sit at the same depth: the file resolves from either.
    const packed = await readFile(new URL(`../bundle/${BUILTIN_TEMPLATES_FILE}`, import.meta.url));
    parsed = JSON.parse(gunzipSync(packed).toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { key: stored, precompiled } = parsed as Partial<BuiltinTemplates>;
  if (stored !== key || typeof precompiled !== 'object' || precompiled === null) return undefined;
  return Object.values(precompiled).every((spec) => typeof spec === 'string') ? precompiled : undefined;
}
