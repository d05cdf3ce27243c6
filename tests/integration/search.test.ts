import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { NewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { createLogger } from '../../src/logger/create-logger.js';
import { build } from '../../src/pipeline/build.js';
import { buildAt, coldSnapshotAt } from '../helpers/build-at.js';
import { article, createFixtureSite, snapshotTree } from '../helpers/fixture-site.js';

const NOW = '2016-12-31T00:00:00Z';

/** A small site with search on: three articles (one a draft), a standalone page, listings of every kind. */
function createSearchSite(config: Record<string, unknown> = {}): string {
  return createFixtureSite({
    'newsgen.config.json': JSON.stringify({
      title: 'Warta',
      baseUrl: 'https://warta.example/berita/',
      locale: 'id-ID',
      perPage: 2,
      search: true,
      ...config,
    }),
    'content/ekonomi/harga-durian.md': article(
      { title: 'Harga durian montong melonjak', tags: '[pasar]' },
      'Pedagang durian di pasar induk kewalahan.\n',
    ),
    'content/ekonomi/harga-cabai.md': article(
      { title: 'Harga cabai turun', date: '2016-09-10 08:00', tags: '[pasar]' },
      'Harga cabai rawit turun.\n',
    ),
    'content/nasional/banjir-rob.md': article(
      { title: 'Banjir rob di pesisir', date: '2016-09-11 08:00', draft: 'true' },
      'Rahasia redaksi: kata kuncirahasia.\n',
    ),
    'content/pages/tentang.md': '---\ntitle: Tentang kami\n---\n\nKami media daring.\n',
  });
}

/** Builds like `newsgen build --now NOW` (with `--drafts` when asked), without the cache. */
async function buildSite(dir: string, options: { readonly drafts?: boolean } = {}) {
  const inline = { now: NOW, ...(options.drafts ? { drafts: true } : {}) };
  const { config } = await resolveConfig(dir, await loadConfig(dir, undefined), inline, new Date());
  return build(config, { logger: createLogger({ level: 'silent' }), concurrency: 0, cache: false });
}

/** Every page the index holds (its fragments): URL, text and metadata. */
function readIndexedPages(dir: string) {
  const folder = path.join(dir, 'dist', 'pagefind', 'fragment');
  return readdirSync(folder)
    .map((name) => {
      const bytes = gunzipSync(readFileSync(path.join(folder, name)));
      // A fragment is `pagefind_dcd` then the page as JSON.
      return JSON.parse(bytes.subarray('pagefind_dcd'.length).toString('utf8')) as {
        url: string;
        content: string;
        meta: Record<string, string>;
        filters: Record<string, string[]>;
      };
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}

function searchFiles(dir: string): Map<string, string> {
  return new Map([...snapshotTree(path.join(dir, 'dist'))].filter(([file]) => file.startsWith('pagefind')));
}

describe('site search (search: true)', () => {
  test('writes the search page at /search/, linked from every page, out of the sitemaps and search engines', async () => {
    const dir = createSearchSite();
    await buildSite(dir);
    const page = readFileSync(path.join(dir, 'dist', 'search', 'index.html'), 'utf8');
    expect(page).toContain('<title>Cari di Warta</title>');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain('src="/berita/pagefind/pagefind-component-ui.js"');
    expect(page).toContain('<input type="hidden" name="sites" value="warta.example">');
    const home = readFileSync(path.join(dir, 'dist', 'index.html'), 'utf8');
    expect(home).toContain('<a href="/berita/search/">Cari</a>');
    expect(readFileSync(path.join(dir, 'dist', 'sitemap-pages.xml'), 'utf8')).not.toContain('/search/');
  });

  test('keeps /search/ and /pagefind/ from standalone pages, with or without search', async () => {
    for (const search of [true, false]) {
      const dir = createSearchSite({ search });
      writeFileSync(path.join(dir, 'content/pages/search.md'), '---\ntitle: Cari\n---\n\nCari.\n');
      const error = await buildSite(dir).catch((caught: unknown) => caught as NewsgenError);
      expect(error).toBeInstanceOf(NewsgenError);
      expect((error as NewsgenError).diagnostics.map((d) => d.ruleId)).toEqual(['page-url-reserved']);
    }
  });

  test('indexes the articles and standalone pages, with their metadata, and no listing or draft', async () => {
    const dir = createSearchSite();
    const result = await buildSite(dir, { drafts: true });
    const pages = readIndexedPages(dir);
    expect(pages.map((page) => page.url)).toEqual([
      '/berita/ekonomi/harga-cabai/',
      '/berita/ekonomi/harga-durian/',
      '/berita/tentang/',
    ]);
    const durian = pages.find((page) => page.url.endsWith('harga-durian/'));
    expect(durian?.content).toContain('Pedagang durian di pasar induk kewalahan.');
    expect(durian?.meta).toMatchObject({ title: 'Harga durian montong melonjak', section: 'ekonomi' });
    expect(durian?.meta['date']).toMatch(/2016/);
    expect(pages.map((page) => page.content).join(' ')).not.toContain('kuncirahasia');
    const entry = JSON.parse(readFileSync(path.join(dir, 'dist', 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['id']);
    expect(result.written).toContain('pagefind/pagefind-entry.json');
    expect(result.written).toContain('pagefind/pagefind-ui.js');
  });

  test('shows an opinion column as such in the results and can filter by its kind, and news as it was', async () => {
    const dir = createSearchSite();
    writeFileSync(
      path.join(dir, 'content/ekonomi/kolom-cabai.md'),
      article({ title: '"Cabai, gudang dingin: kapan?"', date: '2016-09-12 08:00', kind: 'opinion' }, 'Kolom.\n'),
    );
    await buildSite(dir);
    const pages = readIndexedPages(dir);
    const column = pages.find((page) => page.url.endsWith('kolom-cabai/'));
    // A title with commas and colons is kept whole.
    expect(column?.meta).toMatchObject({ title: 'Opini: Cabai, gudang dingin: kapan?', section: 'ekonomi' });
    expect(column?.filters).toEqual({ kind: ['Opini'] });
    const news = pages.find((page) => page.url.endsWith('harga-cabai/'));
    expect(news?.meta['title']).toBe('Harga cabai turun');
    expect(news?.filters).toEqual({});
  });

  test('two cold builds of one site write the same index, byte for byte', async () => {
    const first = createSearchSite();
    const second = createSearchSite();
    await buildSite(first);
    await buildSite(second);
    const files = searchFiles(first);
    expect(files.size).toBeGreaterThan(5);
    expect(searchFiles(second)).toEqual(files);
  });

  test('a warm build after an edit and a publish writes the index a cold build does, and deletes the old files', async () => {
    const dir = createSearchSite();
    await buildAt(dir, NOW);
    const before = searchFiles(dir);
    writeFileSync(
      path.join(dir, 'content/ekonomi/harga-cabai.md'),
      article({ title: 'Harga cabai turun', date: '2016-09-10 08:00', tags: '[pasar]' }, 'Harga cabai rawit anjlok.\n'),
    );
    const edited = await buildAt(dir, NOW);
    expect(edited.written.some((file) => file.startsWith('pagefind/fragment/'))).toBe(true);
    expect(edited.deleted.filter((file) => file.startsWith('pagefind/')).length).toBeGreaterThan(0);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(await coldSnapshotAt(dir, NOW));
    writeFileSync(
      path.join(dir, 'content/nasional/kereta.md'),
      article({ title: 'Kereta cepat', date: '2016-12-30 08:00' }, 'Kereta cepat mulai melayani penumpang.\n'),
    );
    await buildAt(dir, NOW);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(await coldSnapshotAt(dir, NOW));
    expect(searchFiles(dir)).not.toEqual(before);
  });

  test('a site without search writes no index, no search page and no Pagefind marks', async () => {
    const dir = createSearchSite({ search: false });
    await buildSite(dir);
    expect(existsSync(path.join(dir, 'dist', 'pagefind'))).toBe(false);
    expect(existsSync(path.join(dir, 'dist', 'search'))).toBe(false);
    const html = readFileSync(path.join(dir, 'dist', 'ekonomi', 'harga-durian', 'index.html'), 'utf8');
    expect(html).not.toContain('pagefind');
  });
});
