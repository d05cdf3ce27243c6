import path from 'node:path';

/** The folders and files a watch session looks at (absolute paths). */
export interface WatchDirs {
  readonly content: string;
  readonly templates: string | undefined;
  readonly static: string;
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
  /** A content folder appeared or vanished: re-read all content. */
  readonly rescan: boolean;
}

/** Gathers watcher events into one {@link SiteChanges}, the last event per file winning. */
export interface ChangeCollector {
  /** Records one event; returns false when it concerns nothing the build reads. */
  record(event: WatchEvent, file: string): boolean;
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
  return undefined;
}

/**
 * Creates a collector for watcher events on the folders `dirs()` names (read
 * at each event, so a config change can move them). Content files are keyed
 * by path so an atomic save (unlink then add) or a rename within one batch
 * ends up as the file's final state.
 */
export function createChangeCollector(dirs: () => WatchDirs): ChangeCollector {
  let content = new Map<string, 'changed' | 'removed'>();
  let flags = { templates: false, static: false, config: false, rescan: false };
  return {
    record(event, file) {
      const kind = classifyPath(file, dirs());
      if (kind === undefined) return false;
      if (kind !== 'content') {
        flags[kind] = true;
        return true;
      }
      if (event === 'addDir' || event === 'unlinkDir') {
        flags.rescan = true;
        return true;
      }
      if (!file.endsWith('.md')) return false;
      content.set(file, event === 'unlink' ? 'removed' : 'changed');
      return true;
    },
    take() {
      if (content.size === 0 && !flags.templates && !flags.static && !flags.config && !flags.rescan) return undefined;
      const entries = [...content].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const changes: SiteChanges = {
        changed: entries.filter(([, state]) => state === 'changed').map(([file]) => file),
        removed: entries.filter(([, state]) => state === 'removed').map(([file]) => file),
        ...flags,
      };
      content = new Map();
      flags = { templates: false, static: false, config: false, rescan: false };
      return changes;
    },
  };
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
