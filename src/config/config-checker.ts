import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ErrorCode } from '../diagnostics/error-codes.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import type { KeyTree } from './config-keys.js';
import type { LoadedConfig } from './loaded-config.js';

/** A path of keys and list indexes into the config value. */
export type KeyPath = readonly (string | number)[];

/** Collects positioned config errors and warnings while values are read, and reads values by type. */
export type ConfigChecker = ReturnType<typeof createConfigChecker>;

/**
 * A checker for one loaded config: every problem becomes a diagnostic at the
 * key's place, so a file with several mistakes reports them all at once.
 */
export function createConfigChecker(loaded: LoadedConfig) {
  const file = loaded.displayPath ?? 'newsgen.config';
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const report = (
    list: Diagnostic[],
    severity: 'error' | 'warning',
    keyPath: KeyPath,
    reason: string,
    ruleId: ErrorCode = severity === 'error' ? 'config-invalid' : 'config-unknown-key',
  ) =>
    list.push(
      createDiagnostic({
        file,
        place: loaded.locate(keyPath),
        reason: keyPath.length ? `${reason} (key \`${keyPath.join('.')}\`)` : reason,
        ruleId,
        severity,
      }),
    );
  const checker = {
    errors,
    warnings,
    error: (keyPath: KeyPath, reason: string, ruleId?: ErrorCode) => report(errors, 'error', keyPath, reason, ruleId),
    warn: (keyPath: KeyPath, reason: string, ruleId?: ErrorCode) =>
      report(warnings, 'warning', keyPath, reason, ruleId),
    failure: () =>
      new NewsgenError(`Invalid config in ${file}`, {
        code: 'config-invalid',
        file,
        place: errors[0]?.place,
        // With its warnings: `perPgae: 5` is often why `perPage` is wrong or missing.
        diagnostics: [...errors, ...warnings],
      }),
    /** Warns about every key of `object` (and of its nested objects) that `known` does not list. */
    checkKeys(object: Record<string, unknown>, known: KeyTree, parent: KeyPath = []): void {
      for (const [key, value] of Object.entries(object)) {
        const entry = known[key];
        if (entry === undefined) checker.warn([...parent, key], `Unknown config key \`${key}\`, ignored`);
        else if (entry !== true && typeof value === 'object' && value !== null && !Array.isArray(value))
          checker.checkKeys(value as Record<string, unknown>, entry, [...parent, key]);
      }
    },
    text(object: Record<string, unknown>, key: string, parent: string[] = []): string | undefined {
      const value = object[key];
      if (value === undefined || value === null) return undefined;
      if (typeof value === 'string') return value;
      checker.error([...parent, key], `Unexpected ${describeType(value)}, expected text`);
      return undefined;
    },
    integer(object: Record<string, unknown>, key: string, min: number, parent: string[] = []): number | undefined {
      const value = object[key];
      if (value === undefined || value === null) return undefined;
      if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
      checker.error(
        [...parent, key],
        // A number too large for a double (`1e400`) is Infinity, which JSON would print as null.
        `Unexpected ${typeof value === 'number' && !Number.isFinite(value) ? 'a number too large to hold' : JSON.stringify(value)}, expected a whole number of at least ${min}`,
      );
      return undefined;
    },
    flag(object: Record<string, unknown>, key: string, parent: string[] = []): boolean | undefined {
      const value = object[key];
      if (value === undefined || value === null) return undefined;
      if (typeof value === 'boolean') return value;
      checker.error([...parent, key], `Unexpected ${JSON.stringify(value)}, expected true or false`);
      return undefined;
    },
    object(object: Record<string, unknown>, key: string, parent: string[] = []): Record<string, unknown> {
      const value = object[key];
      if (value === undefined || value === null) return {};
      if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
      checker.error([...parent, key], 'Unexpected value, expected an object');
      return {};
    },
  };
  return checker;
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' ? 'object' : typeof value;
}
