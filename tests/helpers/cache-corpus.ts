import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect } from 'vitest';
import { ROOT, runCli, snapshotTree } from './fixture-site.js';
import { createTempFolder } from './temp-folders.js';

/** The clock every build of the cache corpus runs at. */
export const NOW = '2026-11-27T00:00:00Z';
/** A small corpus: `--concurrency 2` starts workers whatever the size. */
export const ARTICLES = 36;

/** The generated corpus of a test file, and what its tests do with it. */
export interface CacheCorpus {
  /** The untouched corpus (read only). */
  readonly dir: () => string;
  /** A fresh copy of the corpus, so each test owns its cache and output. */
  readonly copy: () => string;
  /** A CLI build of `dir` at {@link NOW}; its output, base64 by path. */
  readonly build: (dir: string, ...args: string[]) => Map<string, string>;
  /**
   * A cold build of the untouched corpus (no cache, one thread), made once: the
   * output every build of it must equal, whatever cache, threads or folder.
   */
  readonly pristine: () => Map<string, string>;
}

/** Generates the corpus once for the calling test file (in `beforeAll`). */
export function useCacheCorpus(): CacheCorpus {
  let corpus: string | undefined;
  let pristine: Map<string, string> | undefined;
  // Timeout: writes the corpus with the generator in a new process.
  beforeAll(() => {
    corpus = createTempFolder('cache-corpus');
    const generator = path.join(ROOT, 'scripts', 'gen-corpus.mjs');
    const generated = spawnSync(process.execPath, [generator, '--n', String(ARTICLES), '--out', corpus], {
      encoding: 'utf8',
    });
    expect(generated.status, generated.stderr).toBe(0);
  }, 30_000);
  const dir = () => {
    if (corpus === undefined) throw new Error('the cache corpus is made in beforeAll');
    return corpus;
  };
  const copy = () => {
    const target = createTempFolder('cache-site');
    cpSync(dir(), target, { recursive: true });
    return target;
  };
  const build = (target: string, ...args: string[]) => {
    const run = runCli(target, ['build', '--now', NOW, '--quiet', ...args]);
    expect(run.code, run.stderr).toBe(0);
    return snapshotTree(path.join(target, 'dist'));
  };
  return {
    dir,
    copy,
    build,
    pristine: () => (pristine ??= build(copy(), '--no-cache', '--concurrency', '0')),
  };
}

/** The first article of the corpus's `ekonomi` section in `dir`. */
export function firstArticle(dir: string): string {
  const section = path.join(dir, 'content', 'ekonomi');
  return path.join(section, readdirSync(section).sort()[0] ?? '');
}
