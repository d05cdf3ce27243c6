import path from 'node:path';
import { staysWithin } from '../boundary/stays-within.js';
import { AUTHORS_DATA_FILES, CONTENT_IMAGE_FILE } from '../content/load-content.js';

/** The folders and files a watch session looks at (absolute paths). */
export interface WatchDirs {
  readonly content: string;
  readonly templates: string | undefined;
  readonly static: string;
  /** The data files' folder (`data/`); optional for callers that predate it. */
  readonly data?: string | undefined;
  /** The config file, when the site has one. */
  readonly config: string | undefined;
  /** The output folder: never a source of changes, even when nested in another folder. */
  readonly out: string;
}

/** What the file watcher reports. */
export type WatchEvent = 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir';

/** One batch of changes, ready to hand to a build session. */
export interface SiteChanges {
  /** Content files (under `WatchDirs.content`) added or changed. */
  readonly changed: readonly string[];
  /** Content files removed. */
  readonly removed: readonly string[];
  readonly templates: boolean;
  readonly static: boolean;
  readonly config: boolean;
  /**
   * List the content folder again and compare every file with what the last
   * build read, instead of trusting the events: a content folder appeared or
   * vanished, an image in the content folder (a page bundle's photo) changed,
   * or a burst of events (a `git checkout`) came in, during which a watcher
   * can miss or misorder events.
   */
  readonly rescan: boolean;
}

/** Content files touched in one batch from which it counts as a burst (see `SiteChanges.rescan`). */
export const BURST_FILES = 2;

/** Gathers watcher events into one {@link SiteChanges}, the last event per file winning. */
export interface ChangeCollector {
  /**
   * Records one event; returns false when it concerns nothing the build reads.
   * `plainFile: false` says the path is now a symlink or a special file: the
   * listing decides whether such a content file may be read at all.
   */
  record(event: WatchEvent, file: string, plainFile?: boolean): boolean;
  /** Asks the next batch to list the content folder again, even without events. */
  requestRescan(): void;
  /** The changes gathered since the last take, or undefined when there are none. */
  take(): SiteChanges | undefined;
}

/** Which input of the build a path belongs to, or undefined for none. */
export function classifyPath(file: string, dirs: WatchDirs): 'content' | 'templates' | 'static' | 'config' | undefined {
  if (dirs.config !== undefined && file === dirs.config) return 'config';
  if (isInside(file, dirs.out)) return undefined;
  if (isInside(file, dirs.content)) return 'content';
  if (dirs.templates !== undefined && isInside(file, dirs.templates)) return 'templates';
  if (isInside(file, dirs.static)) return 'static';
  // Every build reads the data files again: any flag that starts one will do.
  if (dirs.data !== undefined && isInside(file, dirs.data)) return 'static';
  return undefined;
}

/**
 * Creates a collector for watcher events on the folders `dirs()` names (read
 * at each event, so a config change can move them). Content files are keyed
 * by path so an atomic save (unlink then add) or a rename within one batch
 * ends up as the file's final state. A batch touching {@link BURST_FILES} or
 * more content files is a rescan.
 */
export function createChangeCollector(dirs: () => WatchDirs): ChangeCollector {
  let content = new Map<string, 'changed' | 'removed'>();
  let flags = { templates: false, static: false, config: false, rescan: false };
  return {
    record(event, file, plainFile = true) {
      const kind = classifyPath(file, dirs());
      if (kind === undefined) return false;
      if (kind !== 'content') {
        flags[kind] = true;
        return true;
      }
      if (event === 'addDir' || event === 'unlinkDir' || CONTENT_IMAGE_FILE.test(file)) {
        flags.rescan = true;
        return true;
      }
      if (!isContentFile(file, dirs().content)) return false;
      if (!plainFile && event !== 'unlink') {
        content.delete(file);
        flags.rescan = true;
        return true;
      }
      content.set(file, event === 'unlink' ? 'removed' : 'changed');
      return true;
    },
    requestRescan() {
      flags.rescan = true;
    },
    take() {
      if (content.size === 0 && !flags.templates && !flags.static && !flags.config && !flags.rescan) return undefined;
      const entries = [...content].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const removed = entries.filter(([, state]) => state === 'removed').map(([file]) => file);
      const changes: SiteChanges = {
        changed: entries.filter(([, state]) => state === 'changed').map(([file]) => file),
        removed,
        ...flags,
        rescan: flags.rescan || content.size >= BURST_FILES,
      };
      content = new Map();
      flags = { templates: false, static: false, config: false, rescan: false };
      return changes;
    },
  };
}

/** Articles and author profiles (`.md`), and the authors data file at the content root. */
function isContentFile(file: string, contentDir: string): boolean {
  // As the listing has it: nothing in a dot folder, and no dot file, is content.
  if (
    path
      .relative(contentDir, file)
      .split(path.sep)
      .some((segment) => segment.startsWith('.'))
  )
    return false;
  return file.endsWith('.md') || AUTHORS_DATA_FILES.some((name) => file === path.join(contentDir, name));
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return staysWithin(relative);
}
