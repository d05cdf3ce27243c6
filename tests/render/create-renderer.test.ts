import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DOMParser } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { THEME_DIR } from '../../src/config/resolve-config.js';
import type { Renderer } from '../../src/render/create-renderer.js';
import { createTempFolder } from '../helpers/temp-folders.js';
import {
  makeArticlePage,
  makeAuthorListPage,
  makeCard,
  makeDate,
  makeHomePage,
  makeNotFoundPage,
  makeSectionListPage,
  makeSite,
  makeTermsPage,
} from './fixtures.js';
import { createSampleRenderer } from './render-samples.js';

type HtmlDocument = ReturnType<DOMParser['parseFromString']>;

function parse(html: string): HtmlDocument {
  return new DOMParser().parseFromString(html, 'text/html');
}

function texts(document: HtmlDocument, selector: string): string[] {
  return [...document.querySelectorAll(selector)].map((element) => (element.textContent ?? '').trim());
}

let renderer: Renderer;
beforeAll(async () => {
  renderer = await createSampleRenderer();
});

describe('the article page', () => {
  it('fills the document head from the site and page metadata', () => {
    const document = parse(renderer.render(makeArticlePage()));
    expect(document.documentElement.getAttribute('lang')).toBe('id');
    expect(document.querySelector('title')?.textContent).toBe(
      'Pendiri Raksasa Belanja Daring Jadi Penasihat | Kabar Nusantara',
    );
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://kabar.example/warta/teknologi/raksasa-belanja-daring-jadi-penasihat/',
    );
    expect([...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute('href'))).toEqual([
      '/warta/assets/tokens.css',
      '/warta/assets/newsgen.css',
      '/warta/assets/article.css',
    ]);
    expect(document.querySelector('meta[name="theme-color"]')?.getAttribute('content')).toBe('#b3001b');
    expect(document.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe('/warta/favicon.svg');
    expect(document.querySelector('link[rel="alternate"]')?.getAttribute('href')).toBe('/warta/feed.xml');
    expect(document.querySelector('meta[property="og:type"]')).not.toBeNull();
    expect(document.querySelector('meta[name="robots"]')).toBeNull();
  });

  it('shows the site title and the section navigation in the header', () => {
    const document = parse(renderer.render(makeArticlePage()));
    expect(document.querySelector('header .site-title a')?.getAttribute('href')).toBe('/warta/');
    expect(texts(document, '.site-nav a')).toEqual(['Ekonomi', 'Teknologi', 'Video']);
    expect(document.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main');
    expect(document.querySelector('main#main')).not.toBeNull();
  });

  it('shows section label, headline, linked byline joined with "dan", and the dates', () => {
    const document = parse(renderer.render(makeArticlePage()));
    const article = document.querySelector('main article.article');
    expect(article?.querySelector('.article-section a')?.textContent).toBe('Teknologi');
    expect(article?.querySelector('h1')?.textContent).toBe('Pendiri Raksasa Belanja Daring Jadi Penasihat');
    const byline = article?.querySelector('.byline');
    expect(byline?.textContent).toBe('Oleh Sari Wulandari dan Budi Hartono');
    expect(article?.querySelector('.article-summary')?.textContent).toContain('penasihat pemerintah');
    expect([...(byline?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))).toEqual([
      '/warta/penulis/sari-wulandari/',
      '/warta/penulis/budi-hartono/',
    ]);
    const times = article?.querySelectorAll('.article-meta time') ?? [];
    expect(times[0]?.getAttribute('datetime')).toBe('2016-09-09T10:46:00+07:00');
    expect(times[0]?.textContent).toBe('Jumat, 09 Sep 2016 10:46 WIB');
    expect(article?.querySelector('.updated')?.textContent).toContain('Diperbarui');
    expect(times[1]?.getAttribute('datetime')).toBe('2016-09-10T08:15:00+07:00');
  });

  it('shows the lead figure with caption and credit, the body, the editor initials and tags', () => {
    const document = parse(renderer.render(makeArticlePage()));
    const figure = document.querySelector('article figure');
    expect(figure?.querySelector('img')?.getAttribute('width')).toBe('1200');
    expect(figure?.querySelector('figcaption')?.textContent).toBe(
      'Pendiri perusahaan saat menerima rombongan tamu Foto: Dok. Kabar',
    );
    expect(document.querySelector('.article-body blockquote')).not.toBeNull();
    expect(document.querySelector('.article-editor')?.textContent).toContain('(MMI)');
    expect(texts(document, '.tags a')).toEqual(['e-commerce', 'UKM']);
  });

  it('leaves out the update line, figure and corrections box when there is nothing to show', () => {
    const document = parse(
      renderer.render(makeArticlePage({ updated: undefined, image: undefined, editor: undefined })),
    );
    expect(document.querySelector('.updated')).toBeNull();
    expect(document.querySelector('article figure')).toBeNull();
    expect(document.querySelector('.article-editor')).toBeNull();
    expect(document.querySelector('.corrections')).toBeNull();
    expect(document.querySelector('.draft-banner')).toBeNull();
  });

  it('shows a correction box listing each correction', () => {
    const page = makeArticlePage({ corrections: [{ date: makeDate(12), text: 'Jabatan narasumber diperbaiki.' }] });
    const box = parse(renderer.render(page)).querySelector('.corrections');
    expect(box?.querySelector('h2')?.textContent).toBe('Ralat');
    expect(box?.querySelector('li')?.textContent).toContain('Jabatan narasumber diperbaiki.');
    expect(box?.querySelector('time')?.getAttribute('datetime')).toBe('2016-09-12T10:46:00+07:00');
  });

  it('shows a visible banner on draft articles', () => {
    const banner = parse(renderer.render(makeArticlePage({ draft: true }))).querySelector('.draft-banner');
    expect(banner?.textContent).toBe('Draf — belum terbit');
  });

  it('shows when a scheduled article appears, on a preview of it', () => {
    const banner = parse(renderer.render(makeArticlePage({ scheduled: true }))).querySelector('.draft-banner');
    expect(banner?.textContent).toBe('Terjadwal — terbit Jumat, 09 Sep 2016 10:46 WIB');
  });

  it('shows related articles with a relative time and other news', () => {
    const document = parse(renderer.render(makeArticlePage()));
    const related = document.querySelector('.related');
    expect(related?.querySelector('h2')?.textContent).toBe('Berita terkait');
    expect(related?.querySelector('li a')?.textContent).toBe('Cara Membedakan Ponsel Lama dan Baru');
    const time = related?.querySelector('time[data-relative]');
    expect(time?.getAttribute('datetime')).toBe('2016-09-06T10:46:00+07:00');
    expect(time?.textContent).toBe('06 Sep 2016');
    // Headlines only: images would weigh more than the rest of the page's list markup.
    expect(related?.querySelector('img')).toBeNull();
    const otherNews = document.querySelector('.other-news');
    expect(otherNews?.querySelector('h2')?.textContent).toBe('Berita lainnya');
    expect(texts(document, '.other-news li a')).toEqual(['Kabar harga-cabai-turun', 'Kabar pasar-saham-menguat']);
  });

  it('shows breadcrumbs as an ordered list with the current page marked', () => {
    const document = parse(renderer.render(makeArticlePage()));
    expect(texts(document, 'nav.breadcrumbs ol li a')).toEqual([
      'Beranda',
      'Teknologi',
      'Pendiri Raksasa Belanja Daring Jadi Penasihat',
    ]);
    expect(document.querySelector('nav.breadcrumbs [aria-current="page"]')?.textContent).toBe(
      'Pendiri Raksasa Belanja Daring Jadi Penasihat',
    );
  });

  it('links the relative-time script at the end of the body with no inline script, and the embed script only with embeds', () => {
    const document = parse(renderer.render(makeArticlePage()));
    const scripts = document.querySelectorAll('body > script');
    expect(scripts.length).toBe(1);
    // A file every page shares (cached once), deferred, and nothing inline: a `script-src 'self'` policy holds.
    expect(scripts[0]?.getAttribute('src')).toBe(`${makeSite().assetsUrl}relative-time.js`);
    expect(scripts[0]?.hasAttribute('defer')).toBe(true);
    expect(scripts[0]?.textContent).toBe('');
    const withEmbeds = parse(renderer.render(makeArticlePage({ hasEmbeds: true })));
    // From the theme's assets, under the site's base path like every other asset.
    const embeds = withEmbeds.querySelector('script[src$="/embeds.js"]');
    expect(embeds?.getAttribute('src')).toBe(`${makeSite().assetsUrl}embeds.js`);
    expect(embeds?.hasAttribute('defer')).toBe(true);
    expect(embeds?.getAttribute('data-play')).toBe('Putar video');
    expect(embeds?.getAttribute('data-load')).toBe('Tampilkan unggahan dari {name} (memuat skripnya)');
  });

  it('shows the logo in the masthead when the publisher has one, with the site title as its text', () => {
    const page = makeArticlePage();
    const logo = { src: '/warta/images/logo.svg', width: 300, height: 40 };
    const document = parse(renderer.render({ ...page, site: { ...page.site, logo } }));
    const img = document.querySelector('header .site-title a img.site-logo');
    expect(img?.getAttribute('src')).toBe('/warta/images/logo.svg');
    expect(img?.getAttribute('alt')).toBe('Kabar Nusantara');
    expect(img?.getAttribute('width')).toBe('300');
    expect(parse(renderer.render(page)).querySelector('header .site-title a')?.textContent).toBe('Kabar Nusantara');
  });

  it('has a footer with the sections, the feeds, the copyright line and the footer menu when there is one', () => {
    const page = makeArticlePage();
    const plain = parse(renderer.render(page));
    expect(texts(plain, '.site-footer .footer-nav a')).toEqual(['Ekonomi', 'Teknologi', 'Video']);
    expect(texts(plain, '.site-footer .footer-feeds a')).toEqual(['RSS']);
    expect(plain.querySelector('.site-footer .footer-bottom')?.textContent?.trim()).toBe('© 2016 PT Kabar Contoh');
    expect(plain.querySelectorAll('.site-footer nav').length).toBe(1);
    const footer = [
      { name: 'Kontak', url: '/warta/kontak/', external: false, children: [] },
      { name: 'Redaksi', url: '/warta/redaksi/', external: false, children: [] },
    ];
    const site = { ...page.site, menus: { ...page.site.menus, footer } };
    const full = parse(renderer.render({ ...page, site }));
    expect(texts(full, '.site-footer nav a')).toEqual(['Kontak', 'Redaksi', 'Ekonomi', 'Teknologi', 'Video']);
  });

  it('escapes a title containing markup everywhere it appears', () => {
    const page = makeArticlePage({ title: '<script>alert(1)</script> & "kutipan"' });
    const html = renderer.render({ ...page, page: { ...page.page, title: '<script>alert(1)</script>' } });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;kutipan&quot;');
    const document = parse(html);
    expect(document.querySelector('h1')?.textContent).toBe('<script>alert(1)</script> & "kutipan"');
  });
});

describe('listing pages', () => {
  it('renders the front page: lead, secondary leads, latest headlines with times, and section blocks', () => {
    const document = parse(renderer.render(makeHomePage()));
    expect(document.querySelector('.top-stories .card-lead h2')?.textContent).toBe('Berita Utama Hari Ini');
    expect(document.querySelector('.card-lead img')?.hasAttribute('loading')).toBe(false);
    expect(document.querySelectorAll('.top-stories .secondary .card-stack').length).toBe(3);
    expect(texts(document, '.latest .card-title')).toEqual(['Kabar terbaru-1', 'Kabar terbaru-2']);
    expect(document.querySelectorAll('.latest img').length).toBe(0);
    expect(document.querySelectorAll('.latest time[data-relative]').length).toBe(2);
    expect(texts(document, '.section-block > h2')).toEqual(['Ekonomi', 'Teknologi']);
    const economy = document.querySelector('.section-block');
    expect(economy?.querySelectorAll('.card-stack img').length).toBe(1);
    expect(texts(economy as never, '.headlines .card-title')).toEqual(['Kabar ekonomi-2', 'Kabar ekonomi-3']);
    expect(document.querySelector('.archive')).toBeNull();
    expect(document.querySelector('nav.breadcrumbs')).toBeNull();
  });

  it('marks the current archive page and links the newer and older pages and the newest', () => {
    const document = parse(renderer.render(makeHomePage(2)));
    expect(document.querySelector('.front')).toBeNull();
    expect(document.querySelectorAll('.archive .card-row').length).toBe(3);
    expect(document.querySelector('.pagination [aria-current="page"]')?.textContent).toBe('2');
    expect(document.querySelector('.pagination a[rel="prev"]')?.getAttribute('href')).toBe('/warta/page/3/');
    expect(document.querySelector('.pagination a[rel="next"]')?.getAttribute('href')).toBe('/warta/page/1/');
    expect(document.querySelector('.pagination-newest a')?.getAttribute('href')).toBe('/warta/');
  });

  it("heads an archive page with a visible h1 naming the archive page, and keeps the front page's hidden site title", () => {
    const archive = parse(renderer.render(makeHomePage(2)));
    const headings = [...archive.querySelectorAll('h1')];
    expect(headings.map((heading) => [heading.textContent, heading.className])).toEqual([
      ['Arsip berita — halaman 2', ''],
    ]);
    expect(archive.querySelector('.archive .card-title')?.tagName).toBe('H2');
    const front = parse(renderer.render(makeHomePage()));
    expect([...front.querySelectorAll('h1')].map((heading) => heading.className)).toEqual(['visually-hidden']);
  });

  it('links the next newer page, the current one, two older and the oldest, with a gap for the pages between', () => {
    const document = parse(renderer.render(makeHomePage(6, 12)));
    const numbered = '.pagination li:not(.pagination-prev):not(.pagination-next):not(.pagination-newest)';
    const slots = [...document.querySelectorAll(numbered)];
    expect(slots.map((slot) => slot.textContent?.trim())).toEqual(['7', '6', '5', '4', '…', '1']);
    expect(
      slots
        .filter((slot) => slot.classList.contains('pagination-gap'))
        .every((gap) => gap.getAttribute('aria-hidden') === 'true' && !gap.querySelector('a')),
    ).toBe(true);
    expect(document.querySelector('.pagination a[href="/warta/page/1/"]')?.textContent).toBe('1');
  });

  it('shows no page navigation when the listing fits on its front page', () => {
    const document = parse(renderer.render(makeHomePage(0, 0)));
    expect(document.querySelector('.pagination')).toBeNull();
  });

  it('gives every image an alt attribute and lazy loading on cards', () => {
    const document = parse(renderer.render(makeHomePage()));
    const images = [...document.querySelectorAll('img')];
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((img) => img.hasAttribute('alt'))).toBe(true);
    expect(
      [...document.querySelectorAll('.section-block img')].every((img) => img.getAttribute('loading') === 'lazy'),
    ).toBe(true);
  });

  it('shows an author listing with the profile', () => {
    const document = parse(renderer.render(makeAuthorListPage()));
    expect(document.querySelector('main h1')?.textContent).toBe('Sari Wulandari');
    expect(document.querySelector('.author-role')?.textContent).toBe('Redaktur Teknologi');
    expect(document.querySelector('.author-bio em')?.textContent).toBe('startup');
    expect(document.querySelector('.author-avatar')?.getAttribute('alt')).toBe('');
    expect(document.querySelector('.author-links a')?.getAttribute('href')).toBe('https://sari.example');
    expect(document.querySelectorAll('.stream .card').length).toBe(2);
    expect(document.querySelector('.card-lead')).toBeNull();
  });

  it('opens page 1 of a section with its newest story, then lists the rest with thumbnails', () => {
    const document = parse(renderer.render(makeSectionListPage()));
    expect(document.querySelector('main > .card-lead h2')?.textContent).toBe('Harga Cabai Turun');
    expect(texts(document, '.stream .card-row .card-title')).toEqual(['Kabar ekonomi-2', 'Kabar ekonomi-3']);
    expect(document.querySelector('.stream .card-section')).toBeNull();
    expect(document.querySelector('link[href="/warta/assets/listing.css"]')).not.toBeNull();
  });

  it('lists every term with its count', () => {
    const document = parse(renderer.render(makeTermsPage()));
    expect(texts(document, '.terms li')).toEqual(['e-commerce 12 artikel', 'UKM 1 artikel']);
  });

  it('renders a friendly not-found page that can carry a robots directive', () => {
    const document = parse(renderer.render(makeNotFoundPage()));
    expect(document.querySelector('main h1')?.textContent).toBe('Halaman tidak ditemukan');
    expect(document.querySelector('main a.button')?.getAttribute('href')).toBe('/warta/');
    expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  });

  it('marks the navigation link of the current section page', () => {
    const page = makeAuthorListPage();
    const html = renderer.render({ ...page, page: { ...page.page, url: '/warta/rubrik/video/' } });
    expect(parse(html).querySelector('.site-nav [aria-current="page"]')?.textContent).toBe('Video');
  });
});

