import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';
import { createMemorySession } from '../helpers/memory-session.js';

/** A session for the site at `dir`, kept in memory: a watch session's, or with `once` the `newsgen build` kind. */
async function openWatchSession(dir: string, once = false) {
  const { config } = await resolveConfig(
    dir,
    await loadConfig(dir, undefined),
    { now: '2026-11-27T00:00:00Z' },
    new Date(),
  );
  return createMemorySession(config, { once });
}

/** Builds a copy of the site at `dir` from scratch and expects the session's output to equal it byte for byte. */
async function expectFreshBuildEqual(dir: string): Promise<void> {
  const fresh = createFixtureSite({});
  rmSync(fresh, { recursive: true, force: true });
  cpSync(dir, fresh, { recursive: true });
  rmSync(path.join(fresh, 'dist'), { recursive: true, force: true });
  try {
    const clean = await openWatchSession(fresh);
    await clean.build();
    await clean.close();
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(snapshotTree(path.join(fresh, 'dist')));
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

/** A site of two articles, cabai and the older beras (with `fields` added to both), built once by a watch session. */
async function openCabaiBeras(fields: Record<string, string> = {}) {
  const dir = createFixtureSite({
    'newsgen.config.json': JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/' }),
    'content/ekonomi/cabai.md': article({ title: 'Harga cabai turun', summary: 'Ringkasan.', ...fields }),
    'content/ekonomi/beras.md': article({
      title: 'Harga beras naik',
      summary: 'Ringkasan beras.',
      ...fields,
      date: '2016-09-08 09:00',
    }),
  });
  const session = await openWatchSession(dir);
  await session.build();
  const cabai = path.join(dir, 'content/ekonomi/cabai.md');
  const beras = path.join(dir, 'content/ekonomi/beras.md');
  return { dir, session, cabai, beras };
}

describe('a long-lived build session (watch mode)', () => {
  // Timeout: the first build in this file also loads the Markdown and template stages.
  test('an edit to an article body writes only that article page, with the new text', async () => {
    const dir = createFixtureSite({
      'newsgen.config.json': JSON.stringify({
        title: 'Warta',
        baseUrl: 'https://warta.example/',
        locale: 'id-ID',
        timeZone: 'Asia/Jakarta',
      }),
      'content/ekonomi/cabai.md': article(
        { title: 'Harga cabai turun', summary: 'Ringkasan tetap.', tags: '[pangan]' },
        'Isi awal.\n',
      ),
      'content/ekonomi/beras.md': article(
        { title: 'Harga beras naik', summary: 'Ringkasan beras.', tags: '[pangan]', date: '2016-09-08 09:00' },
        'Isi beras.\n',
      ),
    });
    const session = await openWatchSession(dir);
    await session.build();
    const file = path.join(dir, 'content/ekonomi/cabai.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Isi awal.', 'Isi yang sudah diperbarui.'));
    const result = await session.build({ changed: [file] });
    expect(result.written.filter((output) => output.endsWith('.html'))).toEqual(['ekonomi/cabai/index.html']);
    expect(readFileSync(path.join(dir, 'dist/ekonomi/cabai/index.html'), 'utf8')).toContain(
      'Isi yang sudah diperbarui.',
    );
    // The edited page still links the older article, and the sitemaps are untouched.
    expect(readFileSync(path.join(dir, 'dist/ekonomi/cabai/index.html'), 'utf8')).toContain('/ekonomi/beras/');
    expect(result.written.filter((output) => output.startsWith('sitemap'))).toEqual([]);
    // The same event again with nothing changed (an editor saving twice): the fingerprint the edit's
    // build left says so, and nothing is built.
    expect(await session.build({ changed: [file] })).toMatchObject({ upToDate: true, written: [] });
    await session.close();
  }, 30_000);

  test('an edit to a title rebuilds the model and updates every listing that shows it', async () => {
    const dir = createFixtureSite({
      'newsgen.config.json': JSON.stringify({
        title: 'Warta',
        baseUrl: 'https://warta.example/',
        locale: 'id-ID',
        timeZone: 'Asia/Jakarta',
      }),
      'content/ekonomi/cabai.md': article({ title: 'Harga cabai turun', summary: 'Ringkasan.' }),
    });
    const session = await openWatchSession(dir);
    await session.build();
    const file = path.join(dir, 'content/ekonomi/cabai.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Harga cabai turun', 'Harga cabai anjlok'));
    const result = await session.build({ changed: [file] });
    expect(result.written).toEqual(
      expect.arrayContaining(['index.html', 'ekonomi/index.html', 'ekonomi/cabai/index.html', 'feed.xml']),
    );
    expect(readFileSync(path.join(dir, 'dist/index.html'), 'utf8')).toContain('Harga cabai anjlok');
    await session.close();
  });

  test('after a run of body edits, the output equals a fresh build of the same files', async () => {
    const dir = createFixtureSite({
      'newsgen.config.json': JSON.stringify({
        title: 'Warta',
        baseUrl: 'https://warta.example/',
        locale: 'id-ID',
        timeZone: 'Asia/Jakarta',
      }),
      'content/ekonomi/cabai.md': article(
        { title: 'Harga cabai turun', summary: 'Ringkasan.', tags: '[pangan]' },
        'Isi awal.\n',
      ),
      'content/ekonomi/beras.md': article(
        { title: 'Harga beras naik', summary: 'Ringkasan beras.', tags: '[pangan]', date: '2016-09-08 09:00' },
        'Isi beras.\n',
      ),
      'content/olahraga/bola.md': article(
        { title: 'Final liga', summary: 'Ringkasan bola.', section: 'olahraga', date: '2016-09-07 09:00' },
        'Isi bola.\n',
      ),
    });
    const session = await openWatchSession(dir);
    await session.build();
    const cabai = path.join(dir, 'content/ekonomi/cabai.md');
    const bola = path.join(dir, 'content/olahraga/bola.md');
    for (const [file, from, to] of [
      [cabai, 'Isi awal.', 'Isi kedua.'],
      [bola, 'Isi bola.', 'Isi bola [baru](/ekonomi/beras/).'],
      [cabai, 'Isi kedua.', 'Isi ketiga.'],
    ] as const) {
      writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
      const result = await session.build({ changed: [file], static: false });
      // Body-only: the article's page and the feeds that carry its HTML, nothing else.
      expect(result.written.filter((output) => output.endsWith('.html'))).toHaveLength(1);
      expect(result.written).toContain('feed.xml');
    }
    expect(readFileSync(path.join(dir, 'dist/feed.xml'), 'utf8')).toContain('https://warta.example/ekonomi/beras/');
    // A title edit after the body edits must start from a correct picture of the output.
    writeFileSync(bola, readFileSync(bola, 'utf8').replace('Final liga', 'Final liga usai'));
    await session.build({ changed: [bola], static: false });
    await session.close();
    await expectFreshBuildEqual(dir);
  });

  test('a removal built from its event alone equals a fresh build, and a "removed" file that is there again is kept', async () => {
    const { dir, session, cabai, beras } = await openCabaiBeras({ tags: '[pangan]' });
    // An atomic save whose add event was lost: the watcher reports only the unlink.
    writeFileSync(cabai, readFileSync(cabai, 'utf8').replace('Harga cabai turun', 'Harga cabai turun lagi'));
    const resaved = await session.build({ changed: [], removed: [cabai], static: false });
    expect(resaved.written).toContain('ekonomi/cabai/index.html');
    expect(readFileSync(path.join(dir, 'dist/ekonomi/cabai/index.html'), 'utf8')).toContain('Harga cabai turun lagi');
    rmSync(beras);
    const removed = await session.build({ changed: [], removed: [beras], static: false });
    expect(removed.deleted).toContain('ekonomi/beras/index.html');
    await session.close();
    await expectFreshBuildEqual(dir);
  });

  test('a batch that says the static folder is unchanged does not list it again; one that says it changed does', async () => {
    const dir = createFixtureSite({
      'newsgen.config.json': JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/' }),
      'content/ekonomi/cabai.md': article({ title: 'Harga cabai turun', summary: 'Ringkasan.' }),
      'static/a.txt': 'a',
    });
    const session = await openWatchSession(dir);
    await session.build();
    mkdirSync(path.join(dir, 'static/docs'));
    writeFileSync(path.join(dir, 'static/docs/b.txt'), 'b');
    const file = path.join(dir, 'content/ekonomi/cabai.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Isi berita.', 'Isi baru.'));
    const unchanged = await session.build({ changed: [file], static: false });
    expect(unchanged.written).not.toContain('docs/b.txt');
    const changed = await session.build({ changed: [], removed: [], static: true });
    expect(changed.written).toContain('docs/b.txt');
    expect(readFileSync(path.join(dir, 'dist/docs/b.txt'), 'utf8')).toBe('b');
    await session.close();
  });

  test('theme assets are written again only when the theme changes, and then minified as before', async () => {
    const dir = createFixtureSite({
      'newsgen.config.json': JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/' }),
      'content/ekonomi/cabai.md': article({ title: 'Harga cabai turun', summary: 'Ringkasan.' }),
      'templates/assets/extra.css': 'main { color: blue }\n',
    });
    const session = await openWatchSession(dir);
    const first = await session.build();
    expect(first.written).toContain('assets/newsgen.css');
    const builtCss = readFileSync(path.join(dir, 'dist/assets/newsgen.css'), 'utf8');
    const file = path.join(dir, 'content/ekonomi/beras.md');
    writeFileSync(file, article({ title: 'Harga beras naik', summary: 'Ringkasan beras.' }));
    const publish = await session.build({ changed: [file] });
    expect(publish.written.filter((output) => output.startsWith('assets/'))).toEqual([]);
    expect(readFileSync(path.join(dir, 'dist/assets/newsgen.css'), 'utf8')).toBe(builtCss);
    writeFileSync(path.join(dir, 'templates/assets/extra.css'), 'main { color: red }\n');
    const themed = await session.build({ templates: true });
    expect(themed.written).toContain('assets/extra.css');
    expect(readFileSync(path.join(dir, 'dist/assets/extra.css'), 'utf8')).toBe('main { color: red }\n');
    // The built-in stylesheet is rewritten with the same bytes: minified, as on the first build.
    expect(readFileSync(path.join(dir, 'dist/assets/newsgen.css'), 'utf8')).toBe(builtCss);
    await session.close();
  });

  test('a change made in a failed build still reaches the output once the broken file is fixed', async () => {
    const { dir, session, cabai, beras } = await openCabaiBeras();
    const berasText = readFileSync(beras, 'utf8');
    writeFileSync(cabai, readFileSync(cabai, 'utf8').replace('Harga cabai turun', 'Harga cabai anjlok'));
    writeFileSync(beras, berasText.replace(/^title: .*$/m, 'title: [tidak, valid]'));
    await expect(session.build({ changed: [beras, cabai], static: false })).rejects.toThrow();
    expect(readFileSync(path.join(dir, 'dist/index.html'), 'utf8')).toContain('Harga cabai turun');
    writeFileSync(beras, berasText);
    await session.build({ changed: [beras], static: false });
    expect(readFileSync(path.join(dir, 'dist/index.html'), 'utf8')).toContain('Harga cabai anjlok');
    expect(readFileSync(path.join(dir, 'dist/ekonomi/cabai/index.html'), 'utf8')).toContain('Harga cabai anjlok');
    await session.close();
  });
});

describe('a session of one build (`newsgen build`)', () => {
  test('keeps nothing for a next build, and warns and writes exactly what a long-lived session does', async () => {
    const files = {
      'newsgen.config.json': JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/' }),
      'content/ekonomi/cabai.md': article(
        { title: 'Harga cabai turun' },
        'Lihat [harga beras](/ekonomi/beras/) dan [yang hilang](/ekonomi/tidak-ada/).\n',
      ),
      'content/ekonomi/beras.md': article({ title: 'Harga beras naik', date: '2016-09-08 09:00' }),
    };
    const builds = await Promise.all(
      [true, false].map(async (once) => {
        const dir = createFixtureSite(files);
        const session = await openWatchSession(dir, once);
        const result = await session.build();
        await session.close();
        return { warnings: result.warnings, tree: snapshotTree(path.join(dir, 'dist')) };
      }),
    );
    const [single, kept] = builds as [(typeof builds)[number], (typeof builds)[number]];
    expect(single.warnings.map((warning) => warning.reason)).toEqual([
      'Link to /ekonomi/tidak-ada/ resolves to nothing',
    ]);
    expect(single.warnings).toEqual(kept.warnings);
    expect(single.tree).toEqual(kept.tree);
  });
});
