import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliRun } from './fixture-site.js';

/**
 * Runs the CLI's `main` in this process with `cwd` as its working folder and
 * its output captured: the same code path as `bin/newsgen.js` after process
 * start-up, without starting node. Worker threads need the built package,
 * so runs that start them use `runCli`.
 */
export async function runMain(cwd: string, args: readonly string[]): Promise<CliRun> {
  const stdout = captureStream();
  const stderr = captureStream();
  const code = await main(['node', 'newsgen', ...args], {
    cwd,
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { NO_COLOR: '1', CI: 'true' },
    now: () => new Date(),
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

function captureStream(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}
