import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { THEME_DIR } from '../../src/config/resolve-config.js';
import { isNewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { buildAt } from '../helpers/build-at.js';
import { buildInMemory } from '../helpers/build-in-memory.js';
import { createFixtureSite } from '../helpers/fixture-site.js';

const SITE = { title: 'warta Uji', locale: 'id-ID', timeZone: 'Asia/Jakarta', baseUrl: 'https://warta.example/' };
const STORY = '---\ntitle: Harga Beras Stabil\ndate: 2026-11-20 08:00\nauthor: Sari Wulandari\n---\nIsi berita.\n';

describe('the head of every page (issue 23)', () => {
  it('describes the home page and listings with a sentence from the site title when the config has no description', async () => {
    const site = await buildInMemory({ 'ekonomi/harga.md': STORY }, SITE);
    const description = (file: string) =>
      site.dom(file).querySelector('meta[name="description"]')?.getAttribute('content');
    expect(description('index.html')).toBe('Berita terkini dari warta Uji.');
    expect(description('ekonomi/index.html')).toBe('ekonomi: berita terbaru dari warta Uji.');
    expect(description('tag/index.html')).toBe('Semua topik: berita terbaru dari warta Uji.');
    const described = await buildInMemory({ 'ekonomi/harga.md': STORY }, { ...SITE, description: 'Kabar desa.' });
    expect(described.dom('index.html').querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      'Kabar desa.',
    );
  });

  it('gives the 404 page no canonical URL, as it answers for every missing address, and every other page its own', async () => {
    const site = await buildInMemory({ 'ekonomi/harga.md': STORY }, SITE);
    const canonical = (file: string) =>
      [...site.dom(file).querySelectorAll('link[rel="canonical"]')].map((link) => link.getAttribute('href'));
    expect(canonical('404.html')).toEqual([]);
    expect(site.dom('404.html').querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(canonical('ekonomi/harga/index.html')).toEqual(['https://warta.example/ekonomi/harga/']);
    expect(canonical('index.html')).toEqual(['https://warta.example/']);
  });

  it('cuts a long summary to 160 characters at a word for the description, the same in Open Graph and JSON-LD', async () => {
    const summary = `${'Harga beras di pasar induk turun tipis pekan ini setelah panen raya. '.repeat(5)}Akhir.`;
    const site = await buildInMemory(
      { 'ekonomi/harga.md': STORY.replace('---\nIsi', `summary: ${summary}\n---\nIsi`) },
      SITE,
    );
    const page = site.dom('ekonomi/harga/index.html');
    const description = page.querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
    const kept = description.slice(0, -1);
    expect(description.endsWith('…')).toBe(true);
    expect([...description].length).toBeLessThanOrEqual(160);
    expect([...description].length).toBeGreaterThan(140);
    // Cut where a word ends.
    expect(summary.startsWith(kept) && summary[kept.length] === ' ').toBe(true);
    expect(page.querySelector('meta[property="og:description"]')?.getAttribute('content')).toBe(description);
    const jsonLd = JSON.parse(page.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}');
    expect([jsonLd].flat().find((data: { '@type'?: string }) => data['@type'] === 'NewsArticle')?.description).toBe(
      description,
    );
    // The page itself still shows the summary whole.
    expect(page.querySelector('.article-summary')?.textContent).toBe(summary);
  });

  it("links a favicon drawn from the site's initial in the brand colour, or the configured icon", async () => {
    const site = await buildInMemory({ 'ekonomi/harga.md': STORY }, { ...SITE, publisher: { color: '#0A7F3F' } });
    const home = site.dom('index.html');
    const link = home.querySelector('link[rel="icon"]');
    expect([link?.getAttribute('href'), link?.getAttribute('type')]).toEqual([
      '/assets/site-icon.svg',
      'image/svg+xml',
    ]);
    // One file every page links to, not bytes repeated in each page.
    expect(site.dom('ekonomi/harga/index.html').querySelector('link[rel="icon"]')?.getAttribute('href')).toBe(
      '/assets/site-icon.svg',
    );
    const svg = site.file('assets/site-icon.svg');
    expect(svg).toContain('fill="#0a7f3f"');
    expect(svg).toContain('>W</text>');
    expect(home.querySelector('meta[name="theme-color"]')?.getAttribute('content')).toBe('#0a7f3f');
    const iconed = await buildInMemory(
      { 'ekonomi/harga.md': STORY },
      { ...SITE, baseUrl: 'https://warta.example/sub/', publisher: { icon: 'images/ikon.png' } },
    );
    const configured = iconed.dom('ekonomi/harga/index.html').querySelector('link[rel="icon"]');
    expect([configured?.getAttribute('href'), configured?.getAttribute('type')]).toEqual([
      '/sub/images/ikon.png',
      'image/png',
    ]);
    // A site with its own icon gets no drawn one.
    expect(iconed.files.has('assets/site-icon.svg')).toBe(false);
  });

  it.each([
    ['the static folder', 'static/assets/site-icon.svg'],
    ["the site's theme overrides", 'templates/assets/site-icon.svg'],
  ])('links, and does not overwrite, a site-icon.svg that %s provides', async (_, file) => {
    const own = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4"/></svg>';
    const dir = createFixtureSite({
      'newsgen.config.json': JSON.stringify(SITE),
      'content/ekonomi/harga.md': STORY,
      [file]: own,
    });
    await buildAt(dir, '2026-11-21T00:00:00+07:00');
    expect(readFileSync(path.join(dir, 'dist/assets/site-icon.svg'), 'utf8')).toBe(own);
    expect(readFileSync(path.join(dir, 'dist/index.html'), 'utf8')).toContain(
      '<link rel="icon" href="/assets/site-icon.svg" type="image/svg+xml">',
    );
  });
});

describe('a layout from an older theme', () => {
  it('warns at each place a template still reads site.relativeTimeScript, which gives nothing now', async () => {
    const layout = readFileSync(path.join(THEME_DIR, 'layout.hbs'), 'utf8').replace(
      '<script src="{{site.assetsUrl}}relative-time.js" defer></script>',
      '{{#if site.relativeTimeScript}}\n<script>{{{site.relativeTimeScript}}}</script>\n{{/if}}',
    );
    const dir = createFixtureSite({
      'newsgen.config.json': JSON.stringify(SITE),
      'content/ekonomi/harga.md': STORY,
      'templates/layout.hbs': layout,
    });
    const result = await buildAt(dir, '2026-11-21T00:00:00+07:00');
    const line = layout.split('\n').findIndex((text) => text.includes('{{#if site.relativeTimeScript}}')) + 1;
    const retired = result.warnings.filter((warning) => warning.ruleId === 'template-retired-data');
    expect(retired.map((warning) => [warning.file, warning.place])).toEqual([
      ['templates/layout.hbs', { line, column: 7 }],
      ['templates/layout.hbs', { line: line + 1, column: 12 }],
    ]);
    expect(retired[0]?.hint).toContain('<script src="{{site.assetsUrl}}relative-time.js" defer></script>');
    // The build goes on: the page simply has no relative-time script.
    expect(readFileSync(path.join(dir, 'dist/index.html'), 'utf8')).not.toContain('relative-time.js');
  });
});

describe('tables in a body', () => {
  it('sit in a scroll region a keyboard reaches, named in the site language, on articles and standalone pages', async () => {
    const table = '\n\n| Kota | Harga |\n| --- | --: |\n| Medan | 52.000 |\n';
    const site = await buildInMemory(
      {
        'ekonomi/harga.md': `${STORY}${table}${table}`,
        'pages/tentang.md': `---\ntitle: Tentang\n---\nTarif iklan.${table}`,
      },
      SITE,
    );
    for (const [file, labels] of [
      ['ekonomi/harga/index.html', ['Tabel 1', 'Tabel 2']],
      ['tentang/index.html', ['Tabel 1']],
    ] as const) {
      const regions = [...site.dom(file).querySelectorAll('.article-body .table-scroll')];
      expect(
        regions.map((region) => region.getAttribute('aria-label')),
        file,
      ).toEqual(labels);
      for (const region of regions) {
        expect(region.getAttribute('role')).toBe('region');
        expect(region.getAttribute('tabindex')).toBe('0');
        expect(region.firstElementChild?.tagName).toBe('TABLE');
      }
    }
  });
});

describe('the footer', () => {
  it('dates the copyright line with the year of the build clock in the site time zone', async () => {
    const footer = async (now: string) =>
      (await buildInMemory({ 'ekonomi/harga.md': STORY }, { ...SITE, publisher: { name: 'PT Warta' } }, { now }))
        .dom('index.html')
        .querySelector('.site-footer .footer-bottom')
        ?.textContent?.trim();
    expect(await footer('2030-06-01T00:00:00+07:00')).toBe('© 2030 PT Warta');
    // New Year's Eve in UTC is already New Year's Day in Jakarta.
    expect(await footer('2030-12-31T18:00:00Z')).toBe('© 2031 PT Warta');
  });
});

describe('embed components in a built site', () => {
  it('turn ::related into a "Baca juga" link to the article, with its title and URL under the base path', async () => {
    const site = await buildInMemory(
      {
        'ekonomi/harga.md': STORY.replace(
          'Isi berita.',
          'Isi berita.\n\n::related{slug=beras-impor}\n\nParagraf penutup.',
        ),
        'ekonomi/beras-impor.md': STORY.replace('Harga Beras Stabil', 'Impor Beras <Ditunda> & Dikaji'),
      },
      { ...SITE, baseUrl: 'https://warta.example/sub/' },
    );
    const link = site.dom('ekonomi/harga/index.html').querySelector('.article-body p.read-also');
    expect(link?.textContent).toBe('Baca juga: Impor Beras <Ditunda> & Dikaji');
    expect(link?.querySelector('a')?.getAttribute('href')).toBe('/sub/ekonomi/beras-impor/');
    expect(site.file('ekonomi/harga/index.html')).not.toContain('data-related');
  });

  it('stop the build with every component problem at its file, line and column', async () => {
    const body = 'Isi berita.\n\n::youtube{id=salah}\n\n::related{slug=tidak-ada}\n';
    // The front matter takes 5 lines: the body's line 3 is the file's line 8.
    expect(await problemsOf({ 'ekonomi/harga.md': STORY.replace('Isi berita.\n', body) })).toEqual([
      'content/ekonomi/harga.md:8:1 embed-invalid',
      'content/ekonomi/harga.md:8:1 embed-invalid',
    ]);
    const link = 'Isi.\n\n::related{slug=tidak-ada}\n';
    expect(await problemsOf({ 'ekonomi/harga.md': STORY.replace('Isi berita.\n', link) })).toEqual([
      'content/ekonomi/harga.md:8:1 related-unknown-slug',
    ]);
  });
});

/** The diagnostics a failing build reports, as `file:line:column rule`. */
async function problemsOf(content: Record<string, string>): Promise<string[]> {
  try {
    await buildInMemory(content, SITE);
  } catch (error) {
    if (isNewsgenError(error))
      return error.diagnostics.map((d) => `${d.file}:${d.place?.line}:${d.place?.column} ${d.ruleId}`);
    throw error;
  }
  throw new Error('The build succeeded');
}

it('leaves ::related out of feed items, which show the body without the site around it', async () => {
  const site = await buildInMemory(
    {
      'ekonomi/harga.md': STORY.replace('Isi berita.', 'Isi berita.\n\n::related{slug=beras-impor}'),
      'ekonomi/beras-impor.md': STORY,
    },
    SITE,
  );
  const feed = site.file('feed.json');
  expect(feed).toContain('Isi berita.');
  expect(feed).not.toContain('data-related');
});
