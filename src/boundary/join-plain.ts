import path from 'node:path';

/**
 * `folder` + `/rest` in the platform's separators, where `rest` is a plain
 * rooted path (`/nasional/foto.jpg`: no `.` or `..` segment, no doubled
 * slash), such as a name read from a folder or a path a listing made. It
 * skips `path.join`'s normalising, which a build's listings and image
 * lookups repeat for thousands of files; a `folder` that needs normalising
 * still goes through `path.join`.
 */
export function joinPlain(folder: string, rest: string): string {
  if (folder.includes(`${path.sep}.`) || folder.includes(`${path.sep}${path.sep}`)) return path.join(folder, rest);
  const tail = path.sep === '/' ? rest : rest.replaceAll('/', path.sep);
  return folder.endsWith(path.sep) ? `${folder}${tail.slice(1)}` : `${folder}${tail}`;
}
