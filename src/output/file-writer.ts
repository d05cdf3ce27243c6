import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type PendingWrite, type WrittenBatch, writeFilesSync } from './write-files-sync.js';

/** Told, once a file is written, the hash (`hashBytes`) and size of its bytes, and whether they are its `previous` file's. */
export type OnWritten = (hash: string, size: number, same: boolean) => void;

/** Writes new files off the rendering thread; see {@link createFileWriter}. */
export interface FileWriter {
  /**
   * Queues a file; waits only when enough are in flight. Rejects with the
   * first failure, as an error for its file. `onWritten` hears of the file
   * once it is written (later, from the writer thread).
   */
  write(file: PendingWrite, onError: (error: Error) => Error, onWritten?: OnWritten): Promise<void>;
  /** Waits until every queued file is written (throwing the first failure), then stops the thread. */
  finish(): Promise<void>;
  /** Stops the thread without waiting for queued files (after a failure elsewhere). */
  close(): Promise<void>;
}

/**
 * Files per message to the writer thread: enough to amortise messaging. Each
 * message wakes the thread, and on two busy cores the wake-up costs the
 * sending thread its turn: a cold build of 10,000 articles spent 0.64 s of
 * its main thread's samples in `postMessage` with 32 files a message, 0.34 s with 128.
 */
const BATCH_FILES = 128;
/** Batches in flight before `write` waits: keeps the thread busy without holding many pages in memory. */
const BATCHES_IN_FLIGHT = 4;
const WORKER_URL = new URL('./write-worker.js', import.meta.url);

/**
 * A writer for one output folder: files are written on a thread of their
 * own, in batches, so the thread rendering pages pays neither for file
 * creation in the kernel nor for a promise per system call. Small writes
 * (fewer files than a batch) never start the thread, nor does code run
 * from its TypeScript sources (tests), where the worker entry is not built:
 * then each batch is written on this thread.
 */
export function createFileWriter(): FileWriter {
  let worker: Worker | undefined;
  const folders = new Set<string>();
  let batch: { file: PendingWrite; onError: (error: Error) => Error; onWritten: OnWritten | undefined }[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: Error | undefined;
  const settle = (sent: typeof batch, { hashes, sizes, same, failure: failed }: WrittenBatch) => {
    for (const [index, hash] of hashes.entries())
      sent[index]?.onWritten?.(hash, sizes[index] ?? 0, same[index] ?? false);
    if (!failed || failure) return;
    const item = sent[failed.index];
    const error = Object.assign(new Error(failed.message), { code: failed.code });
    failure = item ? item.onError(error) : error;
  };
  /** Batches sent to the thread, answered in order. */
  const waiting: { sent: typeof batch; resolve: () => void }[] = [];
  const start = (): Worker => {
    const started = new Worker(WORKER_URL);
    started.on('message', (answer: WrittenBatch) => {
      const next = waiting.shift();
      if (!next) return;
      settle(next.sent, answer);
      next.resolve();
    });
    const stop = (error: Error) => {
      failure ??= error;
      for (const next of waiting.splice(0)) next.resolve();
    };
    started.on('error', stop);
    started.on('exit', () => stop(new Error('Internal: the file writer thread stopped before it was done')));
    return started;
  };
  const send = (sent: typeof batch): Promise<void> => {
    if (!worker && (sent.length < BATCH_FILES || !existsSync(fileURLToPath(WORKER_URL)))) {
      settle(
        sent,
        writeFilesSync(
          sent.map((item) => item.file),
          folders,
        ),
      );
      return Promise.resolve();
    }
    const active = (worker ??= start());
    return new Promise<void>((resolve) => {
      waiting.push({ sent, resolve });
      active.postMessage(
        sent.map((item) => item.file),
        sent.flatMap((item) => (isWhole(item.file.contents) ? [item.file.contents.buffer] : [])),
      );
    });
  };
  const stopWorker = async () => {
    const active = worker;
    worker = undefined;
    active?.removeAllListeners('exit');
    await active?.terminate();
  };
  const flush = async () => {
    const sent = batch;
    batch = [];
    if (sent.length === 0) return;
    const pending = send(sent).finally(() => inFlight.delete(pending));
    inFlight.add(pending);
    while (inFlight.size >= BATCHES_IN_FLIGHT) await Promise.race(inFlight);
  };
  return {
    async write(file, onError, onWritten) {
      if (failure) throw failure;
      batch.push({ file, onError, onWritten });
      if (batch.length >= BATCH_FILES) await flush();
      if (failure) throw failure;
    },
    async finish() {
      try {
        if (!failure) await flush();
        await Promise.all(inFlight);
        if (failure) throw failure;
      } finally {
        await stopWorker();
      }
    },
    async close() {
      await Promise.all(inFlight);
      await stopWorker();
    },
  };
}

/** Bytes that own their whole buffer can be moved to the writer thread instead of copied. */
function isWhole(contents: Uint8Array): contents is Uint8Array<ArrayBuffer> {
  return (
    contents.byteOffset === 0 &&
    contents.buffer instanceof ArrayBuffer &&
    contents.byteLength === contents.buffer.byteLength
  );
}
