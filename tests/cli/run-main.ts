import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** What one in-process CLI run printed and returned. */
export interface MainRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI in this process (no spawn: a fraction of the time) in `cwd`,
 * with colour off and the clock fixed, and collects what it printed.
 */
export async function runMain(cwd: string, args: readonly string[]): Promise<MainRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const code = await main(['node', 'newsgen', ...args], {
    cwd,
    stdout,
    stderr,
    env: { NO_COLOR: '1', CI: 'true' },
    now: () => new Date('2026-11-20T05:00:00Z'),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
