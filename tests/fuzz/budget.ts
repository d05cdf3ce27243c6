/**
 * How much each fuzz property runs: a fixed seed and a small budget in the
 * test command, so `npm test` stays fast and every run checks the same
 * cases; `npm run fuzz` raises the budget and draws a new seed (printed, so a
 * failure can be replayed with FUZZ_SEED).
 */
export function fuzzBudget(runs: number): { numRuns: number; seed: number } {
  const scale = Number(process.env['FUZZ_SCALE'] ?? '1');
  const seed = Number(process.env['FUZZ_SEED'] ?? '20261127');
  return { numRuns: Math.max(1, Math.round(runs * (Number.isFinite(scale) && scale > 0 ? scale : 1))), seed };
}
