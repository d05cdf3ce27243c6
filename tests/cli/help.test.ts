import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, createFixtureSite } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const dir = createFixtureSite({});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The command names listed by `newsgen --help`, except commander's own `help`. */
function listCommands(help: string): string[] {
  const section = help.split('Commands:\n')[1]?.split('\n\n')[0] ?? '';
  return [...section.matchAll(/^ {2}(\w[\w-]*)/gm)].map((match) => match[1] ?? '').filter((name) => name !== 'help');
}

// Read before the tests are collected: the commands it lists name the tests below.
const top = await runMain(dir, ['--help']);

describe('newsgen --help', () => {
  it('lists the commands with examples and exit codes', () => {
    expect(top.code).toBe(0);
    expect(listCommands(top.stdout)).toEqual(expect.arrayContaining(['init', 'new', 'build', 'watch', 'serve']));
    expect(top.stdout).toMatch(/Examples:\n {2}\$ newsgen /);
    expect(top.stdout).toMatch(/Exit codes:\n {2}0 {2}\S/);
  });

  it.each(listCommands(top.stdout))('of %s shows examples of that command and its exit codes', async (command) => {
    const help = await runMain(dir, [command, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(`Usage: newsgen ${command}`);
    expect(help.stdout).toMatch(new RegExp(`Examples:\\n {2}\\$ .*newsgen ${command}\\b`));
    for (const code of ['0', '1', '2'])
      expect(help.stdout).toMatch(new RegExp(`Exit codes:\\n(?: {2}.*\\n)*? {2}${code} {2}\\S`));
  });
});

describe('help shown in place of a command', () => {
  it.each([
    ['no command at all (`npx newsgen $COMMAND` with an empty variable)', []],
    ['help for a command that does not exist', ['help', 'biuld']],
  ])('is a usage error, exit 2, on stderr: %s', async (_name, args) => {
    const run = await runMain(dir, args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: newsgen');
  });

  it('is a success when asked for', async () => {
    for (const args of [['help'], ['help', 'build'], ['--help']]) expect((await runMain(dir, args)).code).toBe(0);
  });
});

describe('output into a pipe the reader closed early (`newsgen --help | head -1`)', () => {
  it('goes nowhere without a stack trace, and the exit code is unchanged', async () => {
    const child = spawn(process.execPath, [BIN, 'build', '--help'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the CLI has started, so its first write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
