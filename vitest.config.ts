import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const TESTS = 'tests';

// A file that mocks a module, spies on one or asks V8 about object shapes needs
// modules of its own; every other file shares its worker's module graph, which
// cut the suite from 367 s to 266 s on a 2-core machine (each file imported the
// pipeline again otherwise).
const NEEDS_OWN_MODULES = /\bvi\.(?:mock|doMock|spyOn|hoisted|stubEnv|stubGlobal)\b|allow-natives-syntax/;

const isolated = readdirSync(TESTS, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => path.posix.join(TESTS, file.split(path.sep).join('/')))
  .filter((file) => NEEDS_OWN_MODULES.test(readFileSync(file, 'utf8')))
  .sort();

export default defineConfig({
  test: {
    setupFiles: ['tests/helpers/setup-temp-folders.ts'],
    // Vitest's default leaves one core free: on a 2-core CI machine that runs the
    // files one at a time, while most of them wait on the newsgen, Chromium or
    // Java processes they start. Two files at once took the suite from 898 s to
    // 658 s on a loaded 2-core machine.
    maxWorkers: Math.max(2, availableParallelism()),
    // A test that starts a few CLI builds takes 1-4 s alone; sharing the cores
    // with another file must not turn that into a timeout (the 5 s default).
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: [`${TESTS}/**/*.test.ts`], exclude: isolated, isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: isolated } },
    ],
  },
});
