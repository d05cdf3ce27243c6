import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { staysWithin } from '../boundary/stays-within.js';
import type { FileWatcher } from './chokidar-watcher.js';
import { createChangeCollector, type SiteChanges, type WatchDirs, type WatchEvent } from './collect-changes.js';
import { describeWatchError } from './describe-watch-error.js';
import { isIgnoredPath } from './is-ignored-path.js';
import { createRechecks } from './recheck-changes.js';
import { createFileWatcher } from './watcher-thread.js';

export type { FileWatcher };

/** Starts watching `paths`, skipping what `ignored` says. */
export type CreateFileWatcher = (paths: string[], ignored: (file: string) => boolean) => FileWatcher;

/** What {@link watchSite} needs. */
export interface WatchSiteOptions {
  readonly dirs: WatchDirs;
  /** Rebuilds for one batch of changes. Never called again before its promise settles. */
  readonly onChanges: (changes: SiteChanges) => Promise<void>;
  /** A watcher failure or an unexpected throw from `onChanges`; watching goes on. */
  readonly onError: (error: unknown) => void;
  /** Quiet time after the last event before a batch is built. @default 20 */
  readonly debounceMs?: number;
  /** Longest a batch waits while events keep coming. @default 200 */
  readonly maxWaitMs?: number;
  /** Quiet time after a burst's build, or a removal's, before the content folder is listed once more. @default 300 */
  readonly settleMs?: number;
  /** How often the watched folders are looked up again, for one removed or made while watching; 0 never. @default 500 */
  readonly rootCheckMs?: number;
  /** @default chokidar, on a thread of its own ({@link createFileWatcher}) */
  readonly createWatcher?: CreateFileWatcher;
}

/** A running watch: changes become batches, batches become builds, one at a time. */
export interface SiteWatcher {
  /** Resolves once the initial scan is done and changes are being reported. */
  readonly ready: Promise<void>;
  /** Watches other folders (after a config change moved them). */
  setDirs(dirs: WatchDirs): void;
  /** Builds once more from a fresh listing, as after a burst (the clock passed a scheduled article's time). */
  rebuild(): void;
  /** Resolves when no batch is waiting or building, a burst's settling listing included. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches a site's content, templates, static folder and config file.
 * Events are debounced into batches (so an editor's write-temp-then-rename
 * save, or a `git checkout` touching a hundred files, is one build); builds
 * never overlap, and whatever changes during a build is built next. A burst
 * (see `SiteChanges.rescan`) is built from a fresh listing of the content
 * folder rather than from its events, and listed once more when it has
 * settled, so a checkout's output equals a fresh build even when the
 * watcher lost or misordered some of its events. A single removal is built
 * from its event, for speed, and settles the same way (catching a rename
 * whose other half was lost). Editor
 * swap and temp files are ignored; symlinks are not followed, so a link loop
 * cannot make the scan endless.
 */
export function watchSite(options: WatchSiteOptions): SiteWatcher {
  const debounceMs = options.debounceMs ?? 20;
  const maxWaitMs = options.maxWaitMs ?? 200;
  const settleMs = options.settleMs ?? 300;
  let dirs = options.dirs;
  let roots = resolveRoots(dirs);
  const collector = createChangeCollector(() => dirs);
  const createWatcher = options.createWatcher ?? createFileWatcher;
  const watched = roots.map((root) => root.real);
  const watcher = createWatcher(watched, isIgnoredPath);
  let timer: NodeJS.Timeout | undefined;
  let firstEventAt: number | undefined;
  let pending = false;
  let running: Promise<void> | undefined;
  let closed = false;
  /** Events recorded since the last batch was taken (a settling rescan has none). */
  let events = 0;

  // After a burst is built, the folder is listed once more when things have
  // been quiet for a while: an event the watcher lost at the end of a
  // checkout (there is no later event to bring it in) is then still built.
  const rebuild = (): void => {
    if (closed) return;
    collector.requestRescan();
    pending = true;
    schedule();
  };
  const settler = createSettler(settleMs, rebuild);
  const schedule = (): void => {
    if (closed) return;
    firstEventAt ??= Date.now();
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), Math.max(0, Math.min(debounceMs, firstEventAt + maxWaitMs - Date.now())));
  };

  const flush = async (): Promise<void> => {
    timer = undefined;
    if (running || closed) return;
    firstEventAt = undefined;
    pending = false;
    const fromEvents = events > 0;
    events = 0;
    const changes = collector.take();
    if (!changes) return;
    running = options.onChanges(changes).catch((error: unknown) => options.onError(error));
    await running;
    running = undefined;
    if ((changes.rescan || changes.removed.length > 0) && fromEvents) settler.later();
    if (pending) schedule();
  };
  const onEvent = (event: string, file: string): void => {
    if (closed || !isWatchEvent(event)) return;
    if (!collector.record(event, toConfiguredPath(file, roots), isPlainFile(event, file))) return;
    events += 1;
    pending = true;
    schedule();
    if (event === 'add' || event === 'change') rechecks.later(file);
  };
  const rechecks = createRechecks((event, file) => onEvent(event, file));
  watcher.on('all', onEvent);
  watcher.on('error', (error) => options.onError(describeWatchError(error)));
  const ready = roots.length === 0 ? Promise.resolve() : new Promise<void>((resolve) => watcher.on('ready', resolve));

  const site: SiteWatcher = {
    ready,
    setDirs(next) {
      dirs = next;
      const before = roots;
      roots = rewatch(watcher, roots, resolveRoots(next));
      reportMovedRoots(before, roots, onEvent);
    },
    rebuild,
    async idle() {
      while (timer !== undefined || running !== undefined || pending || settler.waiting) {
        await (running ?? new Promise((resolve) => setTimeout(resolve, debounceMs)));
      }
    },
    async close() {
      closed = true;
      if (rootCheck) clearInterval(rootCheck);
      if (timer) clearTimeout(timer);
      settler.clear();
      rechecks.clear();
      await watcher.close();
      await running;
    },
  };
  // A folder removed is lost to the watcher, and one made later (a first `static/`) was never in it.
  const rootCheck = repeatEvery(options.rootCheckMs ?? 500, () => closed || site.setDirs(dirs));
  return site;
}

