import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
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
  },
});
