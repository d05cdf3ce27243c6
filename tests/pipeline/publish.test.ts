import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { buildAt, coldSnapshotAt } from '../helpers/build-at.js';
import { article, createFixtureSite, runCli, snapshotTree } from '../helpers/fixture-site.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const NOW = '2016-12-31T00:00:00Z';

/** Forty articles over two sections and four tags, four per listing page: archives of several pages each. */
function archiveSite(): string {
  const files: Record<string, string> = {
    'newsgen.config.json': JSON.stringify({
      title: 'Warta',
      baseUrl: 'https://warta.example/',
      perPage: 4,
      otherNews: 3,
    }),
  };
  for (let index = 0; index < 40; index++) {
    const section = index % 2 === 0 ? 'ekonomi' : 'nasional';
    const day = String(1 + (index % 28)).padStart(2, '0');
    const month = index < 28 ? '10' : '11';
    files[`content/${section}/berita-${index}.md`] = article({
      title: `"Berita ${index}"`,
      date: `2016-${month}-${day} ${String(6 + (index % 12)).padStart(2, '0')}:00`,
      tags: `[pasar-${index % 4}]`,
    });
  }
  const dir = createFixtureSite(files);
  dirs.push(dir);
  return dir;
}

const runBuild = (dir: string) => buildAt(dir, NOW);
const coldSnapshot = (dir: string) => coldSnapshotAt(dir, NOW);

// Each test builds a forty-article site three times (cold, warm, and a cold copy to compare with).
describe('publishing a newer article (regression: issue 19)', { timeout: 60_000 }, () => {
  test('changes no older article page and no older archive page, and gives what a cold build gives', async () => {
    const dir = archiveSite();
    await runBuild(dir);
    const before = snapshotTree(path.join(dir, 'dist'));
    writeFileSync(
      path.join(dir, 'content/ekonomi/terbaru.md'),
      article({ title: 'Berita terbaru', date: '2016-12-30 08:00', tags: '[pasar-1]' }),
    );
    const result = await runBuild(dir);
    const after = snapshotTree(path.join(dir, 'dist'));
    const changed = [...before.keys()].filter((file) => after.get(file) !== before.get(file));
    // No article page other than the new one, and no archive page but the newest of each listing.
    expect(changed.filter((file) => /^(ekonomi|nasional)\/berita-/.test(file))).toEqual([]);
    const archivePages = (listing: string) =>
      [...before.keys()]
        .filter((file) => file.startsWith(`${listing}page/`))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    for (const listing of ['', 'ekonomi/', 'tag/pasar-1/']) {
      const pages = archivePages(listing);
      expect(pages.length).toBeGreaterThan(2);
      expect(
        changed.filter((file) => pages.slice(0, -1).includes(file)),
        listing || 'home',
      ).toEqual([]);
    }
    // Few files overall, whatever the archive's size: the new page, fronts, feeds, sitemaps, indexes.
    expect(result.written).toContain('ekonomi/terbaru/index.html');
    expect(result.written.length).toBeLessThan(40);
    // And exactly what a cold build of the same content writes.
    expect(await coldSnapshot(dir)).toEqual(after);
  });

  test('a title edit after a publish re-renders every page showing that article, from the index the publish kept', async () => {
    const dir = archiveSite();
    await runBuild(dir);
    writeFileSync(
      path.join(dir, 'content/ekonomi/terbaru.md'),
      article({ title: 'Berita terbaru', date: '2016-12-30 08:00', tags: '[pasar-1]' }),
    );
    await runBuild(dir);
    // A displayed field only: the site's structure is the publish build's, so its index says what to render.
    writeFileSync(
      path.join(dir, 'content/ekonomi/berita-20.md'),
      article({ title: '"Berita 20, diralat"', date: '2016-10-21 14:00', tags: '[pasar-0]' }),
    );
    const edit = await runBuild(dir);
    expect(edit.written.length).toBeGreaterThan(3);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(await coldSnapshot(dir));
  });

  test('after a deletion and an edit of an old article too, equals a cold build', async () => {
    const dir = archiveSite();
    await runBuild(dir);
    rmSync(path.join(dir, 'content/nasional/berita-5.md'));
    writeFileSync(
      path.join(dir, 'content/ekonomi/berita-10.md'),
      article({ title: 'Judul baru', date: '2016-10-11 10:00', tags: '[pasar-2]' }),
    );
    writeFileSync(
      path.join(dir, 'content/ekonomi/terbaru.md'),
      article({ title: 'Terbaru', date: '2016-12-30 08:00' }),
    );
    await runBuild(dir);
    expect(await coldSnapshot(dir)).toEqual(snapshotTree(path.join(dir, 'dist')));
  });

  test('from the command line, where a folder with another number of files loads the cache while a thread stats them, equals a cold build', () => {
    const dir = archiveSite();
    const cli = (args: string[]) => runCli(dir, ['build', '--now', NOW, ...args]);
    expect(cli([]).code).toBe(0);
    const state = () => readFileSync(path.join(dir, 'node_modules/.cache/newsgen/state.json'), 'utf8');
    expect(state()).toContain('"contentFiles":40');
    writeFileSync(
      path.join(dir, 'content/ekonomi/terbaru.md'),
      article({ title: 'Berita terbaru', date: '2016-12-30 08:00', tags: '[pasar-1]' }),
    );
    const publish = cli(['--changes', 'changes.json']);
    expect(publish.code, publish.stderr).toBe(0);
    expect(state()).toContain('"contentFiles":41');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'changes.json'), 'utf8')) as {
      written: { path: string }[];
    };
    expect(manifest.written.map((file) => file.path)).toContain('ekonomi/terbaru/index.html');
    expect(manifest.written.length).toBeLessThan(40);
    const published = snapshotTree(path.join(dir, 'dist'));
    rmSync(path.join(dir, 'content/nasional/berita-5.md'));
    expect(cli([]).code).toBe(0);
    const cold = createFixtureSite({});
    dirs.push(cold);
    cpSync(path.join(dir, 'content'), path.join(cold, 'content'), { recursive: true });
    cpSync(path.join(dir, 'newsgen.config.json'), path.join(cold, 'newsgen.config.json'));
    expect(runCli(cold, ['build', '--now', NOW, '--no-cache']).code).toBe(0);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(snapshotTree(path.join(cold, 'dist')));
    expect(snapshotTree(path.join(dir, 'dist'))).not.toEqual(published);
  });
});
