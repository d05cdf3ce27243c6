/**
 * A duration for people: `850 ms` below a second, `3.1 s` below a minute, then
 * `2 min 5 s`. Negative or non-finite input reads as `0 ms`.
 */
export function formatDuration(ms: number): string {
  const safe = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (Math.round(safe) < 1000) return `${Math.round(safe)} ms`;
  const tenths = Math.round(safe / 100);
  if (tenths < 600) return `${(tenths / 10).toFixed(1)} s`;
  const seconds = Math.round(safe / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
