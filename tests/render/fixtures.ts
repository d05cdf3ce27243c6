import { resolveStrings } from '../../src/i18n/strings.js';
import { paginate } from '../../src/site/paginate.js';
import { createPaginationView } from '../../src/view/create-card-view.js';
import type {
  ArticleCardView,
  ArticlePageView,
  DateView,
  HomePageView,
  ListPageView,
  NotFoundPageView,
  PageMetaView,
  PaginationView,
  SearchPageView,
  SiteView,
  TermsPageView,
  TermView,
} from '../../src/view/view-model.js';

/** Indonesian UI strings as the build resolves them, with one site override. */
export const sampleStrings: Readonly<Record<string, string>> = resolveStrings('id-ID', { corrections: 'Ralat' });

const BASE = 'https://kabar.example';

/** A date in WIB (UTC+7) with display strings in the theme's format. */
export function makeDate(day: number, time = '10:46'): DateView {
  const dd = String(day).padStart(2, '0');
  const weekday = ['Kamis', 'Jumat', 'Sabtu', 'Minggu', 'Senin', 'Selasa', 'Rabu'][(day - 1) % 7] ?? 'Senin';
  return {
    iso: `2016-09-${dd}T${time}:00+07:00`,
    display: `${weekday}, ${dd} Sep 2016 ${time} WIB`,
    short: `${dd} Sep 2016`,
  };
}

/** A term (section, tag or author) under the site's `/warta/` base path. */
export function makeTerm(kind: string, name: string): TermView {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { name, slug, url: `/warta/${kind}/${slug}/` };
}

/** An article card; `overrides` replace any field. */
export function makeCard(id: string, overrides: Partial<ArticleCardView> = {}): ArticleCardView {
  return {
    id,
    url: `/warta/teknologi/${id}/`,
    title: `Kabar ${id}`,
    excerpt: `Ringkasan singkat untuk ${id}…`,
    date: makeDate(6),
    image: {
      src: `/warta/images/${id}.jpg`,
      absoluteUrl: `${BASE}/warta/images/${id}.jpg`,
      alt: `Foto ${id}`,
      caption: undefined,
      credit: undefined,
      width: 640,
      height: 360,
    },
    section: makeTerm('rubrik', 'Teknologi'),
    authors: [makeTerm('penulis', 'Sari Wulandari')],
    kind: 'news',
    kindLabel: undefined,
    sponsor: undefined,
    liveNow: false,
    params: {},
    ...overrides,
  };
}

/** Site-wide values of the sample news site. */
export function makeSite(overrides: Partial<SiteView> = {}): SiteView {
  const nav = [
    { name: 'Ekonomi', url: '/warta/rubrik/ekonomi/' },
    { name: 'Teknologi', url: '/warta/rubrik/teknologi/' },
    { name: 'Video', url: '/warta/rubrik/video/' },
  ];
  return {
    title: 'Kabar Nusantara',
    description: 'Berita ekonomi dan teknologi dari Nusantara.',
    lang: 'id',
    rtl: false,
    locale: 'id-ID',
    timeZone: 'Asia/Jakarta',
    baseUrl: `${BASE}/warta/`,
    homeUrl: '/warta/',
    cssUrl: '/warta/assets/newsgen.css',
    assetsUrl: '/warta/assets/',
    searchUrl: undefined,
    nav,
    menus: { main: nav.map((link) => ({ ...link, external: false, children: [] })), footer: [] },
    strings: sampleStrings,
    publisher: { name: 'PT Kabar Contoh', logo: undefined },
    logo: undefined,
    icon: { url: '/warta/favicon.svg', type: 'image/svg+xml' },
    themeColor: '#b3001b',
    year: 2016,
    feeds: [{ type: 'application/rss+xml', title: 'RSS Kabar Nusantara', label: 'RSS', url: '/warta/feed.xml' }],
    data: {},
    ...overrides,
  };
}

