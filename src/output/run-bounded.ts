/**
 * Runs `task` for every item, at most `limit` at a time, pulling items lazily so a
 * generator of pages is never drained into memory. Stops taking new items after the
 * first failure, always waits for the tasks already started (so the caller can clean
 * up safely), then rethrows the first error — the iterator's own error wins.
 */
export async function runBounded<T>(
  items: Iterable<T> | AsyncIterable<T>,
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Expected a positive integer limit, got ${limit}`);
  const running = new Set<Promise<void>>();
  const failures: unknown[] = [];
  try {
    for await (const item of items) {
      if (failures.length > 0) break;
      const pending: Promise<void> = startTask(task, item).then(
        () => void running.delete(pending),
        (error: unknown) => {
          running.delete(pending);
          failures.push(error);
        },
      );
      running.add(pending);
      if (running.size >= limit) await Promise.race(running);
    }
  } finally {
    await Promise.all(running);
  }
  if (failures.length > 0) throw failures[0];
}

/** Turns a synchronous throw from `task` into a rejection, like an async function would. */
async function startTask<T>(task: (item: T) => Promise<void>, item: T): Promise<void> {
  await task(item);
}
