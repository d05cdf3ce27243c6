import fs from 'node:fs';
import path from 'node:path';

/**
 * Name of the file every build writes at the top of its output folder. Its
 * presence is how a later build knows the folder is newsgen's own output,
 * which it may replace as a whole; a folder without it is someone else's.
 */
export const OUTPUT_MARKER = '.newsgen-output';

/** What the marker file says (fixed text, so the output stays byte-identical between builds). */
export const OUTPUT_MARKER_TEXT =
  'This folder is the output of `newsgen build`. The next build replaces everything in it.\n' +
  'Delete this file to stop newsgen from replacing the folder.\n';

/** What a build finds at the place of its output folder. */
export type OutputOwnership =
  | { readonly kind: 'absent' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'marked'; readonly repository: boolean }
  | { readonly kind: 'foreign'; readonly entries: readonly string[]; readonly repository: boolean };

/**
 * Looks at an existing output folder (an I/O edge, read only): absent, empty,
 * marked by an earlier build, or holding files of someone else. `repository`
 * says the folder holds a `.git` entry, which replacing the folder would delete.
 * Entries are sorted, so messages naming them are stable.
 */
export function readOutputOwnership(dir: string): OutputOwnership {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir).sort();
  } catch (error) {
    if (isCode(error, 'ENOENT')) return { kind: 'absent' };
    throw error;
  }
  if (entries.length === 0) return { kind: 'empty' };
  const repository = entries.includes('.git');
  if (entries.includes(OUTPUT_MARKER) && isFile(path.join(dir, OUTPUT_MARKER))) return { kind: 'marked', repository };
  if (entries.includes('feed.xml') && isEarlierOutput(path.join(dir, 'feed.xml')))
    return { kind: 'marked', repository };
  return { kind: 'foreign', entries, repository };
}

/**
 * Output of a newsgen from before the marker existed: its top-level feed
 * names newsgen as its generator in the channel's header. Without this, the
 * first build after an upgrade would refuse the site's own dist/ (and fail in
 * CI) until someone passed --force-out.
 */
function isEarlierOutput(feed: string): boolean {
  if (!isFile(feed)) return false;
  const handle = fs.openSync(feed, 'r');
  try {
    const head = Buffer.alloc(8192);
    const length = fs.readSync(handle, head, 0, head.length, 0);
    return head.toString('utf8', 0, length).includes('<generator>newsgen</generator>');
  } finally {
    fs.closeSync(handle);
  }
}

function isFile(file: string): boolean {
  return fs.lstatSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
