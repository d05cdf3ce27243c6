import type { ArticleBodies } from '../content/article.js';
import { urlToOutputPath } from '../output/resolve-output-path.js';
import type { ArticlePage, Page } from '../site/site.js';
import {
  createPagePlanner,
  orderPages,
  type PlanInput,
  type PlannedOutput,
  planOtherOutputs,
  planOutputs,
  planPage,
} from './plan-outputs.js';

/** What rendering pages on other threads needs: batches of article pages in, their HTML bytes out, in order. */
export interface PageOffload {
  /** Threads rendering at once: as many batches are kept in flight per thread, so none waits for work. */
  readonly threads: number;
  render(pages: readonly ArticlePage[], bodies: ArticleBodies): Promise<readonly Uint8Array[]>;
}

/** Article pages per batch sent to another thread: large enough to amortise messaging, small enough to balance. */
const OFFLOAD_BATCH = 48;
/** Article pages looked at before deciding whether most pages render again (then other threads help). */
const OFFLOAD_SAMPLE = 32;

/**
 * {@link planOutputs} with article pages rendered on other threads while
 * this one renders the listing pages, then helps with the articles left.
 * Fingerprints are still computed here, and only pages whose fingerprint
 * changed are sent; when most pages of a sample of article pages are
 * unchanged (a small edit), everything stays on this thread. The same
 * outputs with the same bytes as `planOutputs`, in a different order.
 */
export async function* planOutputsInParallel(input: PlanInput, offload: PageOffload): AsyncGenerator<PlannedOutput> {
  const { render, fingerprintPage } = createPagePlanner(input);
  const ordered = orderPages(input.site.pages);
  const articlePages = ordered.filter((page): page is ArticlePage => page.kind === 'article');
  const changed = (page: Page) => input.previous.get(urlToOutputPath(page.url)) !== fingerprintPage(page);
  // A few chosen pages (see `onlyPages`) never pay for other threads, nor does a small edit.
  if (input.onlyPages || articlePages.slice(0, OFFLOAD_SAMPLE).filter(changed).length * 2 <= OFFLOAD_SAMPLE) {
    yield* planOutputs(input);
    return;
  }
  const queue = createOffloadQueue(input, offload, articlePages, fingerprintPage);
  queue.dispatch();
  let count = 0;
  for (const page of ordered) {
    if (page.kind === 'article') continue;
    yield* queue.drain();
    yield planPage(input, page, fingerprintPage, render);
    // Rendering is synchronous: let finished batches in and send more now and then.
    if (++count % 16 === 0) {
      queue.dispatch();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  for (;;) {
    yield* queue.drain();
    queue.dispatch();
    if (queue.hasWork()) {
      // Every other thread has work queued: render a batch here too.
      for (const item of queue.takeBatch())
        yield { path: item.path, fingerprint: item.fingerprint, contents: render(item.page), page: item.page };
      await new Promise((resolve) => setImmediate(resolve));
    } else if (!(await queue.waitForBatch())) break;
  }
  yield* queue.drain();
  yield* planOtherOutputs(input);
}

interface BatchItem {
  readonly page: ArticlePage;
  readonly path: string;
  readonly fingerprint: string;
}

/** The article pages still to plan, the batches on other threads, and the outputs they gave back. */
function createOffloadQueue(
  input: PlanInput,
  offload: PageOffload,
  articlePages: readonly ArticlePage[],
  fingerprintPage: (page: Page) => string,
) {
  const ready: PlannedOutput[] = [];
  let next = 0;
  let inFlight = 0;
  let failure: { error: unknown } | undefined;
  let waiting: (() => void) | undefined;
  /** The next article pages whose fingerprint changed; unchanged ones go straight to `ready`. */
  const takeBatch = (): BatchItem[] => {
    const batch: BatchItem[] = [];
    while (next < articlePages.length && batch.length < OFFLOAD_BATCH) {
      const page = articlePages[next++] as ArticlePage;
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
    hasWork: () => next < articlePages.length,
    dispatch() {
      while (!failure && inFlight < 2 * offload.threads && next < articlePages.length) {
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
