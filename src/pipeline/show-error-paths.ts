import path from 'node:path';
import { isNewsgenError, NewsgenError } from '../diagnostics/newsgen-error.js';

/**
 * A build's error with the files it names shown from the site's folder
 * (`templates/page.hbs`, not `/home/…/site/templates/page.hbs`), as content
 * errors already are: stages such as templates and plugins know files by
 * their absolute path. Anything else is returned as it is.
 */
export function showErrorPaths(error: unknown, root: string): unknown {
  if (!isNewsgenError(error)) return error;
  const prefix = `${path.resolve(root)}${path.sep}`;
  const shown = (text: string) => (text.includes(prefix) ? text.split(prefix).join('') : text);
  const named = [error.message, error.file ?? '', ...error.diagnostics.flatMap((found) => [found.file, found.reason])];
  if (!named.some((text) => text.includes(prefix))) return error;
  return new NewsgenError(shown(error.message), {
    code: error.code,
    file: error.file === undefined ? undefined : shown(error.file),
    place: error.place,
    hint: error.hint,
    cause: error.cause,
    exitCode: error.exitCode,
    diagnostics: error.diagnostics.map((found) => ({ ...found, file: shown(found.file), reason: shown(found.reason) })),
  });
}
