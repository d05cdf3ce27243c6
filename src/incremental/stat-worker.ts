/**
 * Worker-thread entry of `statAside` and `hashAside` (see
 * `content-stats.ts`): while the main thread loads the build cache, stats
 * the content files it is given and reads and hashes those of the first
 * `hashable` that changed at or after `since` (their ctime), and answers
 * with both in one string.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { stampSize } from '../boundary/file-stamp.js';
import { encodeStats, hashFiles, statFiles } from './stat-files.js';

const { base, files, since, hashable } = workerData as { base: string; files: string; since: number; hashable: number };
// NUL between paths: the one character a file name never holds.
const list = files === '' ? [] : files.split('\0');
const { stamps, recent } = statFiles(base, list, since);
const read = recent.filter((index) => index < hashable);
const hashes = new Array<string | undefined>(list.length).fill(undefined);
hashFiles(
  base,
  read.map((index) => list[index] as string),
  read.map((index) => stampSize(stamps[index])),
).forEach((hash, at) => {
  hashes[read[at] as number] = hash;
});
parentPort?.postMessage(encodeStats(stamps, hashes));
