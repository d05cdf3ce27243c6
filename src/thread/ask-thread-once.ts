import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker entry `url` with `workerData` and gives its one answer,
 * read by `decode`, for work a build does aside while its own thread parses
 * the cache. Undefined, never a rejection, when a thread cannot help: one
 * core, the entry not built (code run from its TypeScript sources), no thread
 * to be had (a resource limit), a thread that fails or exits without
 * answering, or an answer `decode` does not recognise. The caller then does
 * the work on its own thread.
 */
export function askThreadOnce<T>(
  url: URL,
  workerData: unknown,
  decode: (message: unknown) => T | undefined,
): Promise<T | undefined> {
  return startThread(url, workerData, decode).answer;
}

/**
 * {@link askThreadOnce} for work whose answer a build may not need (a build
 * that fails first): the thread keeps the process alive only once `wait` is
 * called, so a failed build exits without waiting for it.
 */
export function askThreadLater<T>(
  url: URL,
  workerData: unknown,
  decode: (message: unknown) => T | undefined,
): { wait(): Promise<T | undefined> } {
  const { answer, worker } = startThread(url, workerData, decode);
  worker?.unref();
  return {
    wait() {
      worker?.ref();
      return answer;
    },
  };
}

function startThread<T>(
  url: URL,
  workerData: unknown,
  decode: (message: unknown) => T | undefined,
): { answer: Promise<T | undefined>; worker?: Worker } {
  if (availableParallelism() < 2 || !existsSync(fileURLToPath(url))) return { answer: Promise.resolve(undefined) };
  let worker: Worker;
  try {
    worker = new Worker(url, { workerData });
  } catch {
    return { answer: Promise.resolve(undefined) };
  }
  const answer = new Promise<T | undefined>((resolve) => {
    let settled = false;
    const settle = (value: T | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    worker.once('message', (message: unknown) => settle(decode(message)));
    worker.once('error', () => settle(undefined));
    worker.once('exit', () => settle(undefined));
  });
  return { answer, worker };
}