/** Page metadata for a root-relative `url`. */
export function makePage(url: string, title: string, overrides: Partial<PageMetaView> = {}): PageMetaView {
  return {
    title,
    description: `Deskripsi ${title}`,
    url,
    canonical: `${BASE}${url}`,
    breadcrumbs: [{ name: 'Beranda', url: '/warta/' }],
    headHtml: '<meta property="og:type" content="website">',
    robots: undefined,
    ...overrides,
  };
}

/**
 * The navigation of page `number` (0: the front page) of a listing at `base`
 * with `archivePages` archive pages, as the model and the view make it.
 */
export function makePagination(base: string, number: number, archivePages: number): PaginationView {
  const pages = paginate(
    Array.from({ length: archivePages * 2 }, (_, index) => index),
    2,
    base,
  );
  const page = pages[number];
  if (!page) throw new Error(`No page ${number} among ${archivePages} archive pages`);
  return createPaginationView(page.pagination, { href: (url) => url, formatNumber: String });
}

/** The sample article page, modelled on a 2016 business story. */
export function makeArticlePage(overrides: Partial<ArticlePageView['article']> = {}): ArticlePageView {
  const url = '/warta/teknologi/raksasa-belanja-daring-jadi-penasihat/';
  const card = makeCard('raksasa-belanja-daring-jadi-penasihat', {
    url,
    title: 'Pendiri Raksasa Belanja Daring Jadi Penasihat',
    authors: [makeTerm('penulis', 'Sari Wulandari'), makeTerm('penulis', 'Budi Hartono')],
    date: makeDate(9),
    image: {
      src: '/warta/images/kampus.jpg',
      absoluteUrl: `${BASE}/warta/images/kampus.jpg`,
      alt: 'Pendiri perusahaan berbicara di panggung',
      caption: 'Pendiri perusahaan saat menerima rombongan tamu',
      credit: 'Dok. Kabar',
      width: 1200,
      height: 675,
    },
  });
  return {
    kind: 'article',
    site: makeSite(),
    data: {},
    page: makePage(url, `${card.title} | Kabar Nusantara`, {
      breadcrumbs: [
        { name: 'Beranda', url: '/warta/' },
        { name: 'Teknologi', url: '/warta/rubrik/teknologi/' },
        { name: card.title, url },
      ],
    }),
    article: {
      ...card,
      html: '<p><strong>Jakarta:</strong> Kunjungan kerja ke kantor pusat perusahaan ditutup dengan tawaran baru.</p>\n<blockquote><p>"Usaha kecil harus ikut memanfaatkan teknologi," kata menteri.</p></blockquote>',
      summary: 'Pendiri perusahaan belanja daring ditunjuk menjadi penasihat pemerintah untuk ekonomi digital.',
      dateline: 'Jakarta',
      editor: 'MMI',
      tags: [makeTerm('tag', 'e-commerce'), makeTerm('tag', 'UKM')],
      updated: makeDate(10, '08:15'),
      corrections: [],
      draft: false,
      scheduled: false,
      hasEmbeds: false,
      live: false,
      liveNow: false,
      liveUntil: undefined,
      liveUpdates: [],
      ...overrides,
    },
    related: [makeCard('cara-membedakan-ponsel-lama', { title: 'Cara Membedakan Ponsel Lama dan Baru' })],
    otherNews: [makeCard('harga-cabai-turun'), makeCard('pasar-saham-menguat')],
    otherNewsCount: 8,
  };
}

