import type { RedirectConfig } from '../config/resolved-config.js';
import type { Alias } from '../content/read-shared-fields.js';
import { createDiagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { decodeSitePath } from '../url/decode-site-path.js';
import type { Page, Redirect } from './site.js';

/** Who asks for a redirect: a content file's alias or a config entry. */
interface RedirectClaim {
  readonly from: string;
  readonly to: string;
  readonly file: string;
  readonly place: Place | undefined;
  /** How messages name the claim: `alias "/lama/"` or `` redirect `redirects.0.from` ``. */
  readonly label: string;
}

/** What redirects are resolved from: the pages of the site, and who wants which old address. */
export interface RedirectInput {
  readonly pages: readonly Page[];
  /** Content files with aliases: the page each one is, and its file's display path. */
  readonly owners: readonly { readonly url: string; readonly aliases: readonly Alias[]; readonly file: string }[];
  readonly config: readonly RedirectConfig[];
  /**
   * The site's absolute URLs (each ends in `/`), to read aliases written as
   * full URLs: the build's `baseUrl`, and the public one of the config file
   * when `--base-url` or `serve` sets another for this build.
   */
  readonly baseUrls: readonly string[];
  /** Display path of a page's source file, or a description of a generated page. */
  readonly describePage: (page: Page) => string;
  /**
   * Describes the file (not a page) the site publishes at a site path, or
   * under a folder (ending in `/`): a sitemap, a feed, the theme's files, a
   * static file (see `describeGeneratedFile`, `describeStaticFile`);
   * undefined when it publishes none there.
   */
  readonly describeFile: (sitePath: string) => string | undefined;
}

/** How many redirects a chain may pass through before it is called a loop. */
const MAX_HOPS = 32;

/**
 * The site's redirects: every alias of a published article or page (to that
 * page) and every configured redirect, chains followed to their final
 * address. An alias of the page's own address is left out with a warning.
 * Aliases that are another page's address or a file the build writes (a
 * feed, a sitemap), or that two files claim, are errors naming both; so are addresses outside the site, wildcards covering a page or
 * generated files, and loops. Sorted: exact addresses first, then wildcards
 * longest first, the order redirect files need. Pure.
 */
export function resolveRedirects(input: RedirectInput): { redirects: Redirect[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const listed = listClaims(input, diagnostics);
  // Indexed only when something asks for a redirect: most sites' articles have no aliases.
  const pageByKey = listed.length > 0 ? new Map(input.pages.map((page) => [redirectKeyOf(page.url), page])) : new Map();
  const claims = new Map<string, RedirectClaim>();
  for (const claim of listed) {
    const key = redirectKeyOf(claim.from);
    const page = pageByKey.get(key);
    const other = claims.get(key);
    const taken = page ? undefined : other ? undefined : findTaken(input, claim, key);
    // An export's list of old addresses often holds the current one too: a no-op, but a rule there would loop.
    if (page && redirectKeyOf(claim.to) === key) diagnostics.push(ownAddress(claim, page.url));
    else if (page) diagnostics.push(collision(claim, page.url, input.describePage(page), undefined));
    else if (other) diagnostics.push(collision(claim, claim.from, other.file, other.place));
    else if (taken) diagnostics.push(collision(claim, taken.url, taken.file, undefined, taken.page));
    else claims.set(key, claim);
  }
  // Longest folder first: a target under two redirected folders follows the nearer one.
  const folders = [...claims.values()]
    .filter((claim) => claim.from.endsWith('*'))
    .sort((a, b) => b.from.length - a.from.length);
  const redirects = [...claims.values()].flatMap((claim) => {
    const to = followChain(claim, claims, folders, diagnostics);
    return to === undefined ? [] : [{ from: claim.from, to, wildcard: claim.from.endsWith('*') }];
  });
  return { redirects: redirects.sort(compareRedirects), diagnostics };
}

/**
 * What a redirect's old address would hide that the site publishes: a page
 * below a wildcard's folder, or a file that is not a page, generated or
 * static (a host's rule there is served first, so nginx would answer
 * `/sitemap.xml` with the article); undefined when it hides nothing.
 */
function findTaken(input: RedirectInput, claim: RedirectClaim, key: string) {
  const folder = claim.from.endsWith('*') ? claim.from.slice(0, -1) : undefined;
  const covered = folder === undefined ? undefined : input.pages.find((item) => item.url.startsWith(folder));
  if (covered) return { url: covered.url, file: input.describePage(covered), page: true };
  const file = input.describeFile(folder ?? key);
  return file === undefined ? undefined : { url: claim.from, file, page: false };
}

function listClaims(input: RedirectInput, diagnostics: Diagnostic[]): RedirectClaim[] {
  const claims: RedirectClaim[] = [];
  for (const owner of input.owners)
    for (const alias of owner.aliases) {
      const site = toSitePath(alias.path, input.baseUrls);
      const from = site && decodeSitePath(site);
      const label = `alias "${alias.path}"`;
      if (site === undefined) diagnostics.push(outside(owner.file, alias.place, label, input.baseUrls));
      else if (from === undefined)
        diagnostics.push(undecodable(owner.file, alias.place, label, 'front-matter-aliases'));
      else claims.push({ from, to: owner.url, file: owner.file, place: alias.place, label });
    }
  for (const entry of input.config) {
    const [from, to] = [decodeSitePath(entry.from), entry.to.startsWith('/') ? decodeSitePath(entry.to) : entry.to];
    const label = `redirect \`${entry.where.key}\``;
    if (from === undefined || to === undefined)
      diagnostics.push(undecodable(entry.where.file, entry.where.place, label, 'config-invalid'));
    else claims.push({ from, to, file: entry.where.file, place: entry.where.place, label });
  }
  return claims;
}

function undecodable(
  file: string,
  place: Place | undefined,
  label: string,
  ruleId: 'front-matter-aliases' | 'config-invalid',
) {
  return createDiagnostic({
    file,
    place,
    reason: `Unexpected ${label} with a %-escape that does not decode to a plain path character (an encoded /, \\, ?, # or control character)`,
    ruleId,
    hint: 'Write the old address as the browser shows it decoded (`/berita/kabar terbaru/`), or with escapes of ordinary characters only.',
  });
}

/** A site path without the base path (`/lama/banjir/`), or undefined for a URL under none of `baseUrls`. */
function toSitePath(written: string, baseUrls: readonly string[]): string | undefined {
  if (!/^https?:\/\//i.test(written)) return written;
  const url = new URL(written);
  for (const baseUrl of baseUrls) {
    const base = new URL(baseUrl);
    if (url.host === base.host && url.pathname.startsWith(base.pathname))
      return `/${url.pathname.slice(base.pathname.length)}`;
  }
  return undefined;
}

/** An address as redirects and pages are compared: one file for `/a`, `/a/` and `/a/index.html`, as hosts serve them. */
export function redirectKeyOf(path: string): string {
  return path.replace(/\/index\.html?$/, '/').replace(/\/$/, '') || '/';
}

function followChain(
  claim: RedirectClaim,
  claims: ReadonlyMap<string, RedirectClaim>,
  folders: readonly RedirectClaim[],
  diagnostics: Diagnostic[],
): string | undefined {
  let to = claim.to;
  for (let hops = 0; hops < MAX_HOPS; hops++) {
    const next = to.startsWith('/') ? nextHop(to, claims, folders) : undefined;
    if (next === undefined) return to;
    to = next;
  }
  diagnostics.push(
    createDiagnostic({
      file: claim.file,
      place: claim.place,
      reason: `Unexpected ${claim.label} that never arrives: its redirects lead back to where they started`,
      ruleId: 'redirect-loop',
    }),
  );
  return undefined;
}

/**
 * Where a redirect to `to` leads next: another redirect of that exact
 * address, or one of a folder holding it (`/berita/x/` under `/berita/*` →
 * `/news/*` is `/news/x/`; a folder target `/berita/*` is `/news/*`), so a
 * chain, folders included, is one hop. Undefined when `to` is not redirected.
 */
function nextHop(
  to: string,
  claims: ReadonlyMap<string, RedirectClaim>,
  folders: readonly RedirectClaim[],
): string | undefined {
  if (!to.endsWith('*')) {
    const exact = claims.get(redirectKeyOf(to));
    if (exact) return exact.to;
  }
  const path = to.endsWith('*') ? to.slice(0, -1) : to;
  const folder = folders.find((candidate) => path.startsWith(candidate.from.slice(0, -1)));
  if (!folder) return undefined;
  const rest = path.slice(folder.from.length - 1);
  return `${folder.to.slice(0, -1)}${rest}${to.endsWith('*') ? '*' : ''}`;
}

/** An alias-collision; `named` false for a generated file the reason names, which no message can point at. */
function collision(
  claim: RedirectClaim,
  url: string,
  otherFile: string,
  otherPlace: Place | undefined,
  named = true,
): Diagnostic {
  return createDiagnostic({
    file: claim.file,
    place: claim.place,
    reason: `Unexpected ${claim.label} at ${url}, which ${otherFile} already claims`,
    ruleId: 'alias-collision',
    ...(named ? { cause: { file: otherFile, place: otherPlace } } : {}),
  });
}

function ownAddress(claim: RedirectClaim, url: string): Diagnostic {
  return createDiagnostic({
    file: claim.file,
    place: claim.place,
    reason: `Unexpected ${claim.label} at ${url}, the page's own address: it redirects nowhere and is left out`,
    ruleId: 'alias-own-address',
    severity: 'warning',
  });
}

function outside(file: string, place: Place | undefined, label: string, baseUrls: readonly string[]): Diagnostic {
  return createDiagnostic({
    file,
    place,
    reason: `Unexpected ${label} outside the site, expected a path of the site or a URL under ${baseUrls.join(' or ')}`,
    ruleId: 'alias-outside',
  });
}

function compareRedirects(a: Redirect, b: Redirect): number {
  if (a.wildcard !== b.wildcard) return a.wildcard ? 1 : -1;
  if (a.wildcard && a.from.length !== b.from.length) return b.from.length - a.from.length;
  return a.from < b.from ? -1 : a.from > b.from ? 1 : 0;
}
