import path from 'node:path';
import { fdir } from 'fdir';

/** Data files at the content root that hold author profiles, beside `authors/*.md`. */
export const AUTHORS_DATA_FILES: readonly string[] = ['authors.yml', 'authors.yaml'];

/** Lists the content files below `dir` (`.md` files, and `authors.yml`) as forward-slash relative paths. */
export async function listMarkdownFiles(dir: string): Promise<string[]> {
  // fdir rather than Node's recursive readdir: listing is on the path of every
  // build, even one with nothing to do, and fdir walks large trees several times faster.
  const crawler = new fdir()
    .withRelativePaths()
    .withErrors()
    .exclude((name) => name.startsWith('.'))
    .filter((file) => {
      const name = path.basename(file);
      return !name.startsWith('.') && (name.endsWith('.md') || AUTHORS_DATA_FILES.includes(file));
    });
  let entries: string[];
  try {
    entries = crawler.crawl(dir).sync();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries.map((entry) => entry.split(path.sep).join('/'));
}

/** A path relative to `root` when it lies inside it, else the absolute path. */
export function toDisplayPath(absolute: string, root: string): string {
  const relative = path.relative(root, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative)
    ? relative.split(path.sep).join('/')
    : absolute;
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
