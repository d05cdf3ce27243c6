import path from 'node:path';

/**
 * Dot names that are an editor's, the system's or version control's, never
 * the site's: `.git` (and other repositories), `.DS_Store`, Emacs lock files
 * (`.#x`), LibreOffice locks, GNOME's save streams, NFS leftovers and Vim's
 * swap files (`.x.swp`).
 */
const SYSTEM_DOT_NAME = /^\.(?:git|svn|hg|DS_Store|#.*|~lock\..*|goutputstream-.*|nfs.*|.*\.sw[a-p])$/i;

/**
 * True for files an editor or the system writes beside the real ones and that
 * must never trigger a rebuild: the dot names above, Vim swap files (`.swp`,
 * `.swo`, `.swx`) and its write test file `4913`, backups ending in `~`, and
 * `.tmp` files of atomic saves. Other dot files are the site's (the static
 * folder's `.well-known/`, `.nojekyll`), which a build copies, so they are
 * watched. Only the last path segment is looked at, so a site that itself
 * lives under a dot folder is still watched.
 */
export function isIgnoredPath(file: string): boolean {
  const name = path.basename(file);
  if (name === '') return false;
  if (name.startsWith('.')) return SYSTEM_DOT_NAME.test(name);
  if (name === '4913' || name.endsWith('~')) return true;
  return /\.(swp|swo|swx|tmp|crswap)$/i.test(name);
}
