import { arabicStrings } from './arabic-strings.js';
import { englishStrings, type StringKey } from './english-strings.js';

export type { StringKey } from './english-strings.js';

const indonesianStrings: Readonly<Record<StringKey, string>> = {
  datePattern: 'dddd, DD MMM YYYY HH:mm z',
  dateShortPattern: 'DD MMM YYYY',
  readAlso: 'Baca juga',
  related: 'Berita terkait',
  otherNews: 'Berita lainnya',
  latestNewsLink: 'Lihat berita terbaru',
  updated: 'Diperbarui',
  published: 'Dipublikasikan',
  page: 'Halaman',
  archivePage: 'Halaman {number}',
  archivePageHeading: 'Arsip berita — halaman {number}',
  newest: 'Terbaru',
  newer: 'Lebih baru',
  older: 'Lebih lama',
  oldest: 'Terlama',
  pagination: 'Navigasi halaman',
  home: 'Beranda',
  section: 'Rubrik',
  sections: 'Rubrik',
  tag: 'Topik',
  tags: 'Topik',
  tagged: 'Topik',
  taggedHeading: 'Berita seputar {name}',
  author: 'Penulis',
  authors: 'Penulis',
  by: 'Oleh',
  and: 'dan',
  editor: 'Editor',
  photo: 'Foto',
  correction: 'Koreksi',
  corrections: 'Koreksi',
  latest: 'Terbaru',
  headline: 'Berita utama',
  archive: 'Arsip',
  archiveHeading: 'Arsip: {period}',
  articlesCount: '{count} artikel',
  articlesCountOne: '{count} artikel',
  allSections: 'Semua rubrik',
  allTags: 'Semua topik',
  allAuthors: 'Semua penulis',
  readMore: 'Selengkapnya',
  share: 'Bagikan',
  tableRegion: 'Tabel {number}',
  notFoundTitle: 'Halaman tidak ditemukan',
  notFoundText: 'Halaman ini tidak ada atau sudah dipindahkan. Coba buka beranda atau berita terbaru.',
  backHome: 'Kembali ke beranda',
  draftBanner: 'Draf — belum terbit',
  scheduledBanner: 'Terjadwal — terbit {date}',
  kindOpinion: 'Opini',
  kindAnalysis: 'Analisis',
  kindReview: 'Ulasan',
  kindBackground: 'Latar Belakang',
  kindSponsored: 'Advertorial',
  sponsoredBy: 'Dipersembahkan oleh {name}',
  live: 'Langsung',
  skipToContent: 'Langsung ke konten',
  navigation: 'Navigasi utama',
  breadcrumbs: 'Jejak navigasi',
  feeds: 'Umpan berita',
  rss: 'Umpan RSS',
  copyright: '© {year} {publisher}',
  homeDescription: 'Berita terkini dari {title}.',
  search: 'Cari',
  searchHeading: 'Cari di {title}',
  searchLabel: 'Cari',
  searchFallback: 'Tanpa JavaScript, pencarian dikirim ke mesin pencari web, terbatas pada situs ini.',
  listDescription: '{name}: berita terbaru dari {title}.',
  footerMenu: 'Tautan',
  pages: 'Tentang kami',
  playVideo: 'Putar video',
  loadPost: 'Tampilkan unggahan dari {name} (memuat skripnya)',
  redirectTitle: 'Halaman ini telah pindah',
  redirectText: 'Halaman ini sekarang ada di',
};

/**
 * The built-in dictionaries by base language. `datePattern` and `dateShortPattern`
 * are `createDateFormatter` patterns for the long and short date of the language.
 */
export const builtInStrings: Readonly<Record<string, Readonly<Record<StringKey, string>>>> = Object.freeze({
  en: Object.freeze({ ...englishStrings }),
  id: Object.freeze({ ...indonesianStrings }),
  ar: Object.freeze({ ...arabicStrings }),
});

/**
 * The UI strings for a locale: English underneath (with the locale's own date
 * formats for a language without a dictionary), the dictionary of the
 * locale's base language (`id` for `id-ID`) over it, then the site's
 * overrides on top.
 */
export function resolveStrings(
  locale: string,
  overrides: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  const language = locale.split('-')[0]?.toLowerCase() ?? 'en';
  // English words stand in for a language without a dictionary, but not English dates: those are written
  // as the locale writes them (`LLLL`, `ll`), where `Montag, Dezember 7, 2026 4:40 AM` was wrong in German.
  const dates = Object.hasOwn(builtInStrings, language) ? {} : { datePattern: 'LLLL', dateShortPattern: 'll' };
  return Object.freeze({ ...builtInStrings['en'], ...dates, ...builtInStrings[language], ...overrides });
}

/**
 * Fills `{name}` placeholders from `params`. Unknown placeholders stay as written,
 * so a typo in an override shows on the page instead of vanishing.
 */
export function formatString(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    return Object.hasOwn(params, name) ? String(params[name]) : placeholder;
  });
}
