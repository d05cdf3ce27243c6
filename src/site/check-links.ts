import type { FeedConfig } from '../config/resolved-config.js';
import type { BodyReference } from '../content/article.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { GENERATED_PREFIXES, listFeedFiles, listFixedFiles } from './generated-files.js';
import type { Site, SiteArticle } from './site.js';

/** What the link check reads besides the model. */
export interface LinkCheckInput {
  readonly site: Site;
  /** Output paths the static folder provides (`images/a.jpg`); undefined when not known (then only page links are checked). */
  readonly staticPaths: ReadonlySet<string> | undefined;
  readonly config: {
    readonly baseUrl: string;
    readonly feeds: FeedConfig;
    /** With it, the nginx map is a file links may name. */
    readonly nginxRedirects?: boolean;
    /** With the image pipeline on, it reports missing images itself. */
    readonly images: unknown;
  };
  readonly displayPathOf: (item: { readonly sourcePath: string }) => string;
  /** The articles whose links are checked, when not every article and page (links are resolved against the whole site either way). */
  readonly only?: readonly SiteArticle[];
  /**
   * When given, filled with every output path a checked reference could
   * resolve to (see `pageOutputPath`), resolved or not: a page added or
   * removed at none of them changes no reference's outcome.
   */
  readonly lookups?: Set<string>;
}

/**
 * Warns about every link (and, without the image pipeline, every image) in
 * an article's or page's body, and every lead image, whose address is in the
 * site but names no output: no page, feed, static file or redirect. Relative
 * links resolve against the page's URL; relative images are page-bundle
 * files, which the image pipeline checks. Pure; a lookup per reference, in
 * the site's output paths gathered once (only when a reference needs them).
 */
export function checkLinks(input: LinkCheckInput): Diagnostic[] {
  // Made on the first reference inside the site: a publish patch checks one article, or none.
  let known: KnownPaths | undefined;
  const staticKnown = input.staticPaths !== undefined;
  const checkImages = input.config.images === false && staticKnown;
  const base = createSiteBase(input.config.baseUrl);
  const diagnostics: Diagnostic[] = [];
  const items = input.only ?? [
    ...input.site.articles,
    ...input.site.pages.flatMap((page) => (page.kind === 'page' ? [page.entry] : [])),
  ];
  const check = (item: (typeof items)[number], reference: BodyReference) => {
    if (reference.kind === 'image' && !checkImages) return;
    const path = toOutputPath(reference, item.url, base);
    if (path === undefined) return;
    const candidates = candidatesOf(path);
    if (input.lookups) for (const candidate of candidates) input.lookups.add(candidate);
    if (resolves(path, candidates, (known ??= collectKnownPaths(input)))) return;
    // Without the static folder's listing, a link to a file (a PDF, an image) may be one of its files.
    if (!staticKnown && /\.(?!html?$)[^./]+$/i.test(path)) return;
    diagnostics.push(
      createDiagnostic({
        file: input.displayPathOf(item),
        place: reference.place,
        severity: 'warning',
        reason: `${reference.kind === 'link' ? 'Link to' : 'Image'} ${reference.url} resolves to nothing`,
        ruleId: 'link-broken',
      }),
    );
  };
  for (const item of items) {
    for (const reference of item.references) check(item, reference);
    if (checkImages && item.image?.place) check(item, { kind: 'image', url: item.image.src, place: item.image.place });
  }
  return diagnostics;
}

interface KnownPaths {
  /** Every page's URL (`/a/`, `/404.html`): a page is known by its URL, not an output path made for each. */
  readonly pageUrls: Set<string>;
  /** The static folder's output paths, as given. */
  readonly staticPaths: ReadonlySet<string> | undefined;
  /** Feeds, redirects and what every build writes. */
  readonly paths: Set<string>;
  /** Folders a wildcard redirect moves (`berita/`): everything below them resolves. */
  readonly prefixes: string[];
}

function collectKnownPaths(input: LinkCheckInput): KnownPaths {
  const { site } = input;
  const paths = new Set<string>(listFixedFiles({ nginxRedirects: input.config.nginxRedirects ?? false }));
  const prefixes = [...GENERATED_PREFIXES];
  // The URL strings of the model: their hashes are made once and kept, where 15,000 output paths were new strings.
  const pageUrls = new Set<string>();
  for (const page of site.pages) pageUrls.add(page.url);
  for (const redirect of site.redirects)
    if (redirect.wildcard) prefixes.push(redirect.from.slice(1, -1));
    else paths.add(redirect.from.slice(1));
  for (const path of listFeedFiles(site, input.config.feeds)) paths.add(path);
  return { pageUrls, staticPaths: input.staticPaths, paths, prefixes };
}

