/**
 * Worker-thread entry of `statAside` (see `content-stats.ts`): stats the
 * listed content files it is given while the main thread loads the build
 * cache, and answers with their stats in one string.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { encodeStats, statFiles } from './stat-files.js';

const { base, files } = workerData as { base: string; files: string };
// NUL between paths: the one character a file name never holds.
parentPort?.postMessage(encodeStats(statFiles(base, files === '' ? [] : files.split('\0'))));
