import { findInvisibleInAddress, showInvisible } from '../url/invisible-characters.js';
import type { ConfigChecker, KeyPath } from './config-checker.js';
import type { LoadedConfig } from './loaded-config.js';
import { placeOf } from './resolve-menus.js';
import type { RedirectConfig } from './resolved-config.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses in paths.
const UNSAFE = /[\u0000-\u001f\u007f\\?#\s]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses in URLs.
const BLANK_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\s]/;

/**
 * `redirects: [{ from, to }]`: `from` is a path of the site, `to` a path of
 * the site or an http(s) URL; a `*` ending both moves everything below a
 * folder (`/berita/*` → `/nasional/*`). Shape problems are config errors at
 * the key; collisions and chains are checked with the whole site.
 */
export function resolveRedirects(check: ConfigChecker, loaded: LoadedConfig, value: unknown): RedirectConfig[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    check.error(['redirects'], 'Unexpected value, expected a list of `{ "from": "/lama/", "to": "/baru/" }`');
    return [];
  }
  return value.flatMap((item: unknown, index) => {
    const keyPath: KeyPath = ['redirects', index];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      check.error(keyPath, 'Unexpected redirect, expected `{ "from": "/lama/", "to": "/baru/" }`');
      return [];
    }
    const fields = item as Record<string, unknown>;
    for (const key of Object.keys(fields))
      if (key !== 'from' && key !== 'to') check.warn([...keyPath, key], `Unknown redirect key \`${key}\`, ignored`);
    const from = check.text(fields, 'from', keyPath.map(String))?.trim();
    const to = check.text(fields, 'to', keyPath.map(String))?.trim();
    if (from === undefined || to === undefined) {
      check.error(keyPath, 'Missing `from` or `to`, expected both');
      return [];
    }
    const invisible = reportInvisible(check, keyPath, { from, to });
    const problem = invisible ? undefined : (describeFromProblem(from) ?? describeToProblem(from, to));
    if (invisible) return [];
    if (problem) {
      check.error([...keyPath, problem.key], problem.reason);
      return [];
    }
    return [{ from, to, where: placeOf(loaded, [...keyPath, 'from']) }];
  });
}

/** Reports `from` or `to` holding a character no one sees (see `findInvisibleCharacter`); true when one does. */
function reportInvisible(check: ConfigChecker, keyPath: KeyPath, fields: { from: string; to: string }): boolean {
  let found = false;
  for (const key of ['from', 'to'] as const) {
    const character = findInvisibleInAddress(fields[key]);
    if (character === undefined) continue;
    found = true;
    check.error(
      [...keyPath, key],
      `Unexpected ${character} in ${key} "${showInvisible(fields[key])}", expected an address of visible characters only`,
      'url-invisible-character',
    );
  }
  return found;
}

function describeFromProblem(from: string): { key: 'from'; reason: string } | undefined {
  const path = from.endsWith('*') ? from.slice(0, -1) : from;
  if (!path.startsWith('/') || path.startsWith('//') || UNSAFE.test(path) || path.includes('*'))
    return { key: 'from', reason: `Unexpected from "${from}", expected a path of the site such as /lama/berita/` };
  if (from.endsWith('*') && !path.endsWith('/'))
    return { key: 'from', reason: `Unexpected from "${from}", expected a folder before the * (/berita/*)` };
  if (path.split('/').some((segment) => segment === '..' || segment === '.'))
    return { key: 'from', reason: `Unexpected from "${from}" with a . or .. segment, expected a path inside the site` };
  return undefined;
}

function describeToProblem(from: string, to: string): { key: 'to'; reason: string } | undefined {
  const external = /^https?:\/\/[^/\s]+/i.test(to);
  if (!external && (!to.startsWith('/') || to.startsWith('//') || UNSAFE.test(to.replace(/\*$/, ''))))
    return { key: 'to', reason: `Unexpected to "${to}", expected a path of the site or an http(s) URL` };
  // A redirect file's line is `from to 301`: a blank would split it, a line break start a rule of its own.
  if (external && (BLANK_OR_CONTROL.test(to) || !URL.canParse(to)))
    return {
      key: 'to',
      reason: `Unexpected to ${JSON.stringify(to)}, expected an http(s) URL without blanks or control characters (a space written %20)`,
    };
  if (from.endsWith('*') !== to.endsWith('*'))
    return { key: 'to', reason: `Unexpected to "${to}", expected a * at the end of both from and to, or of neither` };
  return undefined;
}
