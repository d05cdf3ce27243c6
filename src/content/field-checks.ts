import { createDiagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import type { ErrorCode, FrontMatterField } from '../diagnostics/error-codes.js';
import type { FrontMatter } from './front-matter.js';

/** Collects the diagnostics of one file while its fields are checked. */
export interface FieldContext {
  readonly file: string;
  readonly frontMatter: FrontMatter;
  readonly diagnostics: Diagnostic[];
  /** Warnings of the file's fields (probable mistakes that do not stop it), when the caller collects them. */
  readonly warnings?: Diagnostic[];
}

/**
 * Records an error at the value of `path` (or at the key, or line 1 when
 * absent); with `severity` warning, a warning, when the context collects them.
 */
export function reportField(
  context: FieldContext,
  path: readonly (string | number)[],
  reason: string,
  ruleId: ErrorCode,
  hint?: string,
  severity: 'error' | 'warning' = 'error',
): void {
  const place: Place | undefined = context.frontMatter.locate(path) ??
    context.frontMatter.locate(path, { key: true }) ?? { line: 1, column: 1 };
  const diagnostic = createDiagnostic({ file: context.file, place, severity, reason, ruleId, hint });
  if (severity === 'error') context.diagnostics.push(diagnostic);
  else context.warnings?.push(diagnostic);
}

/** Describes a YAML value's type for messages ("a list", "a number"). */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return value.trim() === '' ? 'an empty string' : 'text';
  return `a ${typeof value}`;
}

/** An optional text field: strings kept, numbers turned to text, anything else reported. */
export function readText(
  context: FieldContext,
  key: FrontMatterField,
  value: unknown,
  options: { required?: boolean } = {},
): string | undefined {
  if (value === undefined || value === null) {
    if (options.required)
      reportField(
        context,
        [key],
        `Missing \`${key}\`, expected text`,
        `front-matter-${key}`,
        `Add a \`${key}:\` line to the front matter.`,
      );
    return undefined;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string' || (options.required && value.trim() === '')) {
    reportField(
      context,
      [key],
      `Unexpected ${describeValue(value)} for \`${key}\`, expected text`,
      `front-matter-${key}`,
      textHint(key),
    );
    return undefined;
  }
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * A list of names: a list of strings, or one string meaning a one-item list.
 * One string that reads as a list with commas (`tags: banjir, semarang`, as
 * Hugo and WordPress exports write) stays one name, with a warning: a name
 * may hold a comma (see {@link isCommaList}), and a list says which.
 */
export function readNames(context: FieldContext, key: FrontMatterField, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string' && isDashList(value)) {
    reportDashList(context, key, value);
    return [];
  }
  if (typeof value === 'string' && isCommaList(key, value)) {
    const names = value.split(',').map((name) => name.trim());
    reportField(
      context,
      [key],
      `Unexpected one name with commas for \`${key}\` ("${value.trim()}"), expected a list: it is read as one ${key === 'tags' ? 'tag' : 'author'}`,
      `front-matter-${key}`,
      `Write a list, \`${key}: [${names.join(', ')}]\`; for one name with a comma, quote it in a list: \`${key}: ["${value.trim()}"]\`.`,
      'warning',
    );
  }
  const items = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  items.forEach((item, index) => {
    if (typeof item === 'string' || typeof item === 'number') {
      const name = String(item).trim();
      if (name && !names.includes(name)) names.push(name);
    } else {
      const path = Array.isArray(value) ? [key, index] : [key];
      reportField(
        context,
        path,
        `Unexpected ${describeValue(item)} in \`${key}\`, expected a name`,
        `front-matter-${key}`,
        `Write \`${key}: [First, Second]\` or one name per \`- \` line.`,
      );
    }
  });
  return names;
}

/**
 * Whether one string of names reads as a list: for tags, a comma not
 * between digits (`1,5 derajat` is one tag, in a locale with decimal
 * commas); for authors, commas between two names of several words
 * (`Andi Wijaya, Siti Aminah`), not a title after a name (`Andi Wijaya,
 * M.Si.`, `Smith, Jr.`) or a surname first (`Wijaya, Andi`).
 */
function isCommaList(key: FrontMatterField, value: string): boolean {
  const parts = value.split(',').map((part) => part.trim());
  if (parts.filter((part) => part !== '').length < 2) return false;
  if (key === 'tags') return /(?<!\d),|,(?!\d)/.test(value);
  return parts.filter((part) => /\S\s+\S/.test(part)).length >= 2;
}

/**
 * Whether one string of names is list items written without the space
 * after their dash (`-banjir` lines under `tags:`), which YAML reads as one
 * plain string, "-banjir -semarang". No tag or author name starts with a
 * dash, so this is an error rather than a guess: publishing it would make
 * a tag page of its own for a name no one wrote.
 */
function isDashList(value: string): boolean {
  return /^-[^\s-]/.test(value.trim());
}

function reportDashList(context: FieldContext, key: FrontMatterField, value: string): void {
  const items = value
    .trim()
    .split(/\s+-(?=[^\s-])/)
    .map((item) => item.replace(/^-/, ''));
  reportField(
    context,
    [key],
    `Unexpected "${value.trim()}" for \`${key}\`, expected a list: a list item needs a space after its dash, so YAML read ${items.length === 1 ? 'it' : `these ${items.length} lines`} as one name`,
    `front-matter-${key}`,
    `Write a space after each dash, one item per line: ${items.map((item) => `\`- ${item}\``).join(', ')}.`,
  );
}

/** The hint of every `date-skipped-time` warning: a front matter date's, or a live update's time. */
export const SKIPPED_TIME_HINT =
  'Write the time as the clocks showed it, before or after the change, or give an offset (`+01:00`).';

/** The reason of a `date-skipped-time` warning: `what` (`\`date\``, `:::update time`) `written` in a gap of `timeZone`, read as `iso`. */
export function describeSkippedTime(what: string, written: string, timeZone: string, iso: string): string {
  return `Unexpected ${what} ${written} at a time the clocks skip in ${timeZone} (they go forward over it), read as ${iso}`;
}

/**
 * A `date-skipped-time` warning at `key` when `parseDate` read its wall time
 * in a gap the clocks skip (they go forward over it): read as the instant
 * after the gap, which an editor should see.
 */
export function reportSkippedTime(
  context: FieldContext,
  key: string,
  written: unknown,
  timeZone: string,
  read: { readonly skipped?: true; readonly instant: { readonly iso: string } },
): void {
  if (!read.skipped) return;
  const reason = describeSkippedTime(`\`${key}\``, String(written), timeZone, read.instant.iso);
  reportField(context, [key], reason, 'date-skipped-time', SKIPPED_TIME_HINT, 'warning');
}

/** A boolean field; anything but `true`/`false` is reported. */
export function readBoolean(context: FieldContext, key: FrontMatterField, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  reportField(
    context,
    [key],
    `Unexpected ${describeValue(value)} for \`${key}\`, expected true or false`,
    `front-matter-${key}`,
  );
  return false;
}

function textHint(key: string): string {
  return `Write \`${key}\` as one line of text; quote it if it starts with [ or { or contains ": ".`;
}