/** Calls `run` every `ms` without keeping the process alive; never for `ms` 0. */
function repeatEvery(ms: number, run: () => void): NodeJS.Timeout | undefined {
  return ms > 0 ? setInterval(run, ms).unref() : undefined;
}

/** A timer that calls `fire` once `ms` have passed quietly since the last `later()`. */
function createSettler(ms: number, fire: () => void) {
  let timer: NodeJS.Timeout | undefined;
  return {
    later(): void {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        fire();
      }, ms);
      timer.unref();
    },
    get waiting(): boolean {
      return timer !== undefined;
    },
    clear(): void {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** Reports a watched folder that appeared or vanished as that folder's event, which rebuilds what it holds. */
function reportMovedRoots(
  before: readonly Root[],
  after: readonly Root[],
  onEvent: (event: WatchEvent, file: string) => void,
) {
  for (const root of after) if (!before.some((old) => old.real === root.real)) onEvent('addDir', root.configured);
  for (const root of before) if (!after.some((now) => now.real === root.real)) onEvent('unlinkDir', root.configured);
}

/** False when an added or changed path is a symlink or a special file (a FIFO, say), which only a listing may admit. */
function isPlainFile(event: WatchEvent, file: string): boolean {
  if (event !== 'add' && event !== 'change') return true;
  const info = lstatSync(file, { throwIfNoEntry: false });
  return info === undefined || info.isFile();
}

/** Moves `watcher` from the roots `old` to `next`; returns `next`. */
function rewatch(watcher: FileWatcher, old: readonly Root[], next: Root[]): Root[] {
  const before = old.map((root) => root.real);
  const now = next.map((root) => root.real);
  const gone = before.filter((root) => !now.includes(root));
  const added = now.filter((root) => !before.includes(root));
  if (gone.length > 0) watcher.unwatch(gone);
  if (added.length > 0) watcher.add(added);
  return next;
}

/** A watched path as given, and as the file system resolves it (what the watcher reports). */
interface Root {
  readonly configured: string;
  readonly real: string;
}

/**
 * The roots that exist, resolved. Missing ones are left out: chokidar reports
 * `ready` before the other roots are watched when one of them is missing.
 */
function resolveRoots(dirs: WatchDirs): Root[] {
  const wanted = [dirs.content, dirs.templates, dirs.static, dirs.data, dirs.config].filter(
    (dir): dir is string => dir !== undefined,
  );
  return [...new Set(wanted)].flatMap((configured) => {
    const real = realpathOrUndefined(configured);
    return real === undefined ? [] : [{ configured, real }];
  });
}

function realpathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** Maps a reported path back under the folder the config names, which the build compares against. */
function toConfiguredPath(file: string, roots: readonly Root[]): string {
  for (const root of roots) {
    const relative = path.relative(root.real, file);
    if (relative === '') return root.configured;
    if (staysWithin(relative)) return path.join(root.configured, relative);
  }
  return file;
}

function isWatchEvent(event: string): event is WatchEvent {
  return event === 'add' || event === 'change' || event === 'unlink' || event === 'addDir' || event === 'unlinkDir';
}
