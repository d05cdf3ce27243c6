import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { createLogger } from '../../src/logger/create-logger.js';
import { createBuildSession } from '../../src/pipeline/build-session.js';
import { ROOT, runCli, snapshotTree } from '../helpers/fixture-site.js';
import { createTempFolder } from '../helpers/temp-folders.js';

const NOW = '2026-11-27T00:00:00Z';
/** A small corpus: `--concurrency 2` starts workers whatever the size. */
const ARTICLES = 36;
let corpus: string;

// Timeout: writes the corpus with the generator in a new process.
beforeAll(() => {
  corpus = createTempFolder('cache-corpus');
  const generator = path.join(ROOT, 'scripts', 'gen-corpus.mjs');
  const generated = spawnSync(process.execPath, [generator, '--n', String(ARTICLES), '--out', corpus], {
    encoding: 'utf8',
  });
  expect(generated.status, generated.stderr).toBe(0);
}, 30_000);

let pristine: Map<string, string> | undefined;

/**
 * A cold build of the untouched corpus (no cache, one thread), made once: the
 * output every build of it must equal, whatever cache, threads or folder.
 */
function pristineOutput(): Map<string, string> {
  pristine ??= build(copyCorpus(), '--no-cache', '--concurrency', '0');
  return pristine;
}

/** A fresh copy of the corpus, so each test owns its cache and output. */
function copyCorpus(): string {
  const dir = createTempFolder('cache-site');
  cpSync(corpus, dir, { recursive: true });
  return dir;
}

