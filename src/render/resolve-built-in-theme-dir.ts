import { fileURLToPath } from 'node:url';

/**
 * The folder of the built-in news theme (`templates/` at the package root).
 * Works from `src/render/` (tests) and `lib/render/` (the published build).
 */
export function resolveBuiltInThemeDir(): string {
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}
