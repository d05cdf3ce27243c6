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
import { describe, expect, test } from 'vitest';
import { ARTICLES, firstArticle, NOW, useCacheCorpus } from '../helpers/cache-corpus.js';
import { runCli, snapshotTree } from '../helpers/fixture-site.js';

// The cache key, the clock and deletions are in build-cache-key.test.ts: one file ran 95 s of a loaded suite.
const corpus = useCacheCorpus();

// Timeout: each test runs several builds of the corpus in new processes, some with worker threads.
describe('the build cache and worker threads', { timeout: 120_000 }, () => {
  test('never change the output: cold on one thread, with workers, warm from the cache, and after one article changes', () => {
    const dir = corpus.copy();
    const reference = corpus.pristine();
    expect(reference.size).toBeGreaterThan(ARTICLES);
    expect(corpus.build(dir, '--no-cache', '--concurrency', '2')).toEqual(reference);
    rmSync(path.join(dir, 'dist'), { recursive: true });
    expect(corpus.build(dir)).toEqual(reference);
    expect(existsSync(path.join(dir, 'node_modules', '.cache', 'newsgen', 'state.json'))).toBe(true);
    expect(corpus.build(dir)).toEqual(reference);

    const file = firstArticle(dir);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^title: ".*"$/m, 'title: "Judul yang diubah"') + '\nParagraf tambahan.\n',
    );
    const incremental = corpus.build(dir);
    const fresh = corpus.copy();
    cpSync(file, firstArticle(fresh));
    expect(incremental).toEqual(corpus.build(fresh, '--no-cache', '--concurrency', '0'));
    expect(incremental).not.toEqual(reference);
  });

  // Timeout: a dozen builds of the corpus in new processes, a fresh one after each kind of edit.
  test('one-change builds equal fresh builds, whether an edit keeps the site structure (only the pages showing the article are looked at) or not', () => {
    const dir = corpus.copy();
    corpus.build(dir);
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
      const incremental = corpus.build(dir);
      const fresh = corpus.copy();
      rmSync(path.join(fresh, 'content'), { recursive: true });
      cpSync(path.join(dir, 'content'), path.join(fresh, 'content'), { recursive: true });
      expect(incremental, `after editing ${label}`).toEqual(corpus.build(fresh, '--no-cache', '--concurrency', '0'));
    }
  }, 240_000);

  test('a template error while rendering an article page reads the same from a worker thread as from this one, and leaves no output', () => {
    const dir = corpus.copy();
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
    const dir = corpus.copy();
    const reference = corpus.pristine();
    corpus.build(dir);
    const cached = path.join(dir, 'node_modules', '.cache', 'newsgen', 'templates.json');
    expect(readFileSync(cached, 'utf8')).toContain('partials/');
    // Rendered from the kept templates: the same bytes.
    appendFileSync(firstArticle(dir), '\nParagraf baru.\n');
    const edited = corpus.build(dir);
    rmSync(path.join(dir, 'dist'), { recursive: true });
    expect(corpus.build(dir, '--no-cache')).toEqual(edited);
    expect(edited).not.toEqual(reference);
    // A corrupt file counts as missing.
    writeFileSync(cached, readFileSync(cached, 'utf8').replace('partials/', 'partialz/'));
    appendFileSync(firstArticle(dir), '\n');
    corpus.build(dir);
    expect(readFileSync(cached, 'utf8')).not.toContain('partialz/');
    // A changed template is parsed and checked again, so its mistake is still reported before any output.
    mkdirSync(path.join(dir, 'templates'));
    writeFileSync(path.join(dir, 'templates', 'article.hbs'), '<h1>{{#if article.title}}{{article.title}}</h1>\n');
    const broken = runCli(dir, ['build', '--now', NOW]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('template-syntax');
    expect(broken.stderr).toContain(path.join('templates', 'article.hbs'));
  });

  test("saves one article's change in the records' tail and leaves the archive's records as they were", () => {
    const dir = corpus.copy();
    corpus.build(dir);
    const cacheDir = path.join(dir, 'node_modules', '.cache', 'newsgen');
    const base = readFileSync(path.join(cacheDir, 'records.json'));
    const tailFiles = () =>
      readFileSync(path.join(cacheDir, 'records-tail.json'), 'utf8')
        .split('\n')
        .slice(3)
        .map((line) => (JSON.parse(line) as unknown[])[0]);
    expect(tailFiles()).toEqual([]);
    const file = firstArticle(dir);
    const name = path.relative(path.join(dir, 'content'), file).split(path.sep).join('/');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: ".*"$/m, 'title: "Judul di ekor"'));
    const edited = corpus.build(dir);
    expect(tailFiles()).toEqual([name]);
    rmSync(file);
    const removed = corpus.build(dir);
    expect(tailFiles()).toEqual([name]);
    expect(readFileSync(path.join(cacheDir, 'records-tail.json'), 'utf8')).toContain(`\n${JSON.stringify([name])}`);
    expect(readFileSync(path.join(cacheDir, 'records.json'))).toEqual(base);
    // What the tail says is what the next build starts from: the same output as a build without the cache.
    expect(removed).not.toEqual(edited);
    appendFileSync(firstArticle(dir), '\n');
    expect(corpus.build(dir)).toEqual(corpus.build(dir, '--no-cache', '--concurrency', '0'));
  });

  test('ignores a corrupt or half-written cache and builds the same output', () => {
    const dir = corpus.copy();
    const reference = corpus.pristine();
    corpus.build(dir);
    const cacheDir = path.join(dir, 'node_modules', '.cache', 'newsgen');
    appendFileSync(path.join(cacheDir, 'html.pack'), 'garbage');
    writeFileSync(path.join(cacheDir, 'html.pack'), readFileSync(path.join(cacheDir, 'html.pack')).subarray(0, 1000));
    appendFileSync(firstArticle(dir), '\n');
    rmSync(path.join(dir, 'dist'), { recursive: true });
    expect(corpus.build(dir)).toEqual(reference);
    writeFileSync(
      path.join(cacheDir, 'records.json'),
      readFileSync(path.join(cacheDir, 'records.json'), 'utf8').replace('"kind"', '"kinx"'),
    );
    appendFileSync(firstArticle(dir), '\n');
    expect(corpus.build(dir)).toEqual(reference);
  });
});

// Timeout: several builds of the corpus in new processes.
describe('cached HTML found corrupt only as it is read', { timeout: 120_000 }, () => {
  test('makes the build start again without the cache: the same output, and a sound cache after it', () => {
    const dir = corpus.copy();
    const reference = corpus.pristine();
    corpus.build(dir);
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