describe('theme files', () => {
  it('returns the stylesheets and the embed script as assets under assets/, minified', async () => {
    const paths = renderer.assets.map((asset) => asset.path);
    for (const name of ['tokens.css', 'newsgen.css', 'article.css', 'listing.css', 'embeds.js'])
      expect(paths).toContain(`assets/${name}`);
    const text = (path: string) => {
      const contents = renderer.assets.find((asset) => asset.path === path)?.contents ?? '';
      return typeof contents === 'string' ? contents : new TextDecoder().decode(contents);
    };
    expect(text('assets/tokens.css')).toContain('@media(prefers-color-scheme:dark)');
    const source = await readFile(join(THEME_DIR, 'assets', 'newsgen.css'), 'utf8');
    expect(text('assets/newsgen.css').length).toBeLessThan(source.length * 0.9);
    expect(text('assets/newsgen.css')).not.toContain('/*');
    expect(text('assets/embeds.js')).toContain('youtube-nocookie.com');
  });

  it('lets a site folder replace templates, partials and assets file by file and add partials', async () => {
    const dir = createTempFolder('render');
    await mkdir(join(dir, 'partials', 'extra'), { recursive: true });
    await mkdir(join(dir, 'assets'), { recursive: true });
    await writeFile(join(dir, 'not-found.hbs'), '<h1>Hilang</h1>{{> extra/note}}');
    await writeFile(join(dir, 'partials', 'extra', 'note.hbs'), '<p class="note">{{site.title}}</p>');
    await writeFile(join(dir, 'partials', 'site-footer.hbs'), '<footer class="custom-footer">Kaki</footer>');
    await writeFile(join(dir, 'assets', 'newsgen.css'), 'body{color:red}');
    await writeFile(join(dir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const custom = await createSampleRenderer(dir);
    const document = parse(custom.render(makeNotFoundPage()));
    expect(document.querySelector('main h1')?.textContent).toBe('Hilang');
    expect(document.querySelector('main .note')?.textContent).toBe('Kabar Nusantara');
    expect(document.querySelector('.custom-footer')?.textContent).toBe('Kaki');
    expect(document.querySelector('header .site-title')).not.toBeNull();
    expect(custom.assets.map((asset) => asset.path)).toEqual([
      'assets/article.css',
      'assets/embeds.js',
      'assets/latest-news.js',
      'assets/listing.css',
      'assets/live.css',
      'assets/logo.svg',
      'assets/newsgen.css',
      'assets/relative-time.js',
      'assets/search-query.js',
      'assets/tokens.css',
    ]);
    const css = custom.assets.find((asset) => asset.path === 'assets/newsgen.css');
    expect(new TextDecoder().decode(css?.contents as Uint8Array)).toBe('body{color:red}');
  });

  it('treats a missing site templates folder as having no overrides', async () => {
    const custom = await createSampleRenderer(join(createTempFolder('render'), 'no-such-folder'));
    expect(parse(custom.render(makeHomePage())).querySelector('.card-lead')).not.toBeNull();
  });

  it('keeps renderers isolated from each other and from the global Handlebars', async () => {
    const dir = createTempFolder('render');
    await mkdir(join(dir, 'partials'), { recursive: true });
    await writeFile(join(dir, 'partials', 'article-card.hbs'), '<p class="swapped">{{title}}</p>');
    await createSampleRenderer(dir);
    const document = parse(renderer.render(makeHomePage()));
    expect(document.querySelector('.swapped')).toBeNull();
    expect(document.querySelector('.card')).not.toBeNull();
  });

  it('renders cards with neither image nor excerpt', () => {
    const page = makeHomePage(2);
    const html = renderer.render({ ...page, articles: [makeCard('polos', { image: undefined, excerpt: '' })] });
    const card = parse(html).querySelector('.archive .card');
    expect(card?.querySelector('img')).toBeNull();
    expect(card?.querySelector('.card-excerpt')).toBeNull();
  });
});
