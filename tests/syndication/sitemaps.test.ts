import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createSitemaps, planSitemaps } from '../../src/syndication/create-sitemaps.js';
import type { SitemapLimits } from '../../src/syndication/sitemap-model.js';
import { articleSource, type BuiltSite, buildInMemory, validateSitemap } from './build-in-memory.js';
import { NOW, SITE_CONFIG, SITE_CONTENT, TRICKY_TITLE } from './site-fixture.js';

/** Reads the `<loc>` values of a sitemap with a DOM parser (entities decoded). */
function locsOf(xml: string): string[] {
  const { document } = parseHTML(xml.replace(/^<\?xml[^>]*>/, ''));
  return [...document.querySelectorAll('loc')].map((node) => node.textContent ?? '');
}

/** The output files of `createSitemaps` by path, as text. */
async function sitemapsOf(site: BuiltSite, limits?: SitemapLimits): Promise<Map<string, string>> {
  const files = await createSitemaps(site.generated.site, site.config, limits);
  return new Map(files.map((file) => [file.path, String(file.contents)]));
}

/** The paths whose text differs between two sets of output files (present in either). */
function changedPaths(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path)).sort();
}

describe('sitemaps', () => {
  // Timeout: validates sitemaps against the XML schemas with xmllint compiled to WebAssembly.
  it('writes an index of the pages sitemap, one sitemap per month of articles and the news sitemap, all valid', async () => {
    const site = await buildInMemory(SITE_CONFIG, SITE_CONTENT, { inline: { now: NOW } });
    const index = site.file('sitemap.xml');
    expect(await validateSitemap(index)).toMatchObject({ valid: true });
    const children = locsOf(index);
    expect(children).toEqual([
      'https://uji.example/sitemap-pages.xml',
      'https://uji.example/sitemap-2026-11.xml',
      'https://uji.example/sitemap-news-1.xml',
    ]);
    for (const child of children) {
      const name = child.replace('https://uji.example/', '');
      const result = await validateSitemap(site.file(name), name);
      expect(result.output).not.toContain('error');
      expect(result.valid).toBe(true);
    }
    expect(locsOf(site.file('sitemap-2026-11.xml'))).toEqual([
      'https://uji.example/ekonomi/lama/',
      'https://uji.example/ekonomi/harga/',
    ]);
    const pages = locsOf(site.file('sitemap-pages.xml'));
    expect(pages).toEqual(
      expect.arrayContaining([
        'https://uji.example/',
        'https://uji.example/ekonomi/',
        'https://uji.example/tag/inflasi/',
        'https://uji.example/author/bagus-pratama/',
        'https://uji.example/2026/',
        'https://uji.example/2026/11/',
      ]),
    );
    expect(pages.some((loc) => /draf|terjadwal|kedaluwarsa|404|ekonomi\/lama/.test(loc))).toBe(false);
  }, 30_000);

  it('gives article pages their updated or publication time as lastmod, and listings none', async () => {
    const site = await buildInMemory(SITE_CONFIG, SITE_CONTENT, { inline: { now: NOW } });
    const month = site.file('sitemap-2026-11.xml');
    expect(month).toContain(
      '<loc>https://uji.example/ekonomi/lama/</loc>\n    <lastmod>2026-11-26T08:00:00+07:00</lastmod>',
    );
    expect(month).toContain(
      '<loc>https://uji.example/ekonomi/harga/</loc>\n    <lastmod>2026-11-26T10:00:00+07:00</lastmod>',
    );
    // Listings change with every publish: a date on them would rewrite this file each time.
    expect(site.file('sitemap-pages.xml')).not.toContain('<lastmod>');
    const index = site.file('sitemap.xml');
    expect(index).toContain(
      '<loc>https://uji.example/sitemap-2026-11.xml</loc>\n    <lastmod>2026-11-26T10:00:00+07:00</lastmod>',
    );
    expect(index).toContain('<loc>https://uji.example/sitemap-pages.xml</loc>\n  </sitemap>');
  });

  it('leaves out drafts and scheduled articles even in a preview build', async () => {
    const site = await buildInMemory(SITE_CONFIG, SITE_CONTENT, { inline: { now: NOW, drafts: true, future: true } });
    const articles = locsOf(site.file('sitemap-2026-11.xml'));
    expect(articles.some((loc) => /draf|terjadwal/.test(loc))).toBe(false);
    expect(site.files.has('sitemap-2026-12.xml')).toBe(false);
    expect(site.files.has('nasional/draf/index.html')).toBe(true);
  });

  it("files each article under its month of publication in the site's time zone, months in calendar order", async () => {
    const site = await buildInMemory(
      SITE_CONFIG,
      {
        // 31 October 23:30 in Jakarta is 16:30 UTC; 1 November 00:30 in Jakarta is still 31 October in UTC.
        'ekonomi/oktober.md': articleSource({ title: 'Akhir Oktober', date: '2026-10-31 23:30' }),
        'ekonomi/november.md': articleSource({ title: 'Awal November', date: '2026-11-01 00:30' }),
        // Updated in November, published in September: it stays in September.
        'ekonomi/september.md': articleSource({
          title: 'Diperbarui',
          date: '2026-09-15 10:00',
          updated: '2026-11-20 10:00',
        }),
      },
      { inline: { now: NOW } },
    );
    expect(locsOf(site.file('sitemap.xml'))).toEqual([
      'https://uji.example/sitemap-pages.xml',
      'https://uji.example/sitemap-2026-09.xml',
      'https://uji.example/sitemap-2026-10.xml',
      'https://uji.example/sitemap-2026-11.xml',
      'https://uji.example/sitemap-news-1.xml',
    ]);
    expect(locsOf(site.file('sitemap-2026-10.xml'))).toEqual(['https://uji.example/ekonomi/oktober/']);
    expect(locsOf(site.file('sitemap-2026-11.xml'))).toEqual(['https://uji.example/ekonomi/november/']);
    expect(site.file('sitemap-2026-09.xml')).toContain('<lastmod>2026-11-20T10:00:00+07:00</lastmod>');
  });

  // Timeout: validates sitemaps against the XML schemas with xmllint compiled to WebAssembly.
  it('continues a month past the entry limit in -2 and -3 files, oldest first, each valid and listed', async () => {
    const content: Record<string, string> = {};
    for (let day = 1; day <= 5; day += 1)
      content[`ekonomi/hari-${day}.md`] = articleSource({ title: `Hari ${day}`, date: `2026-10-0${day} 09:00` });
    const site = await buildInMemory(SITE_CONFIG, content, { inline: { now: NOW } });
    const files = await sitemapsOf(site, {
      pages: { maxEntries: 2, maxBytes: 1_000_000 },
      news: { maxEntries: 1000, maxBytes: 1_000_000 },
    });
    const children = locsOf(files.get('sitemap.xml') ?? '').map((loc) => loc.replace('https://uji.example/', ''));
    expect(children.filter((name) => name.startsWith('sitemap-2026-'))).toEqual([
      'sitemap-2026-10.xml',
      'sitemap-2026-10-2.xml',
      'sitemap-2026-10-3.xml',
    ]);
    const day = (n: number) => `https://uji.example/ekonomi/hari-${n}/`;
    expect(locsOf(files.get('sitemap-2026-10.xml') ?? '')).toEqual([day(1), day(2)]);
    expect(locsOf(files.get('sitemap-2026-10-2.xml') ?? '')).toEqual([day(3), day(4)]);
    expect(locsOf(files.get('sitemap-2026-10-3.xml') ?? '')).toEqual([day(5)]);
    const pageParts = children.filter((name) => name.startsWith('sitemap-pages'));
    expect(pageParts.slice(0, 2)).toEqual(['sitemap-pages.xml', 'sitemap-pages-2.xml']);
    const listed = pageParts.flatMap((name) => locsOf(files.get(name) ?? ''));
    expect(listed.length).toBeGreaterThan(2);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...files.keys()].sort()).toEqual([...children, 'sitemap.xml'].sort());
    for (const [name, xml] of files) expect((await validateSitemap(xml, name)).valid).toBe(true);
  }, 30_000);

  it('splits by size too, before the byte limit is reached', async () => {
    const site = await buildInMemory(SITE_CONFIG, SITE_CONTENT, { inline: { now: NOW } });
    const files = await sitemapsOf(site, {
      pages: { maxEntries: 50_000, maxBytes: 400 },
      news: { maxEntries: 1000, maxBytes: 1_000_000 },
    });
    expect(files.has('sitemap-2026-11-2.xml')).toBe(true);
    expect(files.has('sitemap-pages-2.xml')).toBe(true);
    for (const [name, xml] of files)
      if (!name.startsWith('sitemap-news') && name !== 'sitemap.xml')
        expect(Buffer.byteLength(xml)).toBeLessThanOrEqual(400);
  });

  it("publishing a newer article changes only its month's sitemap, the index and the news sitemap", async () => {
    const older = {
      'ekonomi/oktober.md': articleSource({ title: 'Oktober', date: '2026-10-10 09:00', tags: '[Ekspor]' }),
    };
    const before = await buildInMemory(SITE_CONFIG, { ...SITE_CONTENT, ...older }, { inline: { now: NOW } });
    const fresh = articleSource({ title: 'Terbaru', date: '2026-11-26 20:00', tags: '[Inflasi]' });
    const after = await buildInMemory(
      SITE_CONFIG,
      { ...SITE_CONTENT, ...older, 'ekonomi/terbaru.md': fresh },
      { inline: { now: NOW } },
    );
    expect(changedPaths(await sitemapsOf(before), await sitemapsOf(after))).toEqual([
      'sitemap-2026-11.xml',
      'sitemap-news-1.xml',
      'sitemap.xml',
    ]);
    // A new tag is a new page: the pages sitemap changes too, and only then.
    const tagged = articleSource({ title: 'Terbaru', date: '2026-11-26 20:00', tags: '[Tag Baru]' });
    const withTag = await buildInMemory(
      SITE_CONFIG,
      { ...SITE_CONTENT, ...older, 'ekonomi/terbaru.md': tagged },
      { inline: { now: NOW } },
    );
    expect(changedPaths(await sitemapsOf(before), await sitemapsOf(withTag))).toEqual([
      'sitemap-2026-11.xml',
      'sitemap-news-1.xml',
      'sitemap-pages.xml',
      'sitemap.xml',
    ]);
  });

  it('keys each sitemap file by what it shows, so a publish renders only the files it changes', async () => {
    const older = { 'ekonomi/oktober.md': articleSource({ title: 'Oktober', date: '2026-10-10 09:00' }) };
    const before = await buildInMemory(SITE_CONFIG, { ...SITE_CONTENT, ...older }, { inline: { now: NOW } });
    const after = await buildInMemory(
      SITE_CONFIG,
      { ...SITE_CONTENT, ...older, 'ekonomi/terbaru.md': articleSource({ title: 'Baru', date: '2026-11-26 20:00' }) },
      { inline: { now: NOW } },
    );
    const keysOf = (site: BuiltSite) => planSitemaps(site.generated.site, site.config).map((group) => group.key);
    const kept = new Set(keysOf(before));
    const renderedAgain = planSitemaps(after.generated.site, after.config).filter((group) => !kept.has(group.key));
    const paths = (await Promise.all(renderedAgain.map((group) => group.render()))).flat().map((file) => file.path);
    expect(paths.sort()).toEqual(['sitemap-2026-11.xml', 'sitemap-news-1.xml', 'sitemap.xml']);
  });

  it('escapes a hostile title in the news sitemap and names it as written', async () => {
    const site = await buildInMemory(SITE_CONFIG, SITE_CONTENT, { inline: { now: NOW } });
    const xml = site.file('sitemap-news-1.xml');
    expect(xml).toContain('&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;');
    const { document } = parseHTML(xml.replace(/^<\?xml[^>]*>/, ''));
    expect([...document.querySelectorAll('news\\:title')].map((node) => node.textContent)).toContain(TRICKY_TITLE);
  });
});

