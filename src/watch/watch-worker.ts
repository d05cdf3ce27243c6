/**
 * Worker-thread entry of the file watcher (see `startWatcherThread`):
 * chokidar runs here, skipping what `isIgnoredPath` says, and its events,
 * errors and readiness go to the thread that builds. Messages in: `add` and
 * `unwatch` (paths), and `close`, answered `closed` once chokidar has let go.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createChokidarWatcher } from './chokidar-watcher.js';
import { isIgnoredPath } from './is-ignored-path.js';
import type { WatcherReport, WatcherRequest } from './watcher-thread.js';

const port = parentPort;
if (port) {
  const watcher = createChokidarWatcher((workerData as { paths: string[] }).paths, isIgnoredPath);
  // Events of one turn go in one message (a checkout reports thousands), and before any other report.
  const events: [string, string][] = [];
  const post = (report: WatcherReport) => {
    if (report.kind !== 'events' && events.length > 0) port.postMessage({ kind: 'events', events: events.splice(0) });
    port.postMessage(report);
  };
  watcher.on('all', (event, file) => {
    if (events.length === 0)
      setImmediate(() => events.length > 0 && post({ kind: 'events', events: events.splice(0) }));
    events.push([event, file]);
  });
  watcher.on('error', (error) => {
    const { message, code } = error instanceof Error ? (error as NodeJS.ErrnoException) : { message: String(error) };
    post({ kind: 'error', message, ...(code === undefined ? {} : { code }) });
  });
  watcher.on('ready', () => post({ kind: 'ready' }));
  port.on('message', (request: WatcherRequest) => {
    if (request.kind === 'add') watcher.add(request.paths);
    else if (request.kind === 'unwatch') watcher.unwatch(request.paths);
    else void watcher.close().then(() => post({ kind: 'closed' }));
  });
}
