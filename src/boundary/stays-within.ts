import path from 'node:path';

/**
 * Whether a `path.relative(folder, target)` result stays within the folder:
 * the folder itself (`''`) or a path below it. `..` and `../x` climb out, an
 * absolute path (another drive) is elsewhere; a name that only starts with
 * two dots (`..notes.txt`, `...`) is a file inside like any other.
 */
export function staysWithin(relative: string): boolean {
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
