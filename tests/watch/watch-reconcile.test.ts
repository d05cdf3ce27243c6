import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { createRebuilder } from '../../src/watch/create-rebuilder.js';
import { toWatchDirs } from '../../src/watch/run-live-preview.js';
import { type FileWatcher, watchSite } from '../../src/watch/watch-site.js';
import { article, snapshotTree } from '../helpers/fixture-site.js';
import { createMemorySession } from '../helpers/memory-session.js';
import { waitFor } from '../server/start-serve.js';

const NOW = '2026-11-27T00:00:00Z';
const CONFIG = JSON.stringify({ title: 'Warta Uji', baseUrl: 'https://uji.example/', timeZone: 'Asia/Jakarta' });

async function resolveSite(dir: string, out: string) {
  return (await resolveConfig(dir, await loadConfig(dir, undefined), { now: NOW, out }, new Date())).config;
}

function openSession(config: Awaited<ReturnType<typeof resolveSite>>) {
  return createMemorySession(config);
}

/** Builds the site as it is now into a folder of its own, and returns that folder's files. */
async function buildFresh(dir: string): Promise<Map<string, string>> {
  const out = path.join(dir, 'fresh');
  rmSync(out, { recursive: true, force: true });
  const session = openSession(await resolveSite(dir, out));
  try {
    await session.build();
  } finally {
    await session.close();
  }
  return snapshotTree(out);
}

