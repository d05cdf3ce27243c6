import fs from 'node:fs';
import path from 'node:path';

/**
 * Absolute path of `target` with every symlink resolved, even when `target` does not
 * exist yet: the nearest existing ancestor goes through `realpath` and the missing rest
 * is appended, so a symlink anywhere above cannot disguise where a folder really is.
 */
export function resolveRealPath(target: string): string {
  let existing = path.resolve(target);
  const missing: string[] = [];
  while (!fs.existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    missing.unshift(path.basename(existing));
    existing = parent;
  }
  return path.join(fs.realpathSync.native(existing), ...missing);
}
