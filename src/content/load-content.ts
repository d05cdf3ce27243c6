import nodeFs from 'node:fs';
import path from 'node:path';
import { fdir } from 'fdir';
import { type RefusedEntry, resolveLink } from '../boundary/resolve-link.js';
import { staysWithin } from '../boundary/stays-within.js';

/** Data files at the content root that hold author profiles, beside `authors/*.md`. */
export const AUTHORS_DATA_FILES: readonly string[] = ['authors.yml', 'authors.yaml'];

/** Files of the content folder that may be images beside an article (page bundles). */
export const CONTENT_IMAGE_FILE = /\.(avif|gif|jpe?g|png|svg|webp)$/i;

/** Files that look like articles in a form the build does not read: Markdown under another extension, HTML. */
const UNREAD_ARTICLE = /\.(?:markdown|mdown|mkdn?|mdwn|md|html?)$/i;
const UNREAD_REASON = 'is not a .md file, which is what newsgen reads articles and pages from';

/** The content files of a folder, and the entries left out of them. */
export interface ContentListing {
  /** What the build processes (`.md` files, `authors.yml`): forward-slash paths relative to the folder, in the order found. */
  readonly files: string[];
  /** Image files beside them (see {@link CONTENT_IMAGE_FILE}): published and encoded, never processed as content. */
  readonly images: string[];
  /** Symlinks leading outside the site, to special files or nowhere, and files that look like articles in another form: never read. */
  readonly refused: RefusedEntry[];
}

/**
 * Lists the content files below `dir` (`.md` files, and `authors.yml`) as
 * forward-slash relative paths. A symlinked file is listed only when it
 * leads to a regular file inside `root` (the site folder; by default the
 * content folder's parent) or the content folder: `x.md -> /dev/zero` or a
 * link to a file elsewhere on the disk is never read. Special files (FIFOs,
 * sockets, devices) are never listed; links to folders are not followed.
 */
export async function listMarkdownFiles(dir: string, root?: string): Promise<string[]> {
  return listContentFiles(dir, root).files;
}

/** {@link listMarkdownFiles}, with the images beside them and the entries it left out. */
export function listContentFiles(dir: string, root?: string): ContentListing {
  const links = new Set<string>();
  // fdir rather than Node's recursive readdir: listing is on the path of every build, even one
  // with nothing to do. It reads each folder's entries with their types; symlinks are noted on the way.
  const readdirSync = ((folder: string, options: { withFileTypes: true }) => {
    const entries = nodeFs.readdirSync(folder, options);
    for (const entry of entries) if (entry.isSymbolicLink()) links.add(path.resolve(folder, entry.name));
    return entries;
  }) as typeof nodeFs.readdirSync;
  const unread: RefusedEntry[] = [];
  const crawler = new fdir({ fs: { ...nodeFs, readdirSync } })
    .withRelativePaths()
    .withErrors()
    .exclude((name) => name.startsWith('.'))
    .filter((file) => {
      const name = path.basename(file);
      if (name.startsWith('.')) return false;
      if (name.endsWith('.md') || AUTHORS_DATA_FILES.includes(file) || CONTENT_IMAGE_FILE.test(name)) return true;
      // Articles a migration brought under another name would vanish from the site without a word.
      if (UNREAD_ARTICLE.test(name))
        unread.push({ path: path.resolve(dir, file), reason: UNREAD_REASON, unread: true });
      return false;
    });
  let entries: string[];
  try {
    entries = crawler.crawl(dir).sync();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { files: [], images: [], refused: [] };
    throw error;
  }
  const refused: RefusedEntry[] = [];
  const insideOf = [root ?? path.dirname(path.resolve(dir)), dir];
  // Most content folders have no symlinks: then every entry is a plain file.
  const files =
    links.size === 0
      ? entries
      : entries.filter((entry) => {
          const absolute = path.resolve(dir, entry);
          if (!links.has(absolute)) return true;
          const target = resolveLink(absolute, insideOf);
          if (target.ok && target.kind === 'file') return true;
          refused.push(
            target.ok ? { path: absolute, reason: 'is a symlink to a folder, which is not followed' } : target.refused,
          );
          return false;
        });
  const listing: ContentListing = { files: [], images: [], refused: [...refused, ...unread] };
  for (const entry of files) {
    const file = entry.split(path.sep).join('/');
    (CONTENT_IMAGE_FILE.test(file) ? listing.images : listing.files).push(file);
  }
  return listing;
}

/** A path relative to `root` when it lies inside it, else the absolute path. */
export function toDisplayPath(absolute: string, root: string): string {
  const relative = path.relative(root, absolute);
  return relative && staysWithin(relative) ? relative.split(path.sep).join('/') : absolute;
}

/**
 * {@link toDisplayPath} for the files of one folder, given relative to it with
 * forward slashes: the folder's place is worked out once, not per file.
 */
export function createDisplayPaths(dir: string, root: string): (relPath: string) => string {
  if (path.relative(root, dir) === '') return (relPath) => relPath;
  const shown = toDisplayPath(dir, root);
  // Given back as it was: the folder lies outside the root, and so do its files.
  return shown === dir ? (relPath) => path.join(dir, relPath) : (relPath) => `${shown}/${relPath}`;
}

/**
 * {@link toDisplayPath} for many absolute files and one `root`: a file
 * plainly below it (no `.` or `..` segment, no doubled or trailing
 * separator) is the rest of its path, with no `path.relative`, which a site
 * linking thousands of missing images paid for at every build. Any other
 * file, or a root that is not normalised, goes through `toDisplayPath`.
 */
export function createFileDisplayPaths(root: string): (absolute: string) => string {
  const prefix = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
  const usable = path.isAbsolute(root) && path.resolve(root) === root;
  const doubled = `${path.sep}${path.sep}`;
  const dotted = `${path.sep}.`;
  return (absolute) => {
    if (!usable || !absolute.startsWith(prefix) || absolute.length === prefix.length)
      return toDisplayPath(absolute, root);
    const rest = absolute.slice(prefix.length - 1);
    if (rest.includes(doubled) || rest.includes(dotted) || rest.endsWith(path.sep))
      return toDisplayPath(absolute, root);
    return path.sep === '/' ? rest.slice(1) : rest.slice(1).split(path.sep).join('/');
  };
}
