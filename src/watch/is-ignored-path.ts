import path from 'node:path';

/**
 * True for files an editor or the system writes beside the real ones and that
 * must never trigger a rebuild: dot files and folders (`.git`, `.DS_Store`,
 * Emacs lock files `.#x`), Vim swap files (`.swp`, `.swo`, `.swx`) and its
 * write test file `4913`, backups ending in `~`, and `.tmp` files of atomic
 * saves. Only the last path segment is looked at, so a site that itself lives
 * under a dot folder is still watched.
 */
export function isIgnoredPath(file: string): boolean {
  const name = path.basename(file);
  if (name === '' || name.startsWith('.')) return name !== '';
  if (name === '4913' || name.endsWith('~')) return true;
  return /\.(swp|swo|swx|tmp|crswap)$/i.test(name);
}
