/**
 * Worker-thread entry of `statStaticAside` (see `stat-static-files.ts`):
 * lists and stats the static folder while the main thread loads the build
 * cache, and answers once. A folder it cannot list (or an unsafe file name
 * in it) is answered with `null`: the main thread lists it again and
 * reports the problem itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { encodeStaticFolder, statStaticFolder } from './stat-static-files.js';

const { staticDir } = workerData as { staticDir: string };
statStaticFolder(staticDir).then(
  (folder) => parentPort?.postMessage(encodeStaticFolder(folder)),
  () => parentPort?.postMessage(null),
);