describe('the sitemap validator used here', () => {
  it('rejects a sitemap the schema forbids, so passing results mean something', async () => {
    const empty =
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>';
    const badDate =
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://uji.example/</loc><lastmod>kemarin</lastmod></url></urlset>';
    expect((await validateSitemap(empty)).valid).toBe(false);
    expect((await validateSitemap(badDate)).valid).toBe(false);
  });
});

describe('robots.txt', () => {
  it('allows crawling and names the sitemap index absolutely', async () => {
    const site = await buildInMemory(SITE_CONFIG, SITE_CONTENT, { inline: { now: NOW } });
    expect(site.file('robots.txt').split('\n')).toContain('Sitemap: https://uji.example/sitemap.xml');
  });
});

describe('Google News sitemap', () => {
  const hoursBefore = (hours: number) => new Date(Date.parse(NOW) - hours * 3600_000).toISOString();
  const news = (files: Record<string, string>) => buildInMemory(SITE_CONFIG, files, { inline: { now: NOW } });

  // Timeout: validates sitemaps against the XML schemas with xmllint compiled to WebAssembly.
  it('lists only articles first published in the 48 hours before the build clock', async () => {
    const site = await news({
      'ekonomi/baru.md': articleSource({ title: 'Baru', date: hoursBefore(1) }),
      'ekonomi/hampir.md': articleSource({ title: 'Hampir dua hari', date: hoursBefore(47.5) }),
      'ekonomi/lewat.md': articleSource({ title: 'Lewat', date: hoursBefore(49) }),
      'ekonomi/diperbarui.md': articleSource({
        title: 'Lama tapi diperbarui',
        date: hoursBefore(100),
        updated: hoursBefore(2),
      }),
      'ekonomi/nanti.md': articleSource({ title: 'Nanti', date: '2026-11-28T00:00:00+07:00' }),
    });
    const xml = site.file('sitemap-news-1.xml');
    expect((await validateSitemap(xml, 'sitemap-news-1.xml')).valid).toBe(true);
    const { document } = parseHTML(xml.replace(/^<\?xml[^>]*>/, ''));
    expect([...document.querySelectorAll('news\\:title')].map((node) => node.textContent)).toEqual([
      'Baru',
      'Hampir dua hari',
    ]);
    expect(xml).toContain('<news:name>Warta Uji Media</news:name>');
    expect(xml).toContain('<news:language>id</news:language>');
    expect(xml).toMatch(/<news:publication_date>2026-11-26T23:00:00\+07:00<\/news:publication_date>/);
  }, 30_000);

  // Timeout: validates sitemaps against the XML schemas with xmllint compiled to WebAssembly.
  it('splits at the entry limit, every part valid and listed in the index', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 5; index += 1)
      files[`ekonomi/berita-${index}.md`] = articleSource({ title: `Berita ${index}`, date: hoursBefore(index + 1) });
    const site = await news(files);
    const output = await createSitemaps(site.generated.site, site.config, {
      pages: { maxEntries: 50_000, maxBytes: 50_000_000 },
      news: { maxEntries: 2, maxBytes: 50_000_000 },
    });
    const byPath = new Map(output.map((file) => [file.path, String(file.contents)]));
    expect(locsOf(byPath.get('sitemap.xml') ?? '').filter((loc) => loc.includes('sitemap-news-'))).toEqual([
      'https://uji.example/sitemap-news-1.xml',
      'https://uji.example/sitemap-news-2.xml',
      'https://uji.example/sitemap-news-3.xml',
    ]);
    const counts = [1, 2, 3].map((n) => (byPath.get(`sitemap-news-${n}.xml`)?.match(/<news:news>/g) ?? []).length);
    expect(counts).toEqual([2, 2, 1]);
    for (const [name, xml] of byPath) expect((await validateSitemap(xml, name)).valid).toBe(true);
  }, 30_000);

  // Timeout: validates sitemaps against the XML schemas with xmllint compiled to WebAssembly.
  it('stays valid and holds no news when nothing is recent', async () => {
    const site = await news({ 'ekonomi/lama.md': articleSource({ title: 'Lama', date: hoursBefore(72) }) });
    const xml = site.file('sitemap-news-1.xml');
    expect(await validateSitemap(xml, 'sitemap-news-1.xml')).toMatchObject({ valid: true });
    expect(xml).not.toContain('<news:news>');
    expect(locsOf(site.file('sitemap.xml'))).toContain('https://uji.example/sitemap-news-1.xml');
  }, 30_000);
});
