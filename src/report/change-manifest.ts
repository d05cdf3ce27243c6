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

/** The URL path (no base path) an output file is served at: `a/index.html` → `/a/`, `feed.xml` → `/feed.xml`. */
export function outputPathToUrl(path: string): string {
  if (path === 'index.html') return '/';
  return path.endsWith('/index.html') ? `/${path.slice(0, -'index.html'.length)}` : `/${path}`;
}
