import path from 'node:path';
import { staysWithin } from '../boundary/stays-within.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import { findSegmentProblem } from '../url/path-segment.js';

/** Why an output path was refused by {@link checkOutputPath}. */
export interface OutputPathProblem {
  readonly reason: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses in output names.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const DRIVE_LETTER = /^[a-z]:/i;

/**
 * The guard every output path goes through: returns the path unchanged when it is a
 * plain relative posix path that stays inside the output folder and is safe on common
 * file systems, or the reason it is not. Nothing is normalised: a path that would need
 * normalising (`a//b`, `./a`, `a/../b`) is refused instead.
 */
export function checkOutputPath(relPath: string): string | OutputPathProblem {
  if (relPath === '') return { reason: 'is empty' };
  if (CONTROL_CHARACTER.test(relPath)) return { reason: 'contains a control character' };
  if (relPath.includes('\\')) return { reason: 'contains a backslash; use "/" between folders' };
  if (DRIVE_LETTER.test(relPath)) return { reason: 'starts with a drive letter' };
  if (relPath.startsWith('/')) return { reason: 'is absolute; expected a path relative to the output folder' };
  for (const segment of relPath.split('/')) {
    const reason = findSegmentProblem(segment);
    if (reason) return { reason };
  }
  return relPath;
}

/** Like {@link checkOutputPath}, but throws `NewsgenError` `unsafe-output-path` when the path is refused. */
export function assertOutputPath(relPath: string): string {
  const checked = checkOutputPath(relPath);
  if (typeof checked !== 'string') throw createUnsafePathError(relPath, checked.reason);
  return checked;
}

/**
 * Absolute path of `relPath` inside `outDir`, after the guard, checked a second time on
 * the resolved path with `path.relative` so nothing can land outside `outDir`.
 */
export function resolveOutputPath(outDir: string, relPath: string): string {
  const checked = assertOutputPath(relPath);
  const absolute = path.resolve(outDir, ...checked.split('/'));
  const back = path.relative(outDir, absolute);
  if (back === '' || !staysWithin(back) || back.split(path.sep).join('/') !== checked) {
    throw createUnsafePathError(relPath, 'resolves outside the output folder');
  }
  return absolute;
}

/**
 * Output path of a page from its root-relative URL path without the base path:
 * `/ekonomi/x/` → `ekonomi/x/index.html`, `/` → `index.html`, `/feed.xml` → `feed.xml`.
 * Percent-escapes are decoded per segment, as a web server would before looking up the file.
 */
export function urlToOutputPath(url: string): string {
  if (!url.startsWith('/')) {
    throw createUnsafePathError(url, 'is not a root-relative URL path; expected it to start with "/"');
  }
  const segments = url
    .slice(1)
    .split('/')
    .map((segment) => decodeSegment(url, segment));
  if (url.endsWith('/')) segments[segments.length - 1] = 'index.html';
  const relPath = segments.join('/');
  const checked = checkOutputPath(relPath);
  if (typeof checked !== 'string') throw createUnsafePathError(url, checked.reason);
  return checked;
}

/**
 * {@link urlToOutputPath} without the safety checks, for looking up a page
 * a previous build wrote (and so checked): a path that was never written
 * finds nothing, so an unsafe one can do no harm here.
 */
export function urlToKnownOutputPath(url: string): string {
  if (!url.includes('%')) return url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1);
  try {
    return urlToOutputPath(url);
  } catch {
    return '';
  }
}

function decodeSegment(url: string, segment: string): string {
  // Nothing to decode, and nothing decoded could be a slash (most URLs: a fast path).
  if (!segment.includes('%')) return segment;
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch (error) {
    throw createUnsafePathError(url, 'has a broken percent-escape', error);
  }
  // An escaped slash would silently add a folder level.
  if (decoded.includes('/')) throw createUnsafePathError(url, 'has an escaped "/" inside a segment');
  return decoded;
}

function createUnsafePathError(relPath: string, reason: string, cause?: unknown): NewsgenError {
  return new NewsgenError(`Unsafe output path ${JSON.stringify(relPath)}: it ${reason}`, {
    code: 'unsafe-output-path',
    hint: 'Output paths come from slugs, permalinks and static file names; rename the offending one.',
    cause,
  });
}
