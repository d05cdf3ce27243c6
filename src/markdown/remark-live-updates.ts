import type { Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString as mdastToString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Key in `file.data` of the function that reads an update's `time` (see {@link ReadUpdateTime}); none: not a live blog. */
export const READ_UPDATE_TIME_KEY = 'readUpdateTime';

/** Key in `file.data` of what holds a body that is not an article's (see {@link BodyHolder}); none: an article. */
export const BODY_HOLDER_KEY = 'bodyHolder';

/** A body that is not an article's: a standalone page (`content/pages/`) or an author's profile. */
export type BodyHolder = 'page' | 'profile';

/** Key in `file.data` under which `remarkLiveUpdates` lists the updates, newest first. */
export const LIVE_UPDATES_KEY = 'liveUpdates';

/** Rule id of a `:::update` the body cannot show (no readable time, or not in a live blog); permanent. */
export const LIVE_UPDATE_RULE = 'live-update';

/** Reads an update's `time` as the front matter's dates are read: the instant, or why not. */
export type ReadUpdateTime = (
  text: string,
) =>
  | { readonly ok: true; readonly time: number; readonly iso: string; readonly skipped?: string }
  | { readonly ok: false; readonly reason: string };

/** One `:::update` of a live blog as the Markdown stage found it. */
export interface BodyLiveUpdate {
  /** The anchor of the update on the page, from its time: `update-20261207-1046`. */
  readonly id: string;
  readonly time: number;
  /** ISO 8601 with the site's offset. */
  readonly iso: string;
  /** The text of the heading the update opens with, if it does. */
  readonly headline: string | undefined;
  /** The update's plain text (its headline left out), paragraphs joined by a space. */
  readonly text: string;
  /** Where `:::update` is written in the Markdown. */
  readonly place: { readonly line: number; readonly column: number };
  /** Why the time is probably wrong (a wall time the clocks skip, read as the instant after the gap), for a warning. */
  readonly skipped?: string;
}

const UPDATE_HINT =
  'Write it as :::update{time="2026-12-07 10:46"} on a line of its own, the update below it, then ::: to close it';

/**
 * A remark plugin for live blogs: each `:::update{time="…"}` at the top of
 * a body becomes `<div class="live-update" data-update="ISO"
 * data-update-id="update-…">`, which the page fills with its time (see
 * `expandLiveUpdates`). Updates are put newest first in the places the
 * updates take (text around them stays where it is), equal times in the
 * order written. An update without a readable time, inside another block, or
 * in a body that is not a live blog (no `file.data[READ_UPDATE_TIME_KEY]`) is
 * a {@link LIVE_UPDATE_RULE} message at its place, and is left out.
 */
export function remarkLiveUpdates() {
  return function orderUpdates(tree: Root, file: VFile): undefined {
    const read = file.data[READ_UPDATE_TIME_KEY] as ReadUpdateTime | undefined;
    const found: { node: ContainerDirective; update: BodyLiveUpdate }[] = [];
    const seen = new Map<string, number>();
    visit(tree, 'containerDirective', (node, index, parent) => {
      if (node.name !== 'update') return undefined;
      const problem = read ? (parent === tree ? undefined : NESTED) : outside(file);
      const update = problem ? undefined : readUpdate(node, read as ReadUpdateTime, file);
      if (problem) report(file, node, problem.reason, problem.hint);
      if (update) {
        const count = (seen.get(update.id) ?? 0) + 1;
        seen.set(update.id, count);
        found.push({ node, update: count === 1 ? update : { ...update, id: `${update.id}-${count}` } });
        return SKIP;
      }
      parent?.children.splice(index ?? 0, 1);
      return [SKIP, index ?? 0];
    });
    const slots = found.map(({ node }) => tree.children.indexOf(node as RootContent));
    // Array sort is stable: equal times keep the order they are written in.
    const newestFirst = [...found].sort((a, b) => b.update.time - a.update.time);
    newestFirst.forEach(({ node, update }, at) => {
      node.data = {
        hName: 'div',
        hProperties: { className: ['live-update'], dataUpdate: update.iso, dataUpdateId: update.id },
      };
      tree.children[slots[at] as number] = node as RootContent;
    });
    file.data[LIVE_UPDATES_KEY] = newestFirst.map(({ update }) => update);
  };
}

const OUTSIDE = {
  reason: 'Unexpected :::update in an article that is not a live blog',
  hint: 'Add `live: true` to the front matter to make the article a live blog, or remove the :::update and its closing :::',
};

/** Why an update cannot be where it is: in an article without `live: true`, or in a body no article holds. */
function outside(file: VFile): { reason: string; hint: string } {
  const holder = file.data[BODY_HOLDER_KEY] as BodyHolder | undefined;
  if (holder === undefined) return OUTSIDE;
  const name = holder === 'page' ? 'a standalone page' : "an author's profile";
  return {
    reason: `Unexpected :::update in ${name}, expected it in a live blog: only an article can be one`,
    hint: "Write the updates in an article (a section's folder, with `live: true` in its front matter), or remove the :::update and its closing :::",
  };
}

const NESTED = {
  reason: 'Unexpected :::update inside another block, expected it at the top level of the body',
  hint: 'Start :::update at the beginning of a line, outside lists, quotes and other components',
};

/** The update a directive holds, or a message at it when its `time` is missing or unreadable. */
function readUpdate(node: ContainerDirective, read: ReadUpdateTime, file: VFile): BodyLiveUpdate | undefined {
  const written = node.attributes?.['time'];
  const start = node.position?.start ?? { line: 1, column: 1 };
  if (typeof written !== 'string' || written.trim() === '') {
    report(file, node, 'Missing `time` on :::update, expected when the update was written', UPDATE_HINT);
    return undefined;
  }
  const time = read(written);
  if (!time.ok) {
    report(file, node, time.reason.replace(/^Unexpected date/, 'Unexpected :::update time'), UPDATE_HINT);
    return undefined;
  }
  const [first, ...rest] = node.children.filter((child) => !(child.type === 'paragraph' && child.data?.directiveLabel));
  const headline = first?.type === 'heading' ? mdastToString(first).trim() || undefined : undefined;
  const body = headline === undefined ? node.children : rest;
  const text = body
    .map((child) => mdastToString(child, { includeImageAlt: false }).trim())
    .filter(Boolean)
    .join(' ');
  // The wall time as written in the site's zone (the ISO text), to the minute, seconds when given.
  const digits = time.iso.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const id = `update-${digits.endsWith('00') ? digits.slice(0, -2) : digits}`;
  const place = { line: start.line, column: start.column };
  return {
    id,
    time: time.time,
    iso: time.iso,
    headline,
    text,
    place,
    ...(time.skipped ? { skipped: time.skipped } : {}),
  };
}

function report(file: VFile, node: ContainerDirective, reason: string, hint: string): void {
  file.message(reason, { place: node.position?.start, ruleId: LIVE_UPDATE_RULE, source: 'newsgen' }).note = hint;
}
