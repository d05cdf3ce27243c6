import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createChokidarWatcher, type FileWatcher } from './chokidar-watcher.js';
import { isIgnoredPath } from './is-ignored-path.js';

/** What the building thread asks of the watcher thread. */
export type WatcherRequest =
  | { readonly kind: 'add' | 'unwatch'; readonly paths: string[] }
  | { readonly kind: 'close' };

/**
 * What the watcher thread reports: chokidar's events (in order), an error, the
 * end of its first scan, or that chokidar let go of every folder after `close`
 * (the thread is then ended, whatever else its event loop still holds).
 */
export type WatcherReport =
  | { readonly kind: 'events'; readonly events: [string, string][] }
  | { readonly kind: 'error'; readonly message: string; readonly code?: string }
  | { readonly kind: 'ready' }
  | { readonly kind: 'closed' };

const WORKER_URL = new URL('./watch-worker.js', import.meta.url);

/**
 * The file watcher `watchSite` starts by default: chokidar skipping what
 * `isIgnoredPath` says, on a thread of its own when the built worker entry
 * is there (run from TypeScript sources, as in tests, on this thread).
 * Chokidar lists a whole folder, with a stat of every file, each time a
 * file appears in it or leaves it, twice for a new file: about 35 ms for
 * each listing of a 1,250-article section, which on the building thread
 * fell inside the preview's rebuild of every new or deleted article.
 * An `ignored` other than `isIgnoredPath` (a function cannot cross to a
 * thread) keeps chokidar on this thread.
 */
export function createFileWatcher(paths: string[], ignored: (file: string) => boolean): FileWatcher {
  if (ignored !== isIgnoredPath || !existsSync(fileURLToPath(WORKER_URL))) return createChokidarWatcher(paths, ignored);
  return startWatcherThread(paths, WORKER_URL);
}

/** Chokidar on a worker thread started from `workerUrl`, behind the {@link FileWatcher} interface. */
export function startWatcherThread(paths: string[], workerUrl: URL): FileWatcher {
  const worker = new Worker(workerUrl, { workerData: { paths } });
  const listeners = {
    all: [] as ((event: string, file: string) => void)[],
    error: [] as ((error: unknown) => void)[],
    ready: [] as (() => void)[],
  };
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  let closing = false;
  worker.on('message', (report: WatcherReport) => {
    if (report.kind === 'events')
      for (const [event, file] of report.events) for (const on of listeners.all) on(event, file);
    else if (report.kind === 'ready') for (const on of listeners.ready) on();
    else if (report.kind === 'closed') void worker.terminate();
    else {
      const error = Object.assign(new Error(report.message), report.code === undefined ? {} : { code: report.code });
      for (const on of listeners.error) on(error);
    }
  });
  // A thread that fails stops: its error is reported, or its stopping when it gave none.
  let failed = false;
  worker.on('error', (error) => {
    failed = true;
    for (const on of listeners.error) on(error);
  });
  void exit.then(() => {
    if (!closing && !failed) for (const on of listeners.error) on(new Error('the watcher thread stopped'));
  });
  const send = (request: WatcherRequest) => {
    if (!exited) worker.postMessage(request);
  };
  const watcher: FileWatcher = {
    on(event: 'all' | 'error' | 'ready', listener: never) {
      (listeners[event] as unknown[]).push(listener);
      return watcher;
    },
    add: (added) => send({ kind: 'add', paths: added }),
    unwatch: (gone) => send({ kind: 'unwatch', paths: gone }),
    async close() {
      closing = true;
      send({ kind: 'close' });
      await exit;
    },
  };
  return watcher;
}
