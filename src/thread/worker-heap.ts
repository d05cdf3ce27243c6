import type { ResourceLimits } from 'node:worker_threads';

/**
 * The heap of the worker threads that process Markdown and render pages.
 * Both make short-lived objects by the gigabyte (micromark's events, hast
 * nodes, template strings). With V8's default young generation (16 MB
 * semi-spaces), the two worker threads of a cold build of 10,000 articles ran
 * 415 scavenges (1.4 s); with 64 MB semi-spaces (V8 sizes a young generation
 * at three of them), 154 (1.0 s), for 60-100 MB more at the build's peak
 * (see docs/performance.md). Only these pools get it: the main thread's heap
 * is fixed before any of newsgen's code runs.
 */
export const WORKER_HEAP: ResourceLimits = { maxYoungGenerationSizeMb: 3 * 64 };
