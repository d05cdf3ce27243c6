import { availableParallelism } from 'node:os';
import type { Place } from '../diagnostics/diagnostic.js';
import { isErrorCode } from '../diagnostics/error-codes.js';
import { NewsgenError } from '../diagnostics/newsgen-error.js';
import type { Concurrency } from '../process/process-in-parallel.js';
import { positionsOf } from '../site/positions.js';
import type { SiteArticle } from '../site/site.js';
import { WORKER_HEAP } from '../thread/worker-heap.js';
import { encodePages, unpackContents } from './page-batch.js';
import { type PageOffload, RENDER_IN_FLIGHT } from './plan-in-parallel.js';
import type { RenderFailure, RenderSetup } from './render-worker.js';

/** Below this many pages, starting a worker costs more than it saves. */
const PAGE_THRESHOLD = 400;
/**
 * `auto` renders on workers with at least this many cores. On two, one
 * render thread cut a cold build of the 10,000-article peer corpus (image
 * pipeline on) by 10 % (median 27.5 to 24.7 s, six interleaved pairs) and
 * of the bench corpus (no image pipeline) by 3.5 %, for 45 % more memory
 * (about 405 to 590 MB); see the README.
 */
const AUTO_MIN_CORES = 2;

/**
 * Worker threads that render pages for one build, started on the
 * first batch (a build that renders little never starts them) and stopped
 * with `close`. `concurrency` counts this thread too, as for processing;
 * `auto` means one thread per core on machines with two or more. Undefined
 * when that leaves no worker or the site is too small to pay for one.
 */
export function createRenderOffload(
  setup: RenderSetup,
  concurrency: Concurrency,
  pages: number,
): (PageOffload & { close(): Promise<void> }) | undefined {
  const cores = availableParallelism();
  const threads =
    (concurrency === 'auto' ? (pages >= PAGE_THRESHOLD && cores >= AUTO_MIN_CORES ? cores : 1) : concurrency) - 1;
  if (threads < 1) return undefined;
  let pool: import('piscina').Piscina | undefined;
  let positions: Map<SiteArticle, number> | undefined;
  let starting: Promise<import('piscina').Piscina> | undefined;
  const start = async () => {
    const { Piscina } = await import('piscina');
    pool = new Piscina({
      filename: new URL('./render-worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      workerData: setup,
      // The batches kept in flight are posted to the thread at once: the next is there when it finishes one,
      // rather than when this thread, busy rendering too, next looks at the event loop. A render thread of
      // the bench corpus's cold build (10,000 articles) had waited a sixth of its time; this cut the render
      // stage from 5.7 to 5.2 s and the build from 17.1 to 16.3 s (medians of six interleaved pairs).
      concurrentTasksPerWorker: RENDER_IN_FLIGHT,
      idleTimeout: 1000,
      resourceLimits: WORKER_HEAP,
    });
    return pool;
  };
  return {
    threads,
    async render(pages, bodies) {
      const active = await (starting ??= start());
      const result = (await active.run(encodePages(pages, bodies, (positions ??= positionsOf(setup.articles))))) as
        | Uint8Array
        | RenderFailure;
      if (result instanceof Uint8Array) return unpackContents(result);
      const { message, code, file, place, hint } = result.error;
      throw new NewsgenError(message, {
        code: isErrorCode(code) ? code : 'template-render',
        file,
        place: place as Place | undefined,
        hint,
      });
    },
    async close() {
      await starting?.catch(() => undefined);
      await pool?.destroy();
    },
  };
}
