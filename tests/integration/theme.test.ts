import { describe, expect, it } from 'vitest';
import { isNewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { buildInMemory } from '../helpers/build-in-memory.js';

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

  it("links a favicon drawn from the site's initial in the brand colour, or the configured icon", async () => {
    const site = await buildInMemory({ 'ekonomi/harga.md': STORY }, { ...SITE, publisher: { color: '#0A7F3F' } });
    const home = site.dom('index.html');
    const href = home.querySelector('link[rel="icon"]')?.getAttribute('href') ?? '';
    expect(href.startsWith('data:image/svg+xml,')).toBe(true);
    const svg = decodeURIComponent(href.slice('data:image/svg+xml,'.length));
    expect(svg).toContain('fill="#0a7f3f"');
    expect(svg).toContain('>W</text>');
    expect(home.querySelector('meta[name="theme-color"]')?.getAttribute('content')).toBe('#0a7f3f');
    const iconed = await buildInMemory(
      { 'ekonomi/harga.md': STORY },
      { ...SITE, baseUrl: 'https://warta.example/sub/', publisher: { icon: 'images/ikon.png' } },
    );
    const link = iconed.dom('ekonomi/harga/index.html').querySelector('link[rel="icon"]');
    expect([link?.getAttribute('href'), link?.getAttribute('type')]).toEqual(['/sub/images/ikon.png', 'image/png']);
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
