import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { createLogger } from '../../src/logger/create-logger.js';
import { type BuildOptions, build } from '../../src/pipeline/build.js';
import type { HookMonitor } from '../../src/plugins/hook-monitor.js';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A small site with a cache, built once: the output every failed build must leave exactly as it is. */
async function builtSite(): Promise<string> {
  const dir = createFixtureSite({
    'newsgen.config.json': JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/', locale: 'id-ID' }),
    'content/ekonomi/cabai.md': article({ title: 'Harga cabai turun', tags: '[pangan]' }, 'Isi cabai.\n'),
    'content/ekonomi/beras.md': article({ title: 'Harga beras naik', tags: '[pangan]', date: '2016-09-08 09:00' }),
    'content/olahraga/lari.md': article({ title: 'Lari pagi', tags: '[kota]', date: '2016-09-07 06:00' }),
  });
  dirs.push(dir);
  await runBuild(dir);
  return dir;
}

async function runBuild(dir: string, options: Partial<BuildOptions> = {}): Promise<void> {
  const { config } = await resolveConfig(
    dir,
    await loadConfig(dir, undefined),
    { now: '2016-09-10T00:00:00Z' },
    new Date(),
  );
  await build(config, { logger: createLogger({ level: 'silent' }), concurrency: 0, ...options });
}

/** Each failure comes with an edit that alone would change many output files, so a partial write would show. */
const FAILURES: [label: string, code: string, damage: (dir: string) => void][] = [
  [
    'a front matter error (model stage)',
    'build-failed',
    (dir) => writeFileSync(path.join(dir, 'content/ekonomi/rusak.md'), '---\ntitle: [tidak, valid]\n---\nIsi.\n'),
  ],
  [
    'a template that fails while rendering (render stage)',
    'template-render',
    (dir) => {
      mkdirSync(path.join(dir, 'templates'), { recursive: true });
      writeFileSync(path.join(dir, 'templates/article.hbs'), '{{#each article}}{{/each}}{{t}}');
    },
  ],
  [
    'a tag whose page name is unsafe (a content error at its line since issue 25, finding 9)',
    'build-failed',
    (dir) => writeFileSync(path.join(dir, 'content/ekonomi/con.md'), article({ title: 'Berita baru', tags: '[CON]' })),
  ],
  [
    'a static file that collides with a page (model stage; the write stage checks again)',
    'build-failed',
    (dir) => {
      mkdirSync(path.join(dir, 'static/ekonomi/cabai'), { recursive: true });
      writeFileSync(path.join(dir, 'static/ekonomi/cabai/index.html'), '<p>statis</p>');
    },
  ],
];

describe('a build that fails (regression: issue 25, finding 2)', () => {
  test.each(FAILURES)('leaves the previous output byte for byte as it was: %s', async (_label, code, damage) => {
    const dir = await builtSite();
    const before = snapshotTree(path.join(dir, 'dist'));
    // A retitle that changes the article page, listings and feeds in the same build.
    writeFileSync(path.join(dir, 'content/ekonomi/beras.md'), article({ title: 'Judul baru', tags: '[pangan]' }));
    damage(dir);
    await expect(runBuild(dir)).rejects.toMatchObject({ code });
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
    // Nothing left beside the output folder either.
    expect(readdirSync(dir).filter((name) => name.startsWith('.dist'))).toEqual([]);
  });
});

describe('a build whose signal is aborted while it runs (a plugin threw from a timer)', () => {
  test.each([
    ['the cache: changed files are staged and moved in', true],
    ['no cache: a whole folder is built beside the output and swapped in', false],
  ])('leaves the previous output as it was, with %s', async (_label, cache) => {
    const dir = await builtSite();
    // A plugin with a hook: the CLI's monitor aborts the build when such a hook's timer throws.
    rmSync(path.join(dir, 'newsgen.config.json'));
    writeFileSync(
      path.join(dir, 'newsgen.config.mjs'),
      "export default { title: 'Warta', baseUrl: 'https://warta.example/', locale: 'id-ID', plugins: [{ name: 'hitung', siteModel: () => ({ n: 1 }) }] };",
    );
    await runBuild(dir);
    const before = snapshotTree(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'content/ekonomi/beras.md'), article({ title: 'Judul baru', tags: '[pangan]' }));
    const controller = new AbortController();
    const fault = new Error('timer plugin hitung');
    const hookMonitor: HookMonitor = {
      run: async (_call, hook) => {
        controller.abort(fault);
        return hook();
      },
    };
    const run = runBuild(dir, { hookMonitor, signal: controller.signal, ...(cache ? {} : { cache: false }) });
    await expect(run).rejects.toBe(fault);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
    expect(readdirSync(dir).filter((name) => name.startsWith('.dist'))).toEqual([]);
  });
});
