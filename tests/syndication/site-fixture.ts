import { articleSource } from './build-in-memory.js';

/** A title with every character that needs escaping somewhere: markup, entities, both quotes, a script end tag. */
export const TRICKY_TITLE = `Harga <naik> & "turun" 'lagi' </script><b>x</b> di pasar`;

/** The config the syndication tests share. */
export const SITE_CONFIG = {
  title: 'Warta Uji',
  description: 'Berita uji coba.',
  baseUrl: 'https://uji.example/',
  locale: 'id-ID',
  timeZone: 'Asia/Jakarta',
  publisher: { name: 'Warta Uji Media', logo: '/images/logo.png' },
  sections: [{ slug: 'ekonomi', name: 'Ekonomi' }],
};

/** The build clock of the fixture: 27 November 2026, midnight in Jakarta. */
export const NOW = '2026-11-27T00:00:00+07:00';

/** Articles around {@link NOW}: public ones, a draft, a scheduled and an expired one. */
export const SITE_CONTENT: Record<string, string> = {
  'ekonomi/harga.md': articleSource(
    {
      title: JSON.stringify(TRICKY_TITLE),
      date: '2026-11-26 10:00',
      author: 'Rani Kusumawardani',
      tags: '[Harga Pangan, Inflasi]',
      image: JSON.stringify({
        src: '/images/cabai.jpg',
        alt: 'Cabai merah',
        caption: 'Cabai di pasar induk.',
        credit: 'Foto Warta Uji',
      }),
      summary: JSON.stringify('Ringkasan harga <cabai>.'),
      dateline: 'Jakarta',
    },
    'Harga cabai turun. [Berita lain](/ekonomi/lama/) dan [catatan](#catatan).\n\n![Grafik harga](grafik.png)\n\n![Logo](/images/logo.png)\n',
  ),
  'ekonomi/lama.md': articleSource({
    title: 'Ekspor kopi naik',
    date: '2026-11-20 08:00',
    updated: '2026-11-26 08:00',
    authors: '[Bagus Pratama, Rani Kusumawardani]',
    tags: '[Ekspor]',
    corrections: JSON.stringify([{ date: '2026-11-26 08:00', text: 'Angka ekspor <2025> diperbaiki.' }]),
  }),
  'nasional/draf.md': articleSource({
    title: 'Draf rahasia',
    date: '2026-11-26 09:00',
    author: 'Bagus Pratama',
    draft: 'true',
  }),
  'nasional/terjadwal.md': articleSource({
    title: 'Terjadwal nanti',
    date: '2026-12-01 09:00',
    author: 'Bagus Pratama',
  }),
  'nasional/kedaluwarsa.md': articleSource({
    title: 'Sudah kedaluwarsa',
    date: '2026-11-10 09:00',
    expires: '2026-11-20 09:00',
    author: 'Bagus Pratama',
  }),
};

/** Measured sizes the fixture's static images would have. */
export const IMAGE_SIZES = new Map([
  ['/images/cabai.jpg', { width: 1200, height: 675 }],
  ['/images/logo.png', { width: 600, height: 60 }],
]);
