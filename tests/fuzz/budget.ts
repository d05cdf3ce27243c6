/**
 * How much each fuzz property runs: a fixed seed and a small budget in the
 * test command, so `npm test` stays fast and every run checks the same
 * cases; `npm run fuzz` raises the budget and draws a new seed (printed, so a
 * failure can be replayed with FUZZ_SEED).
 */
export function fuzzBudget(runs: number, testSeed = 20261127): { numRuns: number; seed: number } {
  const seed = Number(process.env['FUZZ_SEED'] ?? testSeed);
  return { numRuns: Math.max(1, Math.round(runs * fuzzScale())), seed };
}

/**
 * A time limit for fuzz tests that grows with the budget: `ms` in the test
 * command, `ms` times the scale under `npm run fuzz` (whose larger budgets
 * run for minutes).
 */
export function fuzzTimeout(ms: number): number {
  return ms * fuzzScale();
}

function fuzzScale(): number {
  const scale = Number(process.env['FUZZ_SCALE'] ?? '1');
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}
