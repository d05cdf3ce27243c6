import type { Diagnostic, Place } from '../diagnostics/diagnostic.js';

/**
 * The warnings a cache file holds (`warnings.json`, see `SessionCache.loadWarnings`),
 * or undefined when any of them is not a warning as a build reports it. The
 * cache is a folder anyone with the checkout (or a CI cache restored from
 * another branch) may have written: a `null` there crashed an up-to-date build
 * with a stack trace, and an `error` was printed by a build that exited 0.
 * Undefined reads as warnings lost: the build runs again and finds them itself.
 */
export function readStoredWarnings(value: unknown): Diagnostic[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.every(isStoredWarning) ? (value as Diagnostic[]) : undefined;
}

function isStoredWarning(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { file, place, severity, reason, ruleId, hint, cause } = value as Record<string, unknown>;
  return (
    severity === 'warning' &&
    typeof file === 'string' &&
    typeof reason === 'string' &&
    typeof ruleId === 'string' &&
    (hint === undefined || typeof hint === 'string') &&
    (place === undefined || isPlace(place)) &&
    (cause === undefined || isCause(cause))
  );
}

function isCause(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { file, place } = value as Record<string, unknown>;
  return typeof file === 'string' && (place === undefined || isPlace(place));
}

function isPlace(value: unknown): value is Place {
  if (typeof value !== 'object' || value === null) return false;
  const { line, column } = value as Record<string, unknown>;
  return isPositive(line) && isPositive(column);
}

function isPositive(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 1;
}