/** The output path a reference names (no leading slash), or undefined when it is outside the site or not checked. */
// A plain path needs no URL parser: no query, fragment, escape or dot segment.
const PLAIN_PATH = /^\/(?!\/)[^?#%\\]*$/;
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

function toOutputPath(reference: BodyReference, pageUrl: string, base: SiteBase): string | undefined {
  const written = reference.url.startsWith(base.href) ? `/${reference.url.slice(base.href.length)}` : reference.url;
  if (PLAIN_PATH.test(written) && !DOT_SEGMENT.test(written)) return written.slice(1);
  const absolute = /^https?:\/\//i.test(written);
  if (!absolute && !written.startsWith('/') && reference.kind === 'image') return undefined;
  // Most absolute links go to other sites: told apart without a URL parser, which an archive pays per link.
  if (absolute && base.isOtherHost(written)) return undefined;
  let url: URL;
  try {
    url = absolute ? new URL(written) : new URL(written, new URL(pageUrl.slice(1), 'https://site.invalid/'));
  } catch {
    return undefined;
  }
  let pathname = url.pathname;
  if (absolute) {
    if (url.host !== base.host || !pathname.startsWith(base.pathname)) return undefined;
    pathname = `/${pathname.slice(base.pathname.length)}`;
  }
  try {
    pathname = decodeURI(pathname);
  } catch {
    // A malformed escape is checked as written.
  }
  return pathname.slice(1);
}

/** The parts of the site's base URL the check reads for every reference, read from the URL once. */
interface SiteBase {
  readonly href: string;
  readonly host: string;
  readonly pathname: string;
  readonly isOtherHost: (written: string) => boolean;
}

function createSiteBase(baseUrl: string): SiteBase {
  const base = new URL(baseUrl);
  return { href: base.href, host: base.host, pathname: base.pathname, isOtherHost: createHostCheck(base) };
}

/** `http(s)://` and a host of ASCII letters, digits, dots and hyphens alone, then `/`, `?`, `#` or the end. */
const PLAIN_AUTHORITY = /^https?:\/\/([a-z0-9.-]+)(?=[/?#]|$)/i;
/** A host's last label that makes the URL parser read the host as an IPv4 address. */
const NUMERIC_LABEL = /^(?:\d+|0x[0-9a-f]*)$/i;

/**
 * True when an absolute `http(s)` URL surely names another host than
 * `base`'s, decided without parsing it: its host is plain ASCII, which the
 * URL parser only lower-cases unless it reads it as an IPv4 address, and the
 * site's own host is a name. False means "parse it to know".
 */
export function isOtherHost(written: string, base: URL): boolean {
  return createHostCheck(base)(written);
}

/** {@link isOtherHost} for one base URL, what it needs of the base worked out once. */
function createHostCheck(base: URL): (written: string) => boolean {
  const host = base.host;
  if (base.hostname.startsWith('[') || NUMERIC_LABEL.test(base.hostname.split('.').filter(Boolean).pop() ?? ''))
    return () => false;
  return (written) => {
    const found = PLAIN_AUTHORITY.exec(written)?.[1];
    return found !== undefined && found.toLowerCase() !== host;
  };
}

function resolves(path: string, candidates: readonly string[], known: KnownPaths): boolean {
  for (const prefix of known.prefixes) if (path.startsWith(prefix)) return true;
  for (const candidate of candidates)
    if (known.paths.has(candidate) || known.staticPaths?.has(candidate) === true) return true;
  return isPageAt(path, known.pageUrls);
}

/**
 * Whether a page's output path (see {@link pageOutputPath}) is one of
 * `path`'s candidates: a page's URL is its folder (`/a/` for `a/index.html`)
 * or its file (`/404.html`). Each URL a candidate could be is made and looked
 * up once: the link check of an archive looks up hundreds of thousands.
 */
function isPageAt(path: string, pageUrls: ReadonlySet<string>): boolean {
  const url = `/${path}`;
  if (pageUrls.has(url)) return true;
  // `a/` and ``: the candidates are `a/index.html` and `a/`, whose page URLs are `/a/index.html` and `/a/`.
  if (path === '' || path.endsWith('/')) return pageUrls.has(`${url}index.html`);
  // `a`: `a`, `a/index.html` and `a/`; `a/index.html` is also the page `/a/`.
  if ((path === 'index.html' || path.endsWith('/index.html')) && pageUrls.has(url.slice(0, -'index.html'.length)))
    return true;
  return pageUrls.has(`${url}/`) || pageUrls.has(`${url}/index.html`);
}

/** The known paths a reference's path resolves to, in the order they are tried. */
function candidatesOf(path: string): string[] {
  if (path === '' || path.endsWith('/')) return [`${path}index.html`, path];
  return [path, `${path}/index.html`, `${path}/`];
}

/** The path a page is known by to the link check (`/a/` → `a/index.html`, `/404.html` → `404.html`). */
export function pageOutputPath(url: string): string {
  return url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1);
}
