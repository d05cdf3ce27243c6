// How much slower this machine reads memory a process has left alone for a
// moment than memory it is using: on some virtual machines the first walk
// after a pause is several times slower (7 times on one 2-core VM whose
// kernel ran DAMON with a page-out scheme). A watch process holds a
// site's model between saves, and an editor pauses between saves, so on such
// a machine every rebuild pays this; the bench prints it beside the timings
// so that figures from different machines and days can be told apart.
// usage (as a module): const { hotMs, idleMs } = await measureIdleMemory();

const OBJECTS = 2_000_000;
const PAUSE_MS = 1500;
const ROUNDS = 3;

/** Milliseconds to walk about 100 MB of small objects while in use, and after PAUSE_MS of rest (medians). */
export async function measureIdleMemory() {
  const objects = Array.from({ length: OBJECTS }, (_, index) => ({ index, label: `o${index}` }));
  const walk = () => {
    const start = performance.now();
    let sum = 0;
    for (const object of objects) sum += object.index;
    if (sum < 0) throw new Error('unreachable');
    return performance.now() - start;
  };
  walk();
  const hot = [];
  const idle = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    hot.push(walk());
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    idle.push(walk());
  }
  return { hotMs: median(hot), idleMs: median(idle), pauseMs: PAUSE_MS };
}

/** One line for a bench's output. */
export function describeIdleMemory({ hotMs, idleMs, pauseMs }) {
  return `machine: walking 100 MB of objects takes ${hotMs.toFixed(0)} ms in use, ${idleMs.toFixed(0)} ms after ${(pauseMs / 1000).toFixed(1)} s at rest (${(idleMs / hotMs).toFixed(1)} ×)`;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
