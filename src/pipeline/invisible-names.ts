import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { StaticFile } from '../output/list-static-files.js';
import { compareText } from '../site/compare.js';
import { findInvisibleCharacter, showInvisible } from '../url/invisible-characters.js';

/**
 * The files among `files` (the static folder's, or page bundles') whose
 * path holds a character no one sees (see `findInvisibleCharacter`): each is
 * published as it is, at an address that holds it too.
 */
export function findInvisibleNames(files: readonly StaticFile[]): readonly StaticFile[] {
  return files.filter((file) => findInvisibleCharacter(file.path) !== undefined);
}

/**
 * A `url-invisible-character` warning for each of `files`, its file as
 * `shown` names it. A warning, not an error: the name comes from a disk,
 * often from a camera or a download rather than a keyboard, it has no
 * line to point at, and the file is published where its name says.
 */
export function describeInvisibleNames(files: readonly StaticFile[], shown: (file: string) => string): Diagnostic[] {
  return [...files]
    .sort((a, b) => compareText(a.source, b.source))
    .map((file) =>
      createDiagnostic({
        file: showInvisible(shown(file.source)),
        severity: 'warning',
        reason: `Unexpected ${findInvisibleCharacter(file.path)} in the name of a file published as it is, at /${showInvisible(file.path)}: its address shows differently from what it is`,
        ruleId: 'url-invisible-character',
      }),
    );
}
