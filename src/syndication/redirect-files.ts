import type { ResolvedConfig } from '../config/resolved-config.js';
import { hashBytes } from '../hash/hash-bytes.js';
import { resolveStrings } from '../i18n/strings.js';
import type { OutputFile } from '../output/output-file.js';
import { urlToKnownOutputPath } from '../output/resolve-output-path.js';
import { formatHostRedirect } from '../site/host-redirect-rules.js';
import { redirectKeyOf } from '../site/resolve-redirects.js';
import type { Redirect, Site } from '../site/site.js';
import { createSiteUrl } from '../url/site-url.js';
import type { OutputGroup } from './create-feeds.js';
import { escapeXmlAttribute, escapeXmlText } from './xml-escape.js';

/** The host redirect file Netlify and Cloudflare Pages read at the output's root. */
export const HOST_REDIRECTS_PATH = '_redirects';
/** The `map` include for nginx, written when `nginxRedirects` is on. */
export const NGINX_REDIRECTS_PATH = 'redirects.nginx.conf';

type RedirectConfigPart = Pick<ResolvedConfig, 'baseUrl' | 'basePath' | 'locale' | 'strings' | 'nginxRedirects'>;

/**
 * Every file the site's redirects need, as one group: `_redirects` (the
 * site's own rules from `static/_redirects`, `ownRules`, then one `from to
 * 301` line each, exact addresses before folders), a small HTML page at
 * each exact old address for hosts without redirect rules (refresh,
 * canonical link, noindex, a visible link) unless a page or an earlier
 * redirect page has its file but for letter case, and the nginx `map` when
 * asked for. Its key names everything the files are made of but the config
 * and the strings, which the build's settings cover: a site moved from
 * WordPress has tens of thousands of old addresses, and a build whose
 * redirects are the last build's keeps their files without making them
 * again. None when the site has neither redirects nor rules of its own.
 * Pure, but for `memo`, which it reads and fills (see `RedirectFilesMemo`).
 */
export function planRedirectFiles(
  site: Pick<Site, 'redirects' | 'pages'>,
  config: RedirectConfigPart,
  ownRules: string | undefined,
  memo?: RedirectFilesMemo,
): OutputGroup | undefined {
  if (site.redirects.length === 0 && ownRules === undefined) return undefined;
  const { pages, described } = describeRedirects(site, memo);
  return {
    key: `redirects\n${JSON.stringify([ownRules ?? null, config.nginxRedirects])}\n${described}`,
    render: async () => createRedirectFiles(site, config, ownRules, pages),
  };
}

/**
 * What {@link planRedirectFiles} works out of a site's redirects and pages,
 * kept by a session between builds while both are the very same arrays: a
 * title edit in `newsgen serve` patches the model in place, and a model
 * with other redirects or pages has new arrays (a publish patch lays out a
 * new list of pages). On a site moved from WordPress, listing the redirect
 * pages and describing 10,000 redirects took two fifths of the planning of
 * each title edit's outputs other than pages (34 of 82 ms).
 */
export interface RedirectFilesMemo {
  last?: {
    readonly redirects: readonly Redirect[];
    readonly pages: Site['pages'];
    readonly listed: { readonly pages: [Redirect, string][]; readonly described: string };
  };
}

function describeRedirects(
  site: Pick<Site, 'redirects' | 'pages'>,
  memo: RedirectFilesMemo | undefined,
): { pages: [Redirect, string][]; described: string } {
  const last = memo?.last;
  if (last && last.redirects === site.redirects && last.pages === site.pages) return last.listed;
  const { pages, skipped } = listRedirectPages(site);
  const redirects = site.redirects.map((redirect) => [redirect.from, redirect.to, redirect.wildcard]);
  // A digest: the group's key is hashed again with the settings by every build that plans it.
  const listed = { pages, described: hashBytes(JSON.stringify([redirects, skipped])) };
  if (memo) memo.last = { redirects: site.redirects, pages: site.pages, listed };
  return listed;
}

