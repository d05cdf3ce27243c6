import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { findInvisibleInAddress, showInvisible } from '../url/invisible-characters.js';
import { createSiteUrl, type SiteAddress } from '../url/site-url.js';
import type { Redirect } from './site.js';

/**
 * A redirect as a `_redirects` line gives it (Netlify, Cloudflare Pages):
 * paths with the base path, percent-encoded; `*` → `:splat`.
 */
export function formatHostRedirect(redirect: Redirect, address: SiteAddress): { from: string; to: string } {
  const site = createSiteUrl(address);
  const to = /^https?:\/\//i.test(redirect.to) ? redirect.to : encodeURI(site.href(redirect.to));
  // Redirect paths are decoded once when the site is modelled: a `%` left in one is a character of it.
  return { from: encodeURI(site.href(redirect.from)), to: to.replace(/\*$/, ':splat') };
}

/**
 * The rules of the site's own `_redirects` (`text`, shown as `file`) that
 * send an old address of the site's redirects elsewhere: the own rules come
 * first in the written file, so a host follows them and newsgen's rule
 * there is never used. A `redirect-shadowed` warning each, at the rule.
 * Rules with query parameters (`/ p=123 /x/`) or conditions (`Country=id`)
 * match only some requests and are left alone. Pure.
 */
export function checkHostRedirects(input: {
  readonly text: string;
  readonly file: string;
  readonly redirects: readonly Redirect[];
  readonly baseUrl: string;
}): Diagnostic[] {
  if (input.redirects.length === 0) return [];
  const address = { baseUrl: input.baseUrl, basePath: new URL(input.baseUrl).pathname };
  const targets = new Map<string, string>();
  for (const redirect of input.redirects) {
    const rule = formatHostRedirect(redirect, address);
    targets.set(decode(rule.from), rule.to);
  }
  const diagnostics: Diagnostic[] = [];
  input.text.split(/\r?\n/).forEach((line, index) => {
    const rule = readRule(line);
    const theirs = rule && targets.get(decode(rule.from));
    if (!rule || theirs === undefined || decode(theirs) === decode(rule.to)) return;
    diagnostics.push(
      createDiagnostic({
        file: input.file,
        place: { line: index + 1, column: line.length - line.trimStart().length + 1 },
        severity: 'warning',
        reason: `The rule ${rule.from} → ${rule.to} hides newsgen's ${rule.from} → ${theirs} (an alias or the redirects setting): hosts follow the first rule that matches, and the site's own come first`,
        ruleId: 'redirect-shadowed',
      }),
    );
  });
  return diagnostics;
}

/** A line's source and target, when it is a rule for every request to its path. */
function readRule(line: string): { from: string; to: string } | undefined {
  const [from = '', to = '', status, ...conditions] = line.trim().split(/\s+/);
  if (!from.startsWith('/') || conditions.length > 0) return undefined;
  // A query parameter (`p=123`) stands where the target would: the rule matches some requests only.
  if (!to.startsWith('/') && !/^https?:\/\//i.test(to)) return undefined;
  return status === undefined || /^\d{3}!?$/.test(status) ? { from, to } : undefined;
}

/** A path as a host compares it: escapes decoded once (as written, when they do not decode). */
function decode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/**
 * The rules of the site's own `_redirects` whose source or target holds a
 * character no one sees (see `findInvisibleCharacter`), as written or
 * %-encoded: the host publishes them as they are. A
 * `url-invisible-character` error each, at the rule; comments are left alone.
 */
export function checkHostRedirectCharacters(text: string, file: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const rule = line.trim();
    const found = rule.startsWith('#') ? undefined : findInvisibleInAddress(rule);
    if (found === undefined) return;
    diagnostics.push(
      createDiagnostic({
        file,
        place: { line: index + 1, column: line.length - line.trimStart().length + 1 },
        reason: `Unexpected ${found} in the rule "${showInvisible(rule)}", expected addresses of visible characters only`,
        ruleId: 'url-invisible-character',
      }),
    );
  });
  return diagnostics;
}
