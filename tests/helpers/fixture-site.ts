import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTempFolder } from './temp-folders.js';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The CLI entry point users run. */
export const BIN = path.join(ROOT, 'bin', 'newsgen.js');

/**
 * Writes a site (path → text) into a fresh temporary folder and returns the
 * folder, which is deleted after the test (see `createTempFolder`).
 */
export function createFixtureSite(files: Record<string, string | Uint8Array>): string {
  const dir = createTempFolder('site');
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), contents);
  }
  return dir;
}

/**
 * A copy of a site's sources (content, static folder, config) in a new
 * temporary folder, without its output or cache: what a cold build of the
 * same input starts from.
 */
export function copySiteSources(dir: string, label: string): string {
  const fresh = createTempFolder(label);
  for (const part of ['content', 'static', 'newsgen.config.json'])
    cpSync(path.join(dir, part), path.join(fresh, part), { recursive: true });
  return fresh;
}

/** What a CLI run printed and how it ended. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `bin/newsgen.js` in `cwd` like a user would: a new node process and the
 * built bundle. For runs that test the process itself (signals, worker threads,
 * the bin entry); others use `runMain` (`run-main.ts`).
 */
export function runCli(cwd: string, args: readonly string[]): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    // FORCE_COLOR from the shell running the tests would colour the output they read.
    env: { ...process.env, NO_COLOR: '1', CI: 'true', FORCE_COLOR: undefined },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir` with its bytes, for before/after comparisons. */
export function snapshotTree(dir: string): Map<string, string> {
  const tree = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, String(entry));
    if (statSync(file).isFile()) tree.set(String(entry), readFileSync(file).toString('base64'));
  }
  return tree;
}

/** A valid article with front matter; `fields` are YAML lines replacing the defaults by key. */
export function article(fields: Record<string, string> = {}, body = 'Isi berita.\n'): string {
  const all: Record<string, string> = {
    title: 'Judul Berita',
    date: '2016-09-09 10:46',
    author: 'Riandanu',
    tags: '[ekonomi]',
    ...fields,
  };
  const lines = Object.entries(all)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}
