import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { BIN } from '../helpers/fixture-site.js';

/** A `newsgen serve` (or `watch`) process started like a user would. */
export interface ServeProcess {
  /** The URL from the `Serving <url>` line (empty for `watch`). */
  readonly url: string;
  /** Everything printed on stderr so far. */
  stderr(): string;
  /** Sends SIGINT and resolves to the exit code. */
  stop(): Promise<number | null>;
}

/** Spawns `bin/newsgen.js <command> …args` in `cwd` and waits until it is watching. */
export async function startServe(
  cwd: string,
  args: readonly string[] = ['serve', '--port', '0'],
): Promise<ServeProcess> {
  const started = spawnServe(cwd, args);
  await waitFor(() => started.stderr().includes('Watching for changes') || started.exitCode() !== null, 60_000);
  if (!started.stderr().includes('Watching for changes'))
    throw new Error(`newsgen did not start:\n${started.stderr()}`);
  const url = /Serving (\S+)/.exec(started.stderr())?.[1] ?? '';
  return { ...started, url };
}

/** Spawns `bin/newsgen.js <command> …args` in `cwd` without waiting for anything. */
export function spawnServe(
  cwd: string,
  args: readonly string[] = ['serve', '--port', '0'],
): Omit<ServeProcess, 'url'> & { exitCode(): number | null } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { stderr: () => stderr, stop: () => stopChild(child, exited), exitCode: () => child.exitCode };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  if (child.exitCode === null) child.kill('SIGINT');
  return exited;
}

/** Polls `check` until it is true or `timeoutMs` passes; resolves to its last answer. */
export async function waitFor(check: () => boolean, timeoutMs = 15_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

/** Waits until `file` exists and contains `text` (or, with `present: false`, until it is gone). */
export function waitForFile(
  file: string,
  text: string | undefined,
  present = true,
  timeoutMs?: number,
): Promise<boolean> {
  return waitFor(() => {
    if (!existsSync(file)) return !present;
    return present && (text === undefined || readFileSync(file, 'utf8').includes(text));
  }, timeoutMs);
}

/** A raw HTTP request, so paths like `/../x` and odd Host headers reach the server unchanged. */
export function rawRequest(
  url: string,
  rawPath: string,
  options: { method?: string; headers?: Record<string, string>; host?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.host ?? target.hostname,
        port: target.port,
        path: rawPath,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        setHost: options.headers?.['host'] === undefined,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
