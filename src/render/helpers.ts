import type Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';

/** An isolated Handlebars environment, as returned by `Handlebars.create()`. */
export type HandlebarsEnvironment = ReturnType<typeof Handlebars.create>;

/**
 * Registers the theme's helpers on one Handlebars environment. All are pure:
 * no I/O, no clock. Helpers that return HTML escape their inputs.
 *
 * - `{{t "key" name=value}}`: the UI string `key`, `{name}` placeholders filled
 *   from the hash; with `count=1` the `key.one` string is used when it exists;
 *   an unknown key prints the key itself.
 * - `{{eq a b}}`, `{{gt a b}}`, `{{and a b …}}`, `{{or a b …}}`, `{{not a}}`:
 *   conditions for `#if` (empty arrays count as false).
 * - `{{join-names authors}}`: links to each term's page, joined with commas and
 *   the locale's `and` string (`A, B dan C`).
 */
export function registerHelpers(hbs: HandlebarsEnvironment, strings: Readonly<Record<string, string>>): void {
  hbs.registerHelper('t', (key: unknown, options: HelperOptions) => translate(strings, String(key), options.hash));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  hbs.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(isTruthy));
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(isTruthy));
  hbs.registerHelper('not', (value: unknown) => !isTruthy(value));
  hbs.registerHelper('join-names', (terms: unknown) => {
    const links = readLinks(terms).map(
      (link) => `<a href="${hbs.escapeExpression(link.url)}">${hbs.escapeExpression(link.name)}</a>`,
    );
    return new hbs.SafeString(joinWithAnd(links, hbs.escapeExpression(translate(strings, 'and', {}))));
  });
}

/** Looks up a UI string and fills its `{name}` placeholders (raw text; the caller escapes). */
export function translate(
  strings: Readonly<Record<string, string>>,
  key: string,
  values: Readonly<Record<string, unknown>>,
): string {
  const pluralKey = `${key}.one`;
  const template =
    values['count'] === 1 && Object.hasOwn(strings, pluralKey)
      ? strings[pluralKey]
      : Object.hasOwn(strings, key)
        ? strings[key]
        : undefined;
  return (template ?? key).replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : placeholder,
  );
}

/** `A`, `A and B`, `A, B and C`. */
function joinWithAnd(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1) ?? ''}`;
}

function readLinks(value: unknown): { name: string; url: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { name, url } = item as Record<string, unknown>;
    return typeof name === 'string' && typeof url === 'string' ? [{ name, url }] : [];
  });
}

function isTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}
