import type { Place } from '../diagnostics/diagnostic.js';
import { decodeSitePath } from '../url/decode-site-path.js';
import { findInvisibleInAddress, showInvisible } from '../url/invisible-characters.js';
import { describeValue, type FieldContext, reportField } from './field-checks.js';

/** An old address of a page, from `aliases:`, with where it is written. */
export interface Alias {
  /** As written: a site path (`/lama/banjir/`) or an absolute URL under the site's `baseUrl`. */
  readonly path: string;
  readonly place: Place | undefined;
}

/** Custom front matter for templates, passed as it is. */
export type Params = Readonly<Record<string, unknown>>;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses in paths.
const UNSAFE_PATH = /[\u0000-\u001f\u007f\\?#\s]/;

/** Front matter keys that list old addresses: `aliases` (Hugo's name) and `redirect_from` (Jekyll's). */
const ALIAS_KEYS = ['aliases', 'redirect_from'] as const;

/**
 * `aliases` (or `redirect_from`): a list of old addresses (or one), each a
 * site path or an absolute http(s) URL. Checked here for what can be told
 * from the text alone (no `..`, no query or fragment, no spaces); whether a
 * URL lies within the site, and collisions, are checked with the whole site.
 */
export function readAliases(context: FieldContext, data: Readonly<Record<string, unknown>>): Alias[] {
  const aliases: Alias[] = [];
  for (const key of ALIAS_KEYS) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    const items: unknown[] = Array.isArray(value) ? value : [value];
    items.forEach((item, index) => {
      const path = Array.isArray(value) ? [key, index] : [key];
      const invisible = typeof item === 'string' ? describeInvisibleInAlias(item.trim()) : undefined;
      if (invisible) {
        reportField(context, path, invisible, 'url-invisible-character');
        return;
      }
      const problem = describeAliasProblem(item);
      if (problem) {
        reportField(
          context,
          path,
          problem,
          'front-matter-aliases',
          describeQueryRule(item) ?? 'Write each old address as a path of this site, such as `/lama/banjir-semarang/`.',
        );
        return;
      }
      const text = (item as string).trim();
      if (!aliases.some((alias) => alias.path === text))
        aliases.push({ path: text, place: context.frontMatter.locate(path) });
    });
  }
  return aliases;
}

/** An alias holding a character no one sees, as written or once its %-escapes are decoded (`%E2%80%AE`). */
function describeInvisibleInAlias(text: string): string | undefined {
  const found = findInvisibleInAddress(text);
  if (found === undefined) return undefined;
  return `Unexpected ${found} in alias "${showInvisible(text)}", expected an address of visible characters only`;
}

function describeAliasProblem(item: unknown): string | undefined {
  if (typeof item !== 'string' || item.trim() === '')
    return `Unexpected ${describeValue(item)} in \`aliases\`, expected a path such as /lama/berita/`;
  const text = item.trim();
  const absolute = /^https?:\/\//i.test(text);
  if (!absolute && !text.startsWith('/'))
    return `Unexpected alias "${text}", expected a path from the site's root, starting with /`;
  const pathPart = absolute ? text.replace(/^https?:\/\/[^/]*/i, '') : text;
  if (text.startsWith('//') || UNSAFE_PATH.test(pathPart))
    return `Unexpected alias "${text}", expected a plain path without spaces, backslashes, query (?) or fragment (#)`;
  if (pathPart.split('/').some((segment) => segment === '..' || segment === '.'))
    return `Unexpected alias "${text}" with a . or .. segment, expected a path inside the site`;
  if (pathPart.includes('//'))
    return `Unexpected alias "${text}" with an empty segment (//), expected one / between names`;
  if (decodeSitePath(pathPart) === undefined)
    return `Unexpected alias "${text}" with a %-escape that does not decode to a plain path character (an encoded /, \\, ?, # or control character)`;
  return undefined;
}

/**
 * How to redirect an old address with a query (WordPress's `/?p=123`),
 * which redirect pages, Cloudflare Pages and the nginx map cannot match:
 * a Netlify `_redirects` rule in the static folder can. Forced (`301!`),
 * since Netlify serves a file at the path (the home page at `/`) before an
 * unforced rule. Undefined for an alias with no query.
 */
function describeQueryRule(item: unknown): string | undefined {
  if (typeof item !== 'string') return undefined;
  const match = /^(?:https?:\/\/[^/?#]*)?(\/[^?#\s]*)\?([^#\s]+)$/i.exec(item.trim());
  if (!match) return undefined;
  const [, path = '/', query = ''] = match;
  const params = query.split('&').filter((param) => param !== '');
  if (params.length === 0) return undefined;
  return `Hosts match redirects by path only: remove the alias. On Netlify, add \`${path} ${params.join(' ')} /its/new/address/ 301!\` to static/_redirects: newsgen writes its own rules after it.`;
}

/** `params`: a mapping of anything, for templates; absent is an empty mapping. */
export function readParams(context: FieldContext, value: unknown): Params {
  if (value === undefined || value === null) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Params;
  reportField(
    context,
    ['params'],
    `Unexpected ${describeValue(value)} for \`params\`, expected a mapping of your own keys`,
    'front-matter-params',
    'Write `params:` followed by indented `key: value` lines.',
  );
  return {};
}
