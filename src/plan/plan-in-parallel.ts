import type { ArticleBodies } from '../content/article.js';
import { urlToOutputPath } from '../output/resolve-output-path.js';
import type { Page } from '../site/site.js';
import { isOffloadPage, type OffloadPage } from './page-batch.js';
import {
  createPagePlanner,
  orderPages,
  type PlanInput,
  type PlannedOutput,
  planOtherOutputs,
  planOutputs,
  planPage,
} from './plan-outputs.js';

/** What rendering pages on other threads needs: batches of pages in, their HTML bytes out, in order. */
export interface PageOffload {
  /** Threads rendering at once: as many batches are kept in flight per thread, so none waits for work. */
  readonly threads: number;
  render(pages: readonly OffloadPage[], bodies: ArticleBodies): Promise<readonly Uint8Array[]>;
}

/** Pages per batch sent to another thread: large enough to amortise messaging, small enough to balance. */
const OFFLOAD_BATCH = 48;
/** Pages this thread renders between looks at the other threads: few, so a thread that finished its work soon gets more. */
const HERE_BATCH = 8;
/** Batches kept in flight per other thread: enough queued work to outlast this thread's own share. */
export const RENDER_IN_FLIGHT = 4;
/** Article pages looked at before deciding whether most pages render again (then other threads help). */
const OFFLOAD_SAMPLE = 32;

/**
 * {@link planOutputs} with pages rendered on other threads: this thread
 * fingerprints every page and sends those whose fingerprint changed, in
 * batches, in the order `planOutputs` renders them (listings first), and
 * renders a batch itself whenever every other thread has work queued, so
 * no thread waits while pages are left. The few pages that show no
 * articles (term indexes, standalone pages, the 404) render here. When most
 * pages of a sample of article pages are unchanged (a small edit),
 * everything stays on this thread. The same outputs with the same bytes as
 * `planOutputs`, in a different order.
 */
export async function* planOutputsInParallel(input: PlanInput, offload: PageOffload): AsyncGenerator<PlannedOutput> {
  const { render, fingerprintPage } = createPagePlanner(input);
  const ordered = orderPages(input.site.pages);
  const sample = ordered.filter((page) => page.kind === 'article').slice(0, OFFLOAD_SAMPLE);
  const changed = (page: Page) => input.previous.get(urlToOutputPath(page.url)) !== fingerprintPage(page);
  // A few chosen pages (see `onlyPages`) never pay for other threads, nor does a small edit.
  if (input.onlyPages || sample.filter(changed).length * 2 <= OFFLOAD_SAMPLE) {
    yield* planOutputs(input);
    return;
  }
  const queue = createOffloadQueue(input, offload, ordered.filter(isOffloadPage), fingerprintPage);
  queue.dispatch();
  for (const page of ordered) {
    if (isOffloadPage(page)) continue;
    yield* queue.drain();
    yield planPage(input, page, fingerprintPage, render);
  }
  for (;;) {
    yield* queue.drain();
    queue.dispatch();
    if (queue.hasWork()) {
      // Every other thread has work queued: render a batch here too.
      for (const item of queue.takeBatch(HERE_BATCH))
        yield { path: item.path, fingerprint: item.fingerprint, contents: render(item.page), page: item.page };
      await new Promise((resolve) => setImmediate(resolve));
    } else if (!(await queue.waitForBatch())) break;
  }
  yield* queue.drain();
  yield* planOtherOutputs(input);
}

interface BatchItem {
  readonly page: OffloadPage;
  readonly path: string;
  readonly fingerprint: string;
}

/** The pages still to plan, the batches on other threads, and the outputs they gave back. */
function createOffloadQueue(
  input: PlanInput,
  offload: PageOffload,
  pages: readonly OffloadPage[],
  fingerprintPage: (page: Page) => string,
) {
  const ready: PlannedOutput[] = [];
  let next = 0;
  let inFlight = 0;
  let failure: { error: unknown } | undefined;
  let waiting: (() => void) | undefined;
  /** The next pages whose fingerprint changed; unchanged ones go straight to `ready`. */
  const takeBatch = (size = OFFLOAD_BATCH): BatchItem[] => {
    const batch: BatchItem[] = [];
    while (next < pages.length && batch.length < size) {
      const page = pages[next++] as OffloadPage;
      const output = planPage(input, page, fingerprintPage, undefined);
      if (output.fingerprint === input.previous.get(output.path)) ready.push(output);
      else batch.push({ page, path: output.path, fingerprint: output.fingerprint });
    }
    return batch;
  };
  const send = (batch: readonly BatchItem[]) => {
    inFlight += 1;
    offload
      .render(
        batch.map((item) => item.page),
        input.bodies,
      )
      .then(
        (contents) => {
          for (const [index, item] of batch.entries()) ready.push({ ...item, contents: contents[index] });
        },
        (error: unknown) => void (failure ??= { error }),
      )
      .finally(() => {
        inFlight -= 1;
        waiting?.();
      });
  };
  return {
    takeBatch,
    hasWork: () => next < pages.length,
    dispatch() {
      while (!failure && inFlight < RENDER_IN_FLIGHT * offload.threads && next < pages.length) {
        const batch = takeBatch();
        if (batch.length > 0) send(batch);
      }
    },
    *drain(): Generator<PlannedOutput> {
      if (failure) throw failure.error;
      while (ready.length > 0) yield ready.shift() as PlannedOutput;
    },
    /** Waits for a batch in flight to come back; false when none is in flight. */
    async waitForBatch(): Promise<boolean> {
      if (inFlight === 0) return false;
      await new Promise<void>((resolve) => (waiting = resolve));
      waiting = undefined;
      return true;
    },
  };
}
