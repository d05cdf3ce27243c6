import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import type { BuildSession } from '../../src/pipeline/build-session.js';
import { coldSnapshotAt } from '../helpers/build-at.js';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';
import { createMemorySession } from '../helpers/memory-session.js';
import { type ServeProcess, startServe, waitFor } from '../server/start-serve.js';

const NOW = '2016-12-31T00:00:00Z';

function createSearchSite(): string {
  return createFixtureSite({
    'newsgen.config.json': JSON.stringify({
      title: 'Warta',
      baseUrl: 'https://warta.example/',
      locale: 'id-ID',
      search: true,
      now: NOW,
    }),
    'content/ekonomi/harga-durian.md': article({ title: 'Harga durian melonjak' }, 'Pedagang durian kewalahan.\n'),
    'content/ekonomi/harga-cabai.md': article(
      { title: 'Harga cabai turun', date: '2016-09-10 08:00' },
      'Cabai turun.\n',
    ),
  });
}

/** The text of every page the index in `dir/dist` holds (its fragments are `pagefind_dcd` then gzipped JSON). */
function indexedText(dir: string): string {
  const folder = path.join(dir, 'dist', 'pagefind', 'fragment');
  return readdirSync(folder)
    .map((name) =>
      gunzipSync(readFileSync(path.join(folder, name)))
        .subarray('pagefind_dcd'.length)
        .toString('utf8'),
    )
    .join('\n');
}

function editBody(dir: string, word: string): string {
  const file = path.join(dir, 'content', 'ekonomi', 'harga-durian.md');
  writeFileSync(file, article({ title: 'Harga durian melonjak' }, `Pedagang durian kewalahan, kata ${word}.\n`));
  return file;
}

describe('search in the preview (newsgen serve with search: true)', () => {
  let session: BuildSession | undefined;
  let serve: ServeProcess | undefined;
  afterEach(async () => {
    await session?.close();
    await serve?.stop();
  });

  test('a rebuild that defers the index writes the page first; the next build indexes it as a cold build does', async () => {
    const dir = createSearchSite();
    const { config } = await resolveConfig(dir, await loadConfig(dir, undefined), {}, new Date());
    session = createMemorySession(config);
    await session.build();
    const file = editBody(dir, 'katabarudurian');
    const deferred = await session.build({ changed: [file] }, { deferSearch: true });
    expect(deferred.written).toContain('ekonomi/harga-durian/index.html');
    expect(deferred.written.filter((out) => out.startsWith('pagefind/'))).toEqual([]);
    expect(indexedText(dir)).not.toContain('katabarudurian');
    // Nothing else changed: the build is not up to date while the session owes the index.
    const indexed = await session.build({ changed: [], removed: [] });
    expect(indexed.upToDate).toBe(false);
    expect(indexed.written.every((out) => out.startsWith('pagefind/'))).toBe(true);
    expect(indexedText(dir)).toContain('katabarudurian');
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(await coldSnapshotAt(dir, NOW));
    expect((await session.build({ changed: [], removed: [] })).upToDate).toBe(true);
  });

  test('newsgen serve indexes an edited article soon after writing it', async () => {
    const dir = createSearchSite();
    serve = await startServe(dir);
    editBody(dir, 'katabaruserve');
    const page = path.join(dir, 'dist', 'ekonomi', 'harga-durian', 'index.html');
    expect(await waitFor(() => readFileSync(page, 'utf8').includes('katabaruserve'))).toBe(true);
    expect(await waitFor(() => indexedText(dir).includes('katabaruserve'))).toBe(true);
  }, 60_000);
});
