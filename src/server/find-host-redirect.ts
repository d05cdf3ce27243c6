import { readFile, stat } from 'node:fs/promises';
import { type HostRedirect, parseHostRedirects } from './parse-host-redirects.js';
import { parseRequestPath, resolveRequestPath } from './resolve-request-path.js';

/** A redirect to answer: the status and the `Location`. */
export interface HostRedirectAnswer {
  readonly status: HostRedirect['status'];
  readonly location: string;
}

/** Finds the redirect the served folder's `_redirects` gives a request; see {@link createRedirectFinder}. */
export type RedirectFinder = (root: string, target: string) => Promise<HostRedirectAnswer | undefined>;

/**
 * Answers requests from the `_redirects` at the root of the served folder
 * (the one newsgen writes, or the site's own from `static/`), as Netlify and
 * Cloudflare Pages would: exact paths, folders (`/berita/*`), placeholders
 * and, as Netlify does, query parameters. A rule is answered before a file
 * at its path, as Cloudflare Pages and the nginx map do. The file is read
 * through the path guard and parsed again only when it changes.
 */
export function createRedirectFinder(): RedirectFinder {
  let cached: { readonly stamp: string; readonly rules: readonly HostRedirect[] } | undefined;
  async function load(root: string): Promise<readonly HostRedirect[]> {
    const file = await resolveRequestPath(root, '/_redirects');
    if (file.kind !== 'file') return [];
    const info = await stat(file.file).catch(() => undefined);
    if (info === undefined) return [];
    const stamp = `${file.file}\0${info.ino}\0${info.size}\0${info.mtimeMs}`;
    if (cached?.stamp !== stamp) cached = { stamp, rules: parseHostRedirects(await readFile(file.file, 'utf8')) };
    return cached.rules;
  }
  return async (root, target) => {
    const parsed = parseRequestPath(target);
    // A path the guard refuses is refused by the file answer, never redirected.
    if (!parsed.ok) return undefined;
    const rules = await load(root);
    if (rules.length === 0) return undefined;
    const query = new URLSearchParams(target.includes('?') ? target.slice(target.indexOf('?') + 1) : '');
    for (const rule of rules) {
      const found = matchRule(rule, parsed.segments, parsed.trailingSlash, query);
      if (found === undefined) continue;
      const location = fillTarget(rule, found, target);
      // A rule leading to the address asked for would loop: the file there is served.
      return location === undefined || location === target ? undefined : { status: rule.status, location };
    }
    return undefined;
  };
}

/** The values a rule's placeholders take for a request (`splat` for `*`), or undefined when it does not match. */
function matchRule(
  rule: HostRedirect,
  segments: readonly string[],
  trailingSlash: boolean,
  query: URLSearchParams,
): Map<string, string> | undefined {
  const values = new Map<string, string>();
  const splat = rule.from.at(-1) === '*';
  const fixed = splat ? rule.from.slice(0, -1) : rule.from;
  if (splat ? segments.length < fixed.length : segments.length !== fixed.length) return undefined;
  for (const [index, part] of fixed.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith(':')) values.set(part.slice(1), encodeURIComponent(segment));
    else if (part !== segment) return undefined;
  }
  if (splat) {
    const rest = segments.slice(fixed.length).map(encodeURIComponent).join('/');
    values.set('splat', rest !== '' && trailingSlash ? `${rest}/` : rest);
  }
  for (const [name, value] of rule.query) {
    const given = query.get(name);
    if (given === null) return undefined;
    if (value.startsWith(':')) values.set(value.slice(1), encodeURIComponent(given));
    else if (given !== value) return undefined;
  }
  return values;
}

/**
 * The `Location` for a matched rule: its target with the placeholders
 * filled in (from decoded, checked segments, encoded again, so a request
 * cannot smuggle `//host` in), and the request's query passed on, as hosts
 * do, unless the rule matched on the query or its target has one.
 */
function fillTarget(rule: HostRedirect, values: ReadonlyMap<string, string>, target: string): string | undefined {
  let location = rule.to.replace(/:([A-Za-z_]\w*)/g, (whole, name: string) => values.get(name) ?? whole);
  // Paths only: `/:splat` with an empty splat, or a rule written `//x`, is never another host.
  if (location.startsWith('/')) location = location.replace(/^[/\\]+/, '/');
  const query = target.includes('?') ? target.slice(target.indexOf('?')) : '';
  return encodeLocation(rule.query.length === 0 && !location.includes('?') ? `${location}${query}` : location);
}

/** Where no request goes: a path is read against it, and must stay on it. */
const SAME_SITE = 'http://preview.invalid';

/**
 * The `Location` as a header can carry it: an address in Arabic or with an
 * accent percent-encoded as UTF-8 (and its host in punycode), as a browser
 * would send it, since a header holds no such character (Node refused it with a
 * 500) and a control character never reaches it. A path that the URL parser
 * would read as another host is refused (undefined).
 */
function encodeLocation(location: string): string | undefined {
  let url: URL;
  try {
    url = new URL(location, SAME_SITE);
  } catch {
    return undefined;
  }
  if (!location.startsWith('/')) return url.href;
  return url.origin === SAME_SITE ? `${url.pathname}${url.search}${url.hash}` : undefined;
}
