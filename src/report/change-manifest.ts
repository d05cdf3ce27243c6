import { createSiteUrl, type SiteAddress } from '../url/site-url.js';

/** One output file a build wrote or deleted: where it is and where readers fetch it. */
export interface ChangedFile {
  /** Path relative to the output folder (`ekonomi/harga/index.html`). */
  readonly path: string;
  /** Absolute URL it is served at; a folder's `index.html` is the folder's URL (`https://host/ekonomi/harga/`). */
  readonly url: string;
}

/**
 * What `newsgen build --changes <file>` writes: the files a deploy must upload
 * and delete, and the URLs a CDN must purge. Both lists sorted by path.
 */
export interface ChangeManifest {
  readonly written: readonly ChangedFile[];
  readonly deleted: readonly ChangedFile[];
}

/** The manifest of a build's written and deleted output paths, each with its absolute URL. Pure. */
export function createChangeManifest(
  files: { readonly written: readonly string[]; readonly deleted: readonly string[] },
  address: SiteAddress,
): ChangeManifest {
  const siteUrl = createSiteUrl(address);
  const describe = (paths: readonly string[]) =>
    [...paths].sort().map((path) => ({ path, url: siteUrl.absolute(outputPathToUrl(path)) }));
  return { written: describe(files.written), deleted: describe(files.deleted) };
}

/**
 * What a file name may hold that the URL parser would not escape: `%` it
 * takes for the start of an escape, `#` and `?` for a fragment or a query.
 */
const URL_DELIMITERS = /[%#?]/g;

/**
 * The URL path (no base path) an output file is served at: `a/index.html` → `/a/`, `feed.xml` → `/feed.xml`.
 * A file's `%`, `#` and `?` are escaped (`100%.pdf` → `/100%25.pdf`), as a host serves the file at that address:
 * left as they are, the URL named another file, or cut the name at a fragment.
 */
export function outputPathToUrl(path: string): string {
  const escaped = path.replace(URL_DELIMITERS, encodeURIComponent);
  if (escaped === 'index.html') return '/';
  return escaped.endsWith('/index.html') ? `/${escaped.slice(0, -'index.html'.length)}` : `/${escaped}`;
}
