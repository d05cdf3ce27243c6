import type { ResourceLimits } from 'node:worker_threads';

/**
 * The heap of the worker threads that process Markdown and render pages.
 * Both allocate short-lived objects by the gigabyte (micromark's events,
 * hast nodes, template strings), and with V8's default young generation
 * (16 MB semi-spaces) they spent a fifth of a second per thousand articles
 * in scavenges and promoted much of it to the old generation. A 64 MB
 * semi-space (V8 sizes a young generation at three semi-spaces) roughly
 * halves the scavenges of a cold build for about 100 MB more memory per
 * thread (see docs/performance.md). Only these pools get it: the main
 * thread's heap is fixed before any of newsgen's code runs.
 */
export const WORKER_HEAP: ResourceLimits = { maxYoungGenerationSizeMb: 3 * 64 };
