import fs from 'node:fs';
import path from 'node:path';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** An entry of an input folder that a build leaves alone, and why. */
export interface RefusedEntry {
  /** The entry as found (absolute). */
  readonly path: string;
  /** Why it is left alone, as the end of a sentence: `points outside the site (/etc/passwd)`. */
  readonly reason: string;
  /** A file of a kind the build does not read (`x.markdown` in content/), rather than a link or special file. */
  readonly unread?: boolean;
}

/** What a symlink resolves to when a build may follow it. */
export type LinkTarget =
  | { readonly ok: true; readonly real: string; readonly kind: 'file' | 'folder' }
  | { readonly ok: false; readonly refused: RefusedEntry };

/**
 * Follows the symlink `link` (an I/O edge, read only) when it stays inside
 * the project: its target, every link resolved, must lie inside one of
 * `insideOf` (the site root, or the input folder itself), and be a regular
 * file or a folder. A link outside (`static/root -> /`, `content/x.md ->
 * ~/notes.md`), to a device, FIFO or socket (`x.md -> /dev/zero`), or a
 * broken one, is refused with the reason.
 */
export function resolveLink(link: string, insideOf: readonly string[]): LinkTarget {
  let real: string;
  let stats: fs.Stats;
  try {
    real = fs.realpathSync.native(link);
    stats = fs.statSync(real);
  } catch {
    return refuse(link, 'is a broken symlink');
  }
  const bounds = insideOf.map(realpathOrSelf);
  if (!bounds.some((bound) => real === bound || isInside(real, bound)))
    return refuse(link, `points outside the site (${real})`);
  if (stats.isFile()) return { ok: true, real, kind: 'file' };
  if (stats.isDirectory()) return { ok: true, real, kind: 'folder' };
  return refuse(link, `points at ${describeSpecial(stats)} (${real}), which a build never reads`);
}

/** Why a directory entry that is neither file, folder nor symlink is left alone. */
export function refuseSpecial(
  entry: string,
  stats: Pick<fs.Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>,
): RefusedEntry {
  return { path: entry, reason: `is ${describeSpecial(stats)}, which a build never reads` };
}

/**
 * The warning for an entry left alone, named by `shown` (its path for
 * messages). A warning now; `severity` is there for a strict mode that
 * makes it an error.
 */
export function describeRefusal(
  entry: RefusedEntry,
  shown: string,
  severity: 'warning' | 'error' = 'warning',
): Diagnostic {
  const [left, ruleId, hint] = entry.unread
    ? [
        'not read',
        'content-not-read' as const,
        'Rename an article to .md; a page of HTML from an old CMS needs converting to Markdown first, or belongs in static/.',
      ]
    : [
        'left out',
        'outside-project' as const,
        'Copy the file into the site folder instead of linking to it, or remove the link.',
      ];
  return createDiagnostic({
    file: shown,
    severity,
    reason: `Unexpected ${shown}, ${left}: it ${entry.reason}`,
    ruleId,
    hint,
  });
}

function describeSpecial(stats: Pick<fs.Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'a special file';
}

function refuse(link: string, reason: string): LinkTarget {
  return { ok: false, refused: { path: link, reason } };
}

function realpathOrSelf(dir: string): string {
  try {
    return fs.realpathSync.native(dir);
  } catch {
    return path.resolve(dir);
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}
