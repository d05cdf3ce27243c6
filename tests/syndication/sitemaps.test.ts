import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createSitemaps } from '../../src/syndication/create-sitemaps.js';
import { articleSource, buildInMemory, validateSitemap } from './build-in-memory.js';
import { NOW, SITE_CONFIG, SITE_CONTENT, TRICKY_TITLE } from './site-fixture.js';

/** Reads the `<loc>` values of a sitemap with a DOM parser (entities decoded). */
function locsOf(xml: string): string[] {
  const { document } = parseHTML(xml.replace(/^<\?xml[^>]*>/, ''));
  return [...document.querySelectorAll('loc')].map((node) => node.textContent ?? '');
}

describe('sitemaps', () => {
  // Timeout: validates sitemaps against the XML schemas with xmllint compiled to WebAssembly.
  it('writes an index whose child sitemaps hold every published page and validate against the schemas', async () => {
    const site = await buildInMemory(SITE_CONFIG, SITE_CONTENT, { inline: { now: NOW } });
    const index = site.file('sitemap.xml');
    expect(await validateSitemap(index)).toMatchObject({ valid: true });
    const children = locsOf(index);
    expect(children).toEqual(['https://uji.example/sitemap-pages-1.xml', 'https://uji.example/sitemap-news-1.xml']);
    for (const child of children) {
      const name = child.replace('https://uji.example/', '');
      const result = await validateSitemap(site.file(name), name);
      expect(result.output).not.toContain('error');
      expect(result.valid).toBe(true);
    }
    const pages = locsOf(site.file('sitemap-pages-1.xml'));
    expect(pages).toEqual(
      expect.arrayContaining([
        'https://uji.example/',
        'https://uji.example/ekonomi/harga/',
        'https://uji.example/ekonomi/lama/',
        'https://uji.example/ekonomi/',
        'https://uji.example/tag/inflasi/',
        'https://uji.example/author/bagus-pratama/',
        'https://uji.example/2026/',
        'https://uji.example/2026/11/',
      ]),
    );
    expect(pages.some((loc) => /draf|terjadwal|kedaluwarsa|404/.test(loc))).toBe(false);
  }, 30_000);

  it('gives each page the newest updated or publication time it shows as lastmod', async () => {
    const site = await buildInMemory(SITE_CONFIG, SITE_CONTENT, { inline: { now: NOW } });
    const xml = site.file('sitemap-pages-1.xml');
    expect(xml).toContain(
      '<loc>https://uji.example/ekonomi/lama/</loc>\n    <lastmod>2026-11-26T08:00:00+07:00</lastmod>',
    );
    expect(xml).toContain(
      '<loc>https://uji.example/ekonomi/harga/</loc>\n    <lastmod>2026-11-26T10:00:00+07:00</lastmod>',
    );
  });

  it('leaves out drafts and scheduled articles even in a preview build', async () => {
    const site = await buildInMemory(SITE_CONFIG, SITE_CONTENT, { inline: { now: NOW, drafts: true, future: true } });
    const pages = locsOf(site.file('sitemap-pages-1.xml'));
    expect(pages.some((loc) => /draf|terjadwal/.test(loc))).toBe(false);
    expect(site.files.has('nasional/draf/index.html')).toBe(true);
  });

  // Timeout: validates sitemaps against the XML schemas with xmllint compiled to WebAssembly.
  it('splits pages into several valid sitemaps, all listed in the index', async () => {
    const site = await buildInMemory(SITE_CONFIG, SITE_CONTENT, { inline: { now: NOW } });
    const total = locsOf(site.file('sitemap-pages-1.xml')).length;
    const files = await createSitemaps(site.generated.site, site.config, {
      pages: { maxEntries: 3, maxBytes: 1_000_000 },
      news: { maxEntries: 1000, maxBytes: 1_000_000 },
    });
    const byPath = new Map(files.map((file) => [file.path, String(file.contents)]));
    const children = locsOf(byPath.get('sitemap.xml') ?? '');
    expect(children.filter((loc) => loc.includes('sitemap-pages-'))).toHaveLength(Math.ceil(total / 3));
    let seen = 0;
    for (const [name, xml] of byPath) {
      expect((await validateSitemap(xml, name)).valid).toBe(true);
      if (name.startsWith('sitemap-pages-')) seen += locsOf(xml).length;
    }
    expect(seen).toBe(total);
  }, 30_000);

  it('splits by size too, before the byte limit is reached', async () => {
    const site = await buildInMemory(SITE_CONFIG, SITE_CONTENT, { inline: { now: NOW } });
    const files = await createSitemaps(site.generated.site, site.config, {
      pages: { maxEntries: 50_000, maxBytes: 1_000 },
      news: { maxEntries: 1000, maxBytes: 1_000_000 },
    });
    const pages = files.filter((file) => file.path.startsWith('sitemap-pages-'));
    expect(pages.length).toBeGreaterThan(1);
    for (const file of pages) expect(Buffer.byteLength(String(file.contents))).toBeLessThanOrEqual(1_000);
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
