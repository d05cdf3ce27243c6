import { watch } from 'chokidar';

/** The part of a chokidar watcher that `watchSite` uses; tests pass a fake. */
export interface FileWatcher {
  on(event: 'all', listener: (event: string, file: string) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  on(event: 'ready', listener: () => void): unknown;
  add(paths: string[]): unknown;
  unwatch(paths: string[]): unknown;
  close(): Promise<void>;
}

/** How long chokidar holds a file's unlink event in case an add of the same file follows. */
const ATOMIC_HOLD_MS = 25;

/** Chokidar on this thread, watching `paths` and skipping what `ignored` says. */
export function createChokidarWatcher(paths: string[], ignored: (file: string) => boolean): FileWatcher {
  return watch(paths, {
    ignoreInitial: true,
    // Following links could walk a link loop forever; the roots themselves are resolved first.
    followSymlinks: false,
    depth: 64,
    // Folds an editor's delete-then-recreate save into one change: an unlink is held
    // this long in case its file comes back (chokidar's default of 100 ms was most
    // of a deletion's latency; an editor recreates the file within a millisecond or
    // two, and the collector also folds both events when they land in one batch).
    atomic: ATOMIC_HOLD_MS,
    ignored: (file: string) => ignored(file),
  });
}