/** The files of {@link planRedirectFiles}; `pages` as `listRedirectPages` gives them, when already listed. Pure. */
export function createRedirectFiles(
  site: Pick<Site, 'redirects' | 'pages'>,
  config: RedirectConfigPart,
  ownRules: string | undefined,
  pages: readonly (readonly [Redirect, string])[] = listRedirectPages(site).pages,
): OutputFile[] {
  if (site.redirects.length === 0)
    return ownRules === undefined ? [] : [{ path: HOST_REDIRECTS_PATH, contents: ownRules }];
  const files: OutputFile[] = [
    { path: HOST_REDIRECTS_PATH, contents: joinRules(ownRules, createHostRedirects(site.redirects, config)) },
  ];
  if (config.nginxRedirects)
    files.push({ path: NGINX_REDIRECTS_PATH, contents: createNginxMap(site.redirects, config) });
  const redirectPage = createRedirectPageMaker(config);
  for (const [redirect, path] of pages) files.push({ path, contents: redirectPage(redirect) });
  return files;
}

/**
 * The redirect pages to write, each with its file: every exact old address
 * whose file no page, and no redirect page before it, has but for letter
 * case. A disk that ignores case (macOS, Windows) holds `News/X/index.html`
 * and `news/x/index.html` as one file: the redirect page would replace the
 * page and refresh to itself. The host's rules still answer there.
 * `skipped`: the indexes of the redirects whose page is left out so.
 */
function listRedirectPages(site: Pick<Site, 'redirects' | 'pages'>): {
  pages: [Redirect, string][];
  skipped: number[];
} {
  const pages: [Redirect, string][] = [];
  const skipped: number[] = [];
  if (site.redirects.length === 0) return { pages, skipped };
  const taken = new Set(site.pages.map((page) => foldCase(urlToKnownOutputPath(page.url))));
  site.redirects.forEach((redirect, index) => {
    const path = redirectPagePath(redirect);
    if (path === undefined) return;
    const folded = foldCase(path);
    if (taken.has(folded)) skipped.push(index);
    else {
      taken.add(folded);
      pages.push([redirect, path]);
    }
  });
  return { pages, skipped };
}

/**
 * The site's own rules first, as written: Netlify and Cloudflare Pages follow
 * the first rule that matches, and hand-written rules are the exceptions
 * (a query, a forced rule). newsgen's follow, after its comment line.
 */
function joinRules(ownRules: string | undefined, generated: string): string {
  if (ownRules === undefined || ownRules.trim() === '') return generated;
  return `${ownRules}${ownRules.endsWith('\n') ? '' : '\n'}${generated}`;
}

/**
 * Whether a page at one of `urls`, added to the site or taken from it, meets
 * its redirects: the page's address is an old one (a collision, or an alias
 * of its own), or its file is a redirect page's but for letter case, which
 * {@link createRedirectFiles} then leaves out, or writes again. A publish
 * patch gives way to a model built whole when it does. Pure.
 */
export function meetsRedirects(redirects: readonly Redirect[], urls: readonly string[]): boolean {
  if (redirects.length === 0 || urls.length === 0) return false;
  const keys = new Set(urls.map(redirectKeyOf));
  const files = new Set(urls.map((url) => foldCase(urlToKnownOutputPath(url))));
  return redirects.some((redirect) => {
    const file = redirectPagePath(redirect);
    return keys.has(redirectKeyOf(redirect.from)) || (file !== undefined && files.has(foldCase(file)));
  });
}

/**
 * An output path as a case-insensitive disk compares it (letter case and
 * Unicode form aside). An ASCII path has one form: most of a migrated
 * site's 20,000 old addresses skip `normalize`.
 */
function foldCase(path: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, control characters included
  return (/^[\x00-\x7f]*$/.test(path) ? path : path.normalize('NFC')).toLowerCase();
}

/** Netlify / Cloudflare Pages `_redirects`: paths with the base path, percent-encoded; `*` → `:splat`. */
export function createHostRedirects(redirects: readonly Redirect[], config: RedirectConfigPart): string {
  const lines = redirects.map((redirect) => {
    const { from, to } = formatHostRedirect(redirect, config);
    return `${from} ${to} 301`;
  });
  return `# Written by newsgen from aliases and the redirects setting.\n${lines.join('\n')}\n`;
}

