import { appendFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { createLogger } from '../../src/logger/create-logger.js';
import { createBuildSession } from '../../src/pipeline/build-session.js';
import { ARTICLES, firstArticle, NOW, useCacheCorpus } from '../helpers/cache-corpus.js';
import { runCli, snapshotTree } from '../helpers/fixture-site.js';

// The build cache's key, the clock, and what an incremental build deletes (the rest is in build-cache.test.ts).
const corpus = useCacheCorpus();

// Timeout: each test runs several full builds of the corpus in this process.
describe('the cache key', { timeout: 120_000 }, () => {
  async function session(dir: string, version: string, config: Record<string, unknown> = {}, spillHtmlFrom?: number) {
    // The corpus's own config with the test's changes, so fresh builds of a copy compare equal.
    const own = JSON.parse(readFileSync(path.join(corpus.dir(), 'newsgen.config.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    writeFileSync(path.join(dir, 'newsgen.config.json'), JSON.stringify({ ...own, ...config }));
    const loaded = await loadConfig(dir, undefined);
    const { config: resolved } = await resolveConfig(dir, loaded, { now: NOW }, new Date());
    return createBuildSession(resolved, {
      logger: createLogger({ level: 'silent' }),
      version,
      cacheDir: path.join(dir, 'node_modules', '.cache', 'newsgen'),
      concurrency: 0,
      ...(spillHtmlFrom === undefined ? {} : { spillHtmlFrom }),
    });
  }

  async function buildOnce(dir: string, version: string, config: Record<string, unknown> = {}) {
    const built = await session(dir, version, config);
    try {
      return await built.build();
    } finally {
      await built.close();
    }
  }

  test('reuses processed articles across processes, and a newsgen version or a processing setting invalidates them', async () => {
    const dir = corpus.copy();
    expect((await buildOnce(dir, '1.0.0')).processed).toBe(ARTICLES);
    expect((await buildOnce(dir, '1.0.0')).upToDate).toBe(true);
    appendFileSync(firstArticle(dir), '\nSatu paragraf lagi.\n');
    expect((await buildOnce(dir, '1.0.0')).processed).toBe(1);
    expect((await buildOnce(dir, '1.0.1')).processed).toBe(ARTICLES);
    expect((await buildOnce(dir, '1.0.1', { timeZone: 'Asia/Makassar' })).processed).toBe(ARTICLES);
  });

  test('one session with a cache on disk builds again and again the same output as fresh builds (articles restored without their HTML)', async () => {
    const dir = corpus.copy();
    await buildOnce(dir, '1.0.0');
    const built = await session(dir, '1.0.0');
    try {
      // Restored from disk, then two more builds after the first save rewrote the cache.
      for (const [index, edit] of ['Paragraf satu.', 'Paragraf dua.', 'Paragraf tiga.'].entries()) {
        appendFileSync(firstArticle(dir), `\n${edit}\n`);
        const result = await built.build(index === 0 ? undefined : { changed: [firstArticle(dir)] });
        expect(result.processed).toBe(1);
        const output = snapshotTree(path.join(dir, 'dist'));
        const fresh = corpus.copy();
        cpSync(path.join(dir, 'content'), path.join(fresh, 'content'), { recursive: true });
        expect(corpus.build(fresh, '--no-cache')).toEqual(output);
      }
    } finally {
      await built.close();
    }
  });

  test('a build that keeps its article HTML in a temporary file writes the same output and cache', async () => {
    const dir = corpus.copy();
    const reference = corpus.pristine();
    const built = await session(dir, '1.0.0', {}, 0);
    try {
      expect((await built.build()).processed).toBe(ARTICLES);
      expect(snapshotTree(path.join(dir, 'dist'))).toEqual(reference);
      appendFileSync(firstArticle(dir), '\nParagraf baru.\n');
      await built.build({ changed: [firstArticle(dir)] });
    } finally {
      await built.close();
    }
    const edited = snapshotTree(path.join(dir, 'dist'));
    // The cache it saved holds the bodies: a build from it (nothing to process) is the same again.
    rmSync(path.join(dir, 'dist'), { recursive: true });
    expect(corpus.build(dir)).toEqual(edited);
    const fresh = corpus.copy();
    cpSync(path.join(dir, 'content'), path.join(fresh, 'content'), { recursive: true });
    expect(corpus.build(fresh, '--no-cache')).toEqual(edited);
  });

  test('re-renders pages, without reprocessing articles, when only the site title changes', async () => {
    const dir = corpus.copy();
    await buildOnce(dir, '1.0.0');
    const result = await buildOnce(dir, '1.0.0', { title: 'Warta Baru' });
    expect(result.processed).toBe(0);
    expect(result.upToDate).toBe(false);
    expect(readFileSync(path.join(dir, 'dist', 'index.html'), 'utf8')).toContain('Warta Baru');
  });
});

// Timeout: three builds of the corpus in new processes.
describe('the clock', { timeout: 120_000 }, () => {
  test('a build just after New Year in the site’s zone is not up to date: every footer shows the new year, as in a cold build', () => {
    const dir = corpus.copy();
    const footerYear = () => /© (\d{4}) /.exec(readFileSync(path.join(dir, 'dist', 'index.html'), 'utf8'))?.[1];
    const at = (target: string, now: string, ...args: string[]) => {
      const run = runCli(target, ['build', '--now', now, ...args]);
      expect(run.code, run.stderr).toBe(0);
      return run.stdout;
    };
    // The corpus's zone is Asia/Jakarta: 23:59 there is 16:59 UTC, still 2026 everywhere west of it.
    at(dir, '2026-12-31T23:59:00+07:00');
    expect(footerYear()).toBe('2026');
    expect(at(dir, '2027-01-01T00:01:00+07:00')).not.toContain('Up to date');
    expect(footerYear()).toBe('2027');
    const cold = corpus.copy();
    at(cold, '2027-01-01T00:01:00+07:00', '--no-cache');
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(snapshotTree(path.join(cold, 'dist')));
  });
});

// Timeout: several builds of the corpus, in new processes and in this one.
describe('incremental output', { timeout: 120_000 }, () => {
  test('removes a deleted article page and the folder it leaves empty', () => {
    const dir = corpus.copy();
    corpus.build(dir);
    const file = firstArticle(dir);
    const slug = path.basename(file, '.md');
    expect(existsSync(path.join(dir, 'dist', 'ekonomi', slug, 'index.html'))).toBe(true);
    rmSync(file);
    const after = corpus.build(dir);
    expect(existsSync(path.join(dir, 'dist', 'ekonomi', slug))).toBe(false);
    expect(
      [...after.values()].some((html) => Buffer.from(html, 'base64').toString('utf8').includes(`/ekonomi/${slug}/`)),
    ).toBe(false);
  });

  test('after a preview rewrote the output folder, the next build writes it whole again (regression: serve then build)', async () => {
    const dir = corpus.copy();
    const reference = corpus.pristine();
    corpus.build(dir);
    writeFileSync(path.join(dir, 'dist', 'index.html'), '<p>preview with drafts</p>');
    const { forgetCachedOutput } = await import('../../src/cache/build-cache.js');
    await forgetCachedOutput(path.join(dir, 'node_modules', '.cache', 'newsgen'));
    expect(corpus.build(dir)).toEqual(reference);
  });
});
