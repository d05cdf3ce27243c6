/**
 * Worker-thread entry of the file writer (see `createFileWriter`): each
 * message is a batch of files to write, answered with what was written (each
 * file's hash and size) and the first failure, if any. The folders made so
 * far are remembered for the thread's lifetime, which is one write of the
 * output folder.
 */
import { parentPort } from 'node:worker_threads';
import { type PendingWrite, writeFilesSync } from './write-files-sync.js';

const folders = new Set<string>();

parentPort?.on('message', (files: readonly PendingWrite[]) => {
  parentPort?.postMessage(writeFilesSync(files, folders));
});
