import type Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';

/** An isolated Handlebars environment, as returned by `Handlebars.create()`. */
export type HandlebarsEnvironment = ReturnType<typeof Handlebars.create>;

/**
 * Registers the theme's helpers on one Handlebars environment. All are pure:
 * no I/O, no clock. Helpers that return HTML escape their inputs.
 *
 * - `{{t "key" name=value}}`: the UI string `key` (looked up in the page's
 *   `site.strings`, then in `strings`), `{name}` placeholders filled from the
 *   hash; with a `count`, the string of its plural category in the page's
 *   locale (`Intl.PluralRules`) is used when it exists: `keyZero`, `keyOne`,
 *   `keyTwo`, `keyFew`, `keyMany` (`articlesCountFew`), else `key` (and
 *   `keyOne` for a count of 1 in any locale); numbers are written in the
 *   locale's digits; an unknown key prints the key itself.
 * - `{{eq a b}}`, `{{gt a b}}`, `{{and a b …}}`, `{{or a b …}}`, `{{not a}}`:
 *   conditions for `#if` (empty arrays count as false).
 * - `{{join-names authors}}`: links to each term's page (each in its own direction, `dir="auto"`), joined with commas and
 *   the locale's `and` string (`A, B dan C`).
 */
export function registerHelpers(hbs: HandlebarsEnvironment, strings: Strings): void {
  // Made once per locale and environment: Intl objects are costly, and the same for every page of a site.
  const rulesByLocale = new Map<string, LocaleRules | undefined>();
  const pickRules = (options: HelperOptions): LocaleRules | undefined => {
    const locale = readSite(options, 'locale');
    if (typeof locale !== 'string') return undefined;
    if (!rulesByLocale.has(locale)) rulesByLocale.set(locale, createLocaleRules(locale));
    return rulesByLocale.get(locale);
  };
  hbs.registerHelper('t', (...args: unknown[]) => {
    const options = args.pop() as HelperOptions;
    // Without this, `{{t}}` fails inside the helper with a message about its own internals.
    if (args.length !== 1) throw new Error(`{{t}} takes one key, as in {{t "readMore"}}; it was given ${args.length}`);
    return translate(pickStrings(options, strings), String(args[0]), options.hash, pickRules(options));
  });
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  hbs.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(isTruthy));
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(isTruthy));
  hbs.registerHelper('not', (value: unknown) => !isTruthy(value));
  hbs.registerHelper('join-names', (terms: unknown, options: HelperOptions) => {
    const links = readLinks(terms).map(
      (link) => `<a href="${hbs.escapeExpression(link.url)}" dir="auto">${hbs.escapeExpression(link.name)}</a>`,
    );
    return new hbs.SafeString(
      joinWithAnd(links, hbs.escapeExpression(translate(pickStrings(options, strings), 'and', {}))),
    );
  });
  hbs.registerHelper('helperMissing', missingHelper);
}

/**
 * Handlebars' own `helperMissing` with the place of the call: its error
 * gave none, so a template's unknown helper could not be shown at its line.
 * `{{name}}` alone is a field that is not there, printed as nothing.
 */
function missingHelper(...args: unknown[]): undefined {
  if (args.length === 1) return undefined;
  const options = args.at(-1) as { name?: string; loc?: { start?: { line: number; column: number } } };
  const start = options.loc?.start;
  const error = new Error(`Missing helper: "${options.name ?? ''}"`);
  // Read by `findTemplateErrorPlace`, as on Handlebars' own positioned errors (0-based column).
  throw start ? Object.assign(error, { lineNumber: start.line, column: start.column }) : error;
}

/** A UI string dictionary; several are searched in order. */
export type Strings = Readonly<Record<string, string>>;

/**
 * Looks up a UI string in the first dictionary that has it and fills its
 * `{name}` placeholders (raw text; the caller escapes). With a locale's `rules`, a
 * numeric `count` picks the string of its plural category and numbers are
 * written as the locale writes them (without grouping: `2026`, not `2,026`).
 */
export function translate(
  dictionaries: readonly Strings[],
  key: string,
  values: Readonly<Record<string, unknown>>,
  rules?: LocaleRules,
): string {
  const count = values['count'];
  const category = typeof count === 'number' && rules ? rules.plural.select(count) : 'other';
  // `keyOne` for 1 also where the locale's rules put 1 in `other` (Indonesian), as sites may override it.
  const template =
    (category === 'other'
      ? undefined
      : findString(dictionaries, key + category.charAt(0).toUpperCase() + category.slice(1))) ??
    (count === 1 ? findString(dictionaries, `${key}One`) : undefined) ??
    findString(dictionaries, key);
  return (template ?? key).replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    if (!Object.hasOwn(values, name)) return placeholder;
    const value = values[name];
    return typeof value === 'number' && rules ? rules.digits.format(value) : String(value);
  });
}

/** A locale's plural rules and number format, for {@link translate}. */
export interface LocaleRules {
  readonly plural: Intl.PluralRules;
  readonly digits: Intl.NumberFormat;
}

/** The rules of a locale, or undefined for one the runtime refuses (a template's own data, not the config). */
export function createLocaleRules(locale: string): LocaleRules | undefined {
  try {
    return { plural: new Intl.PluralRules(locale), digits: new Intl.NumberFormat(locale, { useGrouping: false }) };
  } catch {
    return undefined;
  }
}

function findString(dictionaries: readonly Strings[], key: string): string | undefined {
  for (const dictionary of dictionaries) {
    if (Object.hasOwn(dictionary, key)) return dictionary[key];
  }
  return undefined;
}

/**
 * The page's own `site.strings` (config overrides applied by the model), then
 * the renderer's strings, so either source alone is enough.
 */
function pickStrings(options: HelperOptions, fallback: Strings): readonly Strings[] {
  const own = readSite(options, 'strings');
  return typeof own === 'object' && own !== null ? [own as Strings, fallback] : [fallback];
}

/** A field of the page's `site`. */
function readSite(options: HelperOptions, field: string): unknown {
  const root: unknown = (options.data as { root?: unknown } | undefined)?.root;
  const site: unknown = typeof root === 'object' && root !== null ? (root as { site?: unknown }).site : undefined;
  return typeof site === 'object' && site !== null ? (site as Record<string, unknown>)[field] : undefined;
}

/**
 * `A`, `A and B`, `A, B and C`. Arabic writes its "and" (`و`) joined to the
 * next word and after each name, with no comma (`أ وب وج`), as CLDR's
 * Arabic lists do.
 */
function joinWithAnd(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  if (and === 'و') return items.join(' و');
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