function build(dir: string, ...args: string[]): Map<string, string> {
  const run = runCli(dir, ['build', '--now', NOW, '--quiet', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return snapshotTree(path.join(dir, 'dist'));
}

function firstArticle(dir: string): string {
  const section = path.join(dir, 'content', 'ekonomi');
  return path.join(section, readdirSync(section).sort()[0] ?? '');
}

// Timeout: each test runs several builds of the corpus in new processes, some with worker threads.
describe('the build cache and worker threads', { timeout: 120_000 }, () => {
  test('never change the output: cold on one thread, with workers, warm from the cache, and after one article changes', () => {
    const dir = copyCorpus();
    const reference = pristineOutput();
    expect(reference.size).toBeGreaterThan(ARTICLES);
    expect(build(dir, '--no-cache', '--concurrency', '2')).toEqual(reference);
    rmSync(path.join(dir, 'dist'), { recursive: true });
    expect(build(dir)).toEqual(reference);
    expect(existsSync(path.join(dir, 'node_modules', '.cache', 'newsgen', 'state.json'))).toBe(true);
    expect(build(dir)).toEqual(reference);

    const file = firstArticle(dir);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^title: ".*"$/m, 'title: "Judul yang diubah"') + '\nParagraf tambahan.\n',
    );
    const incremental = build(dir);
    const fresh = copyCorpus();
    cpSync(file, firstArticle(fresh));
    expect(incremental).toEqual(build(fresh, '--no-cache', '--concurrency', '0'));
    expect(incremental).not.toEqual(reference);
  });

  // Timeout: a dozen builds of the corpus in new processes, a fresh one after each kind of edit.
  test('one-change builds equal fresh builds, whether an edit keeps the site structure (only the pages showing the article are looked at) or not', () => {
    const dir = copyCorpus();
    build(dir);
    const sections = readdirSync(path.join(dir, 'content')).sort();
    const fileIn = (section: string) =>
      path.join(dir, 'content', section, readdirSync(path.join(dir, 'content', section)).sort()[1] ?? '');
    const edit = (file: string, change: (text: string) => string) =>
      writeFileSync(file, change(readFileSync(file, 'utf8')));
    const steps: [string, () => void][] = [
      [
        'a title',
        () => edit(fileIn(sections[0] ?? ''), (text) => text.replace(/^title: ".*"$/m, 'title: "Judul <baru> & lain"')),
      ],
      [
        'a summary and a body',
        () =>
          edit(
            fileIn(sections[1] ?? ''),
            (text) => text.replace(/^summary: ".*"$/m, 'summary: "Ringkasan baru"') + '\nParagraf lain.\n',
          ),
      ],
      [
        'the tags',
        () => edit(fileIn(sections[2] ?? ''), (text) => text.replace(/^tags: .*$/m, 'tags: ["tag-baru", "lain"]')),
      ],
      [
        'two titles at once',
        () => {
          for (const section of [sections[0], sections[3]])
            edit(fileIn(section ?? ''), (text) => text.replace(/^title: ".*"$/m, 'title: "Dua judul"'));
        },
      ],
      [
        'a date',
        () => edit(fileIn(sections[1] ?? ''), (text) => text.replace(/^date: .*$/m, 'date: 2016-09-09T03:46:00+00:00')),
      ],
    ];
    for (const [label, step] of steps) {
      step();
      const incremental = build(dir);
      const fresh = copyCorpus();
      rmSync(path.join(fresh, 'content'), { recursive: true });
      cpSync(path.join(dir, 'content'), path.join(fresh, 'content'), { recursive: true });
      expect(incremental, `after editing ${label}`).toEqual(build(fresh, '--no-cache', '--concurrency', '0'));
    }
  }, 240_000);

  test('a template error while rendering an article page reads the same from a worker thread as from this one, and leaves no output', () => {
    const dir = copyCorpus();
    mkdirSync(path.join(dir, 'templates'));
    writeFileSync(path.join(dir, 'templates', 'article.hbs'), '<h1>{{no-such-helper article.title}}</h1>\n');
    const runs = ['0', '2'].map((concurrency) =>
      runCli(dir, ['build', '--now', NOW, '--no-cache', '--concurrency', concurrency]),
    );
    for (const run of runs) {
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(path.join('templates', 'article.hbs'));
      expect(run.stderr).toContain('no-such-helper');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(runs[1]?.stderr).toBe(runs[0]?.stderr);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('keeps compiled templates between builds, and checks templates again once they change', () => {
    const dir = copyCorpus();
    const reference = pristineOutput();
    build(dir);
    const cached = path.join(dir, 'node_modules', '.cache', 'newsgen', 'templates.json');
    expect(readFileSync(cached, 'utf8')).toContain('partials/');
    // Rendered from the kept templates: the same bytes.
    appendFileSync(firstArticle(dir), '\nParagraf baru.\n');
    const edited = build(dir);
    rmSync(path.join(dir, 'dist'), { recursive: true });
    expect(build(dir, '--no-cache')).toEqual(edited);
    expect(edited).not.toEqual(reference);
    // A corrupt file counts as missing.
    writeFileSync(cached, readFileSync(cached, 'utf8').replace('partials/', 'partialz/'));
    appendFileSync(firstArticle(dir), '\n');
    build(dir);
    expect(readFileSync(cached, 'utf8')).not.toContain('partialz/');
    // A changed template is parsed and checked again, so its mistake is still reported before any output.
    mkdirSync(path.join(dir, 'templates'));
    writeFileSync(path.join(dir, 'templates', 'article.hbs'), '<h1>{{#if article.title}}{{article.title}}</h1>\n');
    const broken = runCli(dir, ['build', '--now', NOW]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('template-syntax');
    expect(broken.stderr).toContain(path.join('templates', 'article.hbs'));
  });

  test('ignores a corrupt or half-written cache and builds the same output', () => {
    const dir = copyCorpus();
    const reference = pristineOutput();
    build(dir);
    const cacheDir = path.join(dir, 'node_modules', '.cache', 'newsgen');
    appendFileSync(path.join(cacheDir, 'html.pack'), 'garbage');
    writeFileSync(path.join(cacheDir, 'html.pack'), readFileSync(path.join(cacheDir, 'html.pack')).subarray(0, 1000));
    appendFileSync(firstArticle(dir), '\n');
    rmSync(path.join(dir, 'dist'), { recursive: true });
    expect(build(dir)).toEqual(reference);
    writeFileSync(
      path.join(cacheDir, 'records.json'),
      readFileSync(path.join(cacheDir, 'records.json'), 'utf8').replace('"kind"', '"kinx"'),
    );
    appendFileSync(firstArticle(dir), '\n');
    expect(build(dir)).toEqual(reference);
  });
});

// Timeout: several builds of the corpus in new processes.
describe('cached HTML found corrupt only as it is read', { timeout: 120_000 }, () => {
  test('makes the build start again without the cache: the same output, and a sound cache after it', () => {
    const dir = copyCorpus();
    const reference = pristineOutput();
    build(dir);
    const pack = path.join(dir, 'node_modules', '.cache', 'newsgen', 'html.pack');
    // Same size, bits flipped all over: every piece is in place, none matches its checksum.
    const bytes = readFileSync(pack);
    for (let at = 0; at < bytes.length; at += 97) bytes[at] = (bytes[at] ?? 0) ^ 1;
    writeFileSync(pack, bytes);
    // No output left: every page renders again, from the cached HTML of every article.
    rmSync(path.join(dir, 'dist'), { recursive: true });
    const run = runCli(dir, ['build', '--now', NOW, '--verbose']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain('building again without the cache');
    expect(run.stdout + run.stderr).not.toMatch(/CacheCorruptionError|\n\s+at /);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(reference);
    appendFileSync(firstArticle(dir), '\n');
    const again = runCli(dir, ['build', '--now', NOW, '--verbose']);
    expect(again.stdout + again.stderr).not.toContain('building again');
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(reference);
  });
});

// Timeout: each test runs several full builds of the corpus in this process.
describe('the cache key', { timeout: 120_000 }, () => {
  async function session(dir: string, version: string, config: Record<string, unknown> = {}, spillHtmlFrom?: number) {
    // The corpus's own config with the test's changes, so fresh builds of a copy compare equal.
    const own = JSON.parse(readFileSync(path.join(corpus, 'newsgen.config.json'), 'utf8')) as Record<string, unknown>;
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
    const dir = copyCorpus();
    expect((await buildOnce(dir, '1.0.0')).processed).toBe(ARTICLES);
    expect((await buildOnce(dir, '1.0.0')).upToDate).toBe(true);
    appendFileSync(firstArticle(dir), '\nSatu paragraf lagi.\n');
    expect((await buildOnce(dir, '1.0.0')).processed).toBe(1);
    expect((await buildOnce(dir, '1.0.1')).processed).toBe(ARTICLES);
    expect((await buildOnce(dir, '1.0.1', { timeZone: 'Asia/Makassar' })).processed).toBe(ARTICLES);
  });

  test('one session with a cache on disk builds again and again the same output as fresh builds (articles restored without their HTML)', async () => {
    const dir = copyCorpus();
    await buildOnce(dir, '1.0.0');
    const built = await session(dir, '1.0.0');
    try {
      // Restored from disk, then two more builds after the first save rewrote the cache.
      for (const [index, edit] of ['Paragraf satu.', 'Paragraf dua.', 'Paragraf tiga.'].entries()) {
        appendFileSync(firstArticle(dir), `\n${edit}\n`);
        const result = await built.build(index === 0 ? undefined : { changed: [firstArticle(dir)] });
        expect(result.processed).toBe(1);
        const output = snapshotTree(path.join(dir, 'dist'));
        const fresh = copyCorpus();
        cpSync(path.join(dir, 'content'), path.join(fresh, 'content'), { recursive: true });
        expect(build(fresh, '--no-cache')).toEqual(output);
      }
    } finally {
      await built.close();
    }
  });

  test('a build that keeps its article HTML in a temporary file writes the same output and cache', async () => {
    const dir = copyCorpus();
    const reference = pristineOutput();
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
    expect(build(dir)).toEqual(edited);
    const fresh = copyCorpus();
    cpSync(path.join(dir, 'content'), path.join(fresh, 'content'), { recursive: true });
    expect(build(fresh, '--no-cache')).toEqual(edited);
  });

  test('re-renders pages, without reprocessing articles, when only the site title changes', async () => {
    const dir = copyCorpus();
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
    const dir = copyCorpus();
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
    const cold = copyCorpus();
    at(cold, '2027-01-01T00:01:00+07:00', '--no-cache');
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(snapshotTree(path.join(cold, 'dist')));
  });
});

// Timeout: several builds of the corpus, in new processes and in this one.
describe('incremental output', { timeout: 120_000 }, () => {
  test('removes a deleted article page and the folder it leaves empty', () => {
    const dir = copyCorpus();
    build(dir);
    const file = firstArticle(dir);
    const slug = path.basename(file, '.md');
    expect(existsSync(path.join(dir, 'dist', 'ekonomi', slug, 'index.html'))).toBe(true);
    rmSync(file);
    const after = build(dir);
    expect(existsSync(path.join(dir, 'dist', 'ekonomi', slug))).toBe(false);
    expect(
      [...after.values()].some((html) => Buffer.from(html, 'base64').toString('utf8').includes(`/ekonomi/${slug}/`)),
    ).toBe(false);
  });

  test('after a preview rewrote the output folder, the next build writes it whole again (regression: serve then build)', async () => {
    const dir = copyCorpus();
    const reference = pristineOutput();
    build(dir);
    writeFileSync(path.join(dir, 'dist', 'index.html'), '<p>preview with drafts</p>');
    const { forgetCachedOutput } = await import('../../src/cache/build-cache.js');
    await forgetCachedOutput(path.join(dir, 'node_modules', '.cache', 'newsgen'));
    expect(build(dir)).toEqual(reference);
  });
});
