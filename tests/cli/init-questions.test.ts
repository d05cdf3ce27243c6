import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createTempFolder } from '../helpers/temp-folders.js';

/** A terminal as `init` sees one: stdin and stdout are TTYs, and keys typed arrive on stdin. */
function createTerminal() {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 80, rows: 24 });
  let screen = '';
  stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
  });
  return {
    stdin,
    stdout,
    screen: () => screen,
    /** Waits until the screen shows `text` (a question), then types `keys`. */
    async answer(text: string, keys: string) {
      for (let waited = 0; !screen.includes(text); waited += 10) {
        if (waited > 10_000) throw new Error(`no "${text}" on the screen:\n${screen}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      screen = '';
      stdin.write(keys);
    },
  };
}

/** Runs `newsgen init` in `parent` on `terminal`, outside CI. */
function runInit(parent: string, terminal: ReturnType<typeof createTerminal>, args: readonly string[]) {
  return main(['node', 'newsgen', 'init', ...args], {
    cwd: parent,
    stdin: terminal.stdin,
    stdout: terminal.stdout,
    stderr: new PassThrough(),
    env: { NO_COLOR: '1' },
    now: () => new Date('2026-11-20T05:00:00Z'),
  });
}

describe('newsgen init in a terminal', () => {
  it('asks for each setting no flag gave, and Enter keeps the suggestion', async () => {
    const parent = createTempFolder('init-tty');
    const terminal = createTerminal();
    const done = runInit(parent, terminal, ['warta-kita', '--locale', 'id-ID']);
    await terminal.answer('Name of the site', 'Warta Uji\r');
    await terminal.answer('URL it will be published at', 'https://warta.example/\r');
    // Asked about neither: --locale gave it. The time zone keeps its suggestion.
    await terminal.answer('Time zone of article dates', '\r');
    expect(await done).toBe(0);
    const config = readFileSync(path.join(parent, 'warta-kita', 'newsgen.config.yaml'), 'utf8');
    expect(config).toContain('title: Warta Uji\n');
    expect(config).toContain('baseUrl: https://warta.example/\n');
    expect(config).toContain('locale: id-ID\n');
  });

  it('writes nothing when the questions are cancelled with Ctrl-C, and exits 1', async () => {
    const parent = createTempFolder('init-tty');
    const terminal = createTerminal();
    const done = runInit(parent, terminal, ['warta-kita']);
    await terminal.answer('Name of the site', '\u0003');
    expect(await done).toBe(1);
    expect(terminal.screen()).toContain('Stopped; nothing was written.');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('asks nothing with --yes, and writes what a run without a terminal writes', async () => {
    const parent = createTempFolder('init-tty');
    const terminal = createTerminal();
    expect(await runInit(parent, terminal, ['warta-kita', '--yes'])).toBe(0);
    expect(terminal.screen()).not.toContain('Name of the site');
    const config = readFileSync(path.join(parent, 'warta-kita', 'newsgen.config.yaml'), 'utf8');
    expect(config).toContain('title: Warta Kita\n');
    expect(config).toContain('timeZone: UTC\n');
  });
});