/**
 * Lines for an nginx `map $uri $newsgen_redirect { include …; }`. nginx
 * matches a map's strings ignoring case, so an address with capitals
 * (`/News/Cafe/`, beside the page `/news/cafe/`) is a case-sensitive
 * regular expression, as folders are: as a string it would redirect the
 * page to itself, and two spellings of one address stop nginx.
 */
export function createNginxMap(redirects: readonly Redirect[], config: RedirectConfigPart): string {
  const site = createSiteUrl(config);
  const lines = redirects.map((redirect) => {
    const target = /^https?:\/\//i.test(redirect.to) ? redirect.to : site.href(redirect.to);
    const from = site.href(redirect.from);
    if (redirect.wildcard)
      // The capture inside the quotes: nginx refuses anything right after a closing quote.
      return `${quoteNginx(`~^${escapeRegExp(from.slice(0, -1))}(.*)$`)} "${escapeNginx(target.slice(0, -1))}$1";`;
    // nginx's $uri has no trailing slash added: answer both spellings of a folder.
    const folder = from.endsWith('/') && from !== '/';
    if (from !== from.toLowerCase()) {
      const path = escapeRegExp(folder ? from.slice(0, -1) : from);
      return `${quoteNginx(`~^${path}${folder ? '/?' : ''}$`)} "${escapeNginx(target)}";`;
    }
    const spellings = folder ? [from, from.slice(0, -1)] : [from];
    return spellings.map((spelling) => `${quoteNginx(spelling)} "${escapeNginx(target)}";`).join('\n');
  });
  return `# Written by newsgen. Use: map $uri $newsgen_redirect { include ${NGINX_REDIRECTS_PATH}; }\n${lines.join('\n')}\n`;
}

/** A value of the map, in double quotes: `"`, `\` and `$` (a variable there) escaped. */
function escapeNginx(value: string): string {
  return value.replace(/["\\$]/g, (character) => `\\${character}`);
}

/** A source of the map in double quotes; `$` stays, since nginx reads no variables in a source. */
function quoteNginx(value: string): string {
  return `"${value.replace(/["\\]/g, (character) => `\\${character}`)}"`;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The output file for an exact old address (`/a/` and `/a` → `a/index.html`, `/a.html` as it is); none for folders or other files. */
export function redirectPagePath(redirect: Redirect): string | undefined {
  if (redirect.wildcard) return undefined;
  const path = redirect.from.slice(1);
  if (path === '' || path.endsWith('/')) return `${path}index.html`;
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (!last.includes('.')) return `${path}/index.html`;
  return /\.html?$/i.test(last) ? path : undefined;
}

/**
 * The redirect page of each redirect, with the site's strings and URLs
 * worked out once: a site moved from WordPress has tens of thousands of old
 * addresses, and every build writes (or compares) all their pages.
 */
function createRedirectPageMaker(config: RedirectConfigPart): (redirect: Redirect) => string {
  const strings = resolveStrings(config.locale, config.strings);
  const siteUrl = createSiteUrl(config);
  const title = escapeXmlText(strings['redirectTitle'] ?? '');
  const text = escapeXmlText(strings['redirectText'] ?? '');
  const lang = escapeXmlAttribute(config.locale);
  return (redirect) => createRedirectPage(siteUrl.resolveSrc(redirect.to), { title, text, lang });
}

function createRedirectPage(target: string, words: { title: string; text: string; lang: string }): string {
  const href = escapeXmlAttribute(target);
  return [
    '<!doctype html>',
    `<html lang="${words.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${words.title}</title>`,
    `<link rel="canonical" href="${href}">`,
    '<meta name="robots" content="noindex">',
    `<meta http-equiv="refresh" content="0; url=${href}">`,
    '</head>',
    '<body>',
    `<p>${words.text} <a href="${href}">${escapeXmlText(target)}</a></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