/** The front page (0) or an archive page of the home page, with `archivePages` archive pages. */
export function makeHomePage(number = 0, archivePages = 3): HomePageView {
  const first = number === 0;
  return {
    kind: 'home',
    site: makeSite(),
    data: {},
    page: makePage('/warta/', 'Kabar Nusantara'),
    lead: first ? makeCard('berita-utama', { title: 'Berita Utama Hari Ini' }) : undefined,
    secondary: first ? [makeCard('kedua-1'), makeCard('kedua-2', { image: undefined }), makeCard('kedua-3')] : [],
    latest: first ? [makeCard('terbaru-1'), makeCard('terbaru-2')] : [],
    sections: first
      ? [
          {
            section: makeTerm('rubrik', 'Ekonomi'),
            lead: makeCard('ekonomi-1'),
            headlines: [makeCard('ekonomi-2'), makeCard('ekonomi-3')],
          },
          {
            section: makeTerm('rubrik', 'Teknologi'),
            lead: makeCard('teknologi-1', { image: undefined }),
            headlines: [],
          },
        ]
      : [],
    articles: first ? [] : [makeCard('arsip-1'), makeCard('arsip-2'), makeCard('arsip-3')],
    pagination: makePagination('/warta/', number, archivePages),
  };
}

/** An author listing with a profile. */
export function makeAuthorListPage(): ListPageView {
  const term = makeTerm('penulis', 'Sari Wulandari');
  return {
    kind: 'list',
    site: makeSite(),
    data: {},
    page: makePage(term.url, 'Sari Wulandari | Kabar Nusantara'),
    taxonomy: 'author',
    heading: 'Sari Wulandari',
    term,
    lead: undefined,
    author: {
      name: 'Sari Wulandari',
      role: 'Redaktur Teknologi',
      bioHtml: '<p>Menulis tentang <em>startup</em> dan ekonomi digital.</p>',
      avatar: {
        src: '/warta/images/sari.jpg',
        absoluteUrl: `${BASE}/warta/images/sari.jpg`,
        alt: 'Sari Wulandari',
        caption: undefined,
        credit: undefined,
        width: undefined,
        height: undefined,
      },
      links: [{ name: 'Situs pribadi', url: 'https://sari.example' }],
    },
    articles: [makeCard('tulisan-1'), makeCard('tulisan-2')],
    pagination: makePagination(term.url, 2, 2),
  };
}

/** The front page of a section listing: its newest story as the lead, then the rest. */
export function makeSectionListPage(): ListPageView {
  const term = makeTerm('rubrik', 'Ekonomi');
  return {
    kind: 'list',
    site: makeSite(),
    data: {},
    page: makePage(term.url, 'Ekonomi | Kabar Nusantara'),
    taxonomy: 'section',
    heading: 'Ekonomi',
    term,
    lead: makeCard('ekonomi-utama', { title: 'Harga Cabai Turun' }),
    author: undefined,
    articles: [makeCard('ekonomi-2'), makeCard('ekonomi-3', { image: undefined })],
    pagination: makePagination(term.url, 0, 2),
  };
}

/** The index of all tags. */
export function makeTermsPage(): TermsPageView {
  return {
    kind: 'terms',
    site: makeSite(),
    data: {},
    page: makePage('/warta/tag/', 'Semua tag | Kabar Nusantara'),
    taxonomy: 'tag',
    heading: 'Semua tag',
    terms: [
      { ...makeTerm('tag', 'e-commerce'), count: 12 },
      { ...makeTerm('tag', 'UKM'), count: 1 },
    ],
  };
}

/** The 404 page. */
/** The search page of a site with `search: true`. */
export function makeSearchPage(): SearchPageView {
  return {
    kind: 'search',
    site: makeSite({ searchUrl: '/warta/search/' }),
    data: {},
    page: makePage('/warta/search/', 'Cari di Kabar Nusantara', { robots: 'noindex' }),
    search: { bundleUrl: '/warta/pagefind/', host: 'kabar.example' },
  };
}

export function makeNotFoundPage(): NotFoundPageView {
  return {
    kind: 'not-found',
    site: makeSite(),
    data: {},
    page: makePage('/warta/404.html', 'Halaman tidak ditemukan | Kabar Nusantara', { robots: 'noindex' }),
  };
}