/** A watch session (watcher, rebuilder, build session) as `newsgen watch` runs it. */
async function startWatch(dir: string, createWatcher?: () => FileWatcher) {
  const config = await resolveSite(dir, 'dist');
  const rebuilder = createRebuilder({
    config,
    reloadConfig: async () => ({ config: await resolveSite(dir, 'dist') }),
    openSession,
  });
  const first = await rebuilder.build();
  if (!first.ok) throw first.error;
  const failures: unknown[] = [];
  let builds = 0;
  const watcher = watchSite({
    dirs: toWatchDirs(config),
    onChanges: async (changes) => {
      builds += 1;
      const outcome = await rebuilder.build(changes);
      if (!outcome.ok) failures.push(outcome.error);
    },
    onError: (error) => failures.push(error),
    settleMs: 100,
    ...(createWatcher ? { createWatcher } : {}),
  });
  await watcher.ready;
  return { watcher, rebuilder, failures, dist: path.join(dir, 'dist'), builds: () => builds };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

function writeArticles(dir: string, names: readonly string[], title: (name: string) => string): void {
  for (const name of names)
    writeFileSync(
      path.join(dir, 'content', 'berita', `${name}.md`),
      article({ title: title(name), tags: `[${name.slice(0, 1)}]` }),
    );
}

// Each builds a site several times; under a loaded machine that is well past vitest's 5 s default.
describe('watch after a burst of changes (issue 25)', { timeout: 60_000 }, () => {
  it('builds what changed on disk even when the watcher reported only part of the burst', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgen-reconcile-'));
    mkdirSync(path.join(dir, 'content', 'berita'), { recursive: true });
    writeFileSync(path.join(dir, 'newsgen.config.json'), CONFIG);
    const names = Array.from({ length: 12 }, (_, index) => `artikel-${index}`);
    writeArticles(dir, names, (name) => `Judul ${name}`);
    const fake = Object.assign(new EventEmitter(), {
      add: () => fake,
      unwatch: () => fake,
      close: async () => undefined,
    });
    const session = await startWatch(dir, () => {
      setImmediate(() => fake.emit('ready'));
      return fake;
    });
    cleanup = async () => {
      await session.watcher.close();
      await session.rebuilder.close();
      rmSync(dir, { recursive: true, force: true });
    };
    // A checkout: six articles rewritten, two deleted, two added; the watcher passes on two events.
    writeArticles(dir, names.slice(0, 6), (name) => `Judul baru ${name}`);
    unlinkSync(path.join(dir, 'content', 'berita', 'artikel-10.md'));
    unlinkSync(path.join(dir, 'content', 'berita', 'artikel-11.md'));
    writeArticles(dir, ['baru-1', 'baru-2'], (name) => `Artikel ${name}`);
    fake.emit('all', 'change', path.join(dir, 'content', 'berita', 'artikel-0.md'));
    fake.emit('all', 'change', path.join(dir, 'content', 'berita', 'artikel-1.md'));
    await session.watcher.idle();
    expect(session.failures).toEqual([]);
    expect(snapshotTree(session.dist)).toEqual(await buildFresh(dir));
  });

  it('never reads a content file that is saved as a link to a device (issue 25)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgen-watch-link-'));
    mkdirSync(path.join(dir, 'content', 'berita'), { recursive: true });
    writeFileSync(path.join(dir, 'newsgen.config.json'), CONFIG);
    writeArticles(dir, ['artikel-1'], (name) => `Judul ${name}`);
    const fake = Object.assign(new EventEmitter(), {
      add: () => fake,
      unwatch: () => fake,
      close: async () => undefined,
    });
    const session = await startWatch(dir, () => {
      setImmediate(() => fake.emit('ready'));
      return fake;
    });
    cleanup = async () => {
      await session.watcher.close();
      await session.rebuilder.close();
      rmSync(dir, { recursive: true, force: true });
    };
    const link = path.join(dir, 'content', 'berita', 'nol.md');
    symlinkSync('/dev/zero', link);
    fake.emit('all', 'add', link);
    await session.watcher.idle();
    expect(session.failures).toEqual([]);
    expect(snapshotTree(session.dist)).toEqual(await buildFresh(dir));
    expect(existsSync(path.join(session.dist, 'berita', 'nol', 'index.html'))).toBe(false);
  });

  it('equals a fresh build after every switch between two git branches, under load', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgen-checkout-'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Uji', '-c', 'user.email=uji@example.org', ...args], { cwd: dir });
    mkdirSync(path.join(dir, 'content', 'berita'), { recursive: true });
    writeFileSync(path.join(dir, 'newsgen.config.json'), CONFIG);
    writeFileSync(path.join(dir, '.gitignore'), 'dist/\nfresh/\n');
    const names = Array.from({ length: 30 }, (_, index) => `artikel-${index}`);
    writeArticles(dir, names, (name) => `Judul ${name}`);
    git('init', '-q', '-b', 'utama');
    git('add', '.');
    git('commit', '-q', '-m', 'utama');
    git('checkout', '-q', '-b', 'revisi');
    writeArticles(dir, names.slice(0, 15), (name) => `Revisi ${name}`);
    for (const name of names.slice(26)) unlinkSync(path.join(dir, 'content', 'berita', `${name}.md`));
    writeArticles(dir, ['tambahan-1', 'tambahan-2', 'tambahan-3'], (name) => `Tambahan ${name}`);
    git('add', '-A');
    git('commit', '-q', '-m', 'revisi');
    git('checkout', '-q', 'utama');
    // Load: a thread that keeps one core busy while git rewrites the files and the watcher reports them.
    const burner = new Worker('const end = Date.now() + 60_000; while (Date.now() < end);', { eval: true });
    const session = await startWatch(dir);
    cleanup = async () => {
      await burner.terminate();
      await session.watcher.close();
      await session.rebuilder.close();
      rmSync(dir, { recursive: true, force: true });
    };
    for (const branch of ['revisi', 'utama', 'revisi']) {
      const before = session.builds();
      git('checkout', '-q', branch);
      // Under a loaded machine the first event can take longer than the pause below: idle() before
      // any event would compare the last branch's output. The checkout changes files, so a build comes.
      expect(await waitFor(() => session.builds() > before)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await session.watcher.idle();
      expect(session.failures).toEqual([]);
      expect(snapshotTree(session.dist), `after checking out ${branch}`).toEqual(await buildFresh(dir));
    }
  });
});
