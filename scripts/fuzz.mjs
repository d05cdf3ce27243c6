// Runs the fuzz properties of tests/fuzz, the property that an incremental
// build after any edit equals a cold build, and the quick front matter
// reader against the `yaml` package, with a larger budget than `npm test`
// gives them, and a fresh seed unless FUZZ_SEED is set (printed, to replay a failure):
//   npm run fuzz                 50 times the test command's runs
//   npm run fuzz -- --scale 200  200 times
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const args = process.argv.slice(2);
const scaleAt = args.indexOf('--scale');
const scale = scaleAt === -1 ? '50' : (args[scaleAt + 1] ?? '50');
const seed = process.env.FUZZ_SEED ?? String(randomInt(1, 2 ** 31 - 1));
console.log(`fuzz: scale ${scale}, seed ${seed}`);
const started = Date.now();
// The tests' time limits grow with the scale: a large budget runs for minutes.
const run = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    'tests/fuzz',
    'tests/pipeline/incremental-exact.test.ts',
    'tests/content/quick-yaml-mapping.test.ts',
    '--testTimeout',
    '0',
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, FUZZ_SCALE: scale, FUZZ_SEED: seed },
  },
);
console.log(`fuzz: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(run.status ?? 1);
