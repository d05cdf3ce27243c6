import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { coldSnapshotAt } from '../helpers/build-at.js';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const NOW = ['--now', '2026-11-23T12:00:00+07:00'];

/** The URLs the search index holds (one fragment per page). */
function indexedUrls(site: string): string[] {
  const folder = path.join(site, 'dist', 'pagefind', 'fragment');
  return readdirSync(folder)
    .map((name) => {
      const page = gunzipSync(readFileSync(path.join(folder, name))).subarray('pagefind_dcd'.length);
      return (JSON.parse(page.toString('utf8')) as { url: string }).url;
    })
    .sort();
}

/** The build's `--changes` manifest, as paths. */
function readChanges(site: string): { written: string[]; deleted: string[] } {
  const changes = JSON.parse(readFileSync(path.join(site, 'changes.json'), 'utf8')) as {
    written: { path: string }[];
    deleted: { path: string }[];
  };
  return { written: changes.written.map((file) => file.path), deleted: changes.deleted.map((file) => file.path) };
}

describe('newsgen build --defer-search', () => {
  it('publishes without running Pagefind, and the next build updates the index as a cold build writes it', async () => {
    const site = createFixtureSite({
      'newsgen.config.json': JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/', search: true }),
      'content/kota/durian.md': article({ title: 'Durian montong', date: '2026-11-20 09:00' }, 'Musim durian.\n'),
    });
    expect((await runMain(site, ['build', ...NOW])).code).toBe(0);
    writeFileSync(
      path.join(site, 'content/kota/jalan.md'),
      article({ title: 'Jalan baru diaspal', date: '2026-11-21 09:00' }, 'Aspal baru.\n'),
    );

    const deferred = await runMain(site, ['build', ...NOW, '--defer-search', '--changes', 'changes.json']);
    expect(deferred.code, deferred.stderr).toBe(0);
    const published = readChanges(site);
    expect(published.written).toContain('kota/jalan/index.html');
    expect([...published.written, ...published.deleted].filter((file) => file.startsWith('pagefind/'))).toEqual([]);
    expect(indexedUrls(site)).toEqual(['/kota/durian/']);

    // Nothing changed since, but the index is owed: this build makes it, as a cold build would.
    const caughtUp = await runMain(site, ['build', ...NOW, '--changes', 'changes.json']);
    expect(caughtUp.code, caughtUp.stderr).toBe(0);
    expect(caughtUp.stderr).not.toContain('Up to date');
    expect(readChanges(site).written.some((file) => file.startsWith('pagefind/'))).toBe(true);
    expect(indexedUrls(site)).toEqual(['/kota/durian/', '/kota/jalan/']);
    expect(snapshotTree(path.join(site, 'dist'))).toEqual(await coldSnapshotAt(site, NOW[1] as string));

    const again = await runMain(site, ['build', ...NOW]);
    expect(again.stderr).toContain('Up to date');
  });

  it('owes no index after a deferred build that had none to keep, and a deferred build owing one changes nothing', async () => {
    const site = createFixtureSite({
      'newsgen.config.json': JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/', search: true }),
      'content/kota/durian.md': article({ title: 'Durian montong', date: '2026-11-20 09:00' }, 'Musim durian.\n'),
    });
    // The first build into an empty folder has no index to keep: it makes one, and owes none.
    const first = await runMain(site, ['build', ...NOW, '--defer-search']);
    expect(first.code, first.stderr).toBe(0);
    expect(indexedUrls(site)).toEqual(['/kota/durian/']);
    expect((await runMain(site, ['build', ...NOW])).stderr).toContain('Up to date');

    writeFileSync(
      path.join(site, 'content/kota/jalan.md'),
      article({ title: 'Jalan baru diaspal', date: '2026-11-21 09:00' }, 'Aspal baru.\n'),
    );
    expect((await runMain(site, ['build', ...NOW, '--defer-search'])).code).toBe(0);
    // Deferred again with nothing changed: it would keep the index as it is, so it is up to date, and still owes it.
    expect((await runMain(site, ['build', ...NOW, '--defer-search'])).stderr).toContain('Up to date');
    const caughtUp = await runMain(site, ['build', ...NOW]);
    expect(caughtUp.stderr).not.toContain('Up to date');
    expect(indexedUrls(site)).toEqual(['/kota/durian/', '/kota/jalan/']);
  });

  it('is a no-op for a site without search, and a deferred build with nothing else changed is up to date', async () => {
    const site = createFixtureSite({
      'newsgen.config.json': JSON.stringify({ title: 'Warta', baseUrl: 'https://warta.example/' }),
      'content/kota/durian.md': article({ title: 'Durian montong', date: '2026-11-20 09:00' }, 'Musim durian.\n'),
    });
    expect((await runMain(site, ['build', ...NOW, '--defer-search'])).code).toBe(0);
    const next = await runMain(site, ['build', ...NOW]);
    expect(next.stderr).toContain('Up to date');
  });
});
