/**
 * A small site whose main article uses every embed component, a raw
 * allowlisted iframe and an aligned table: for the Nu checker and the
 * browser tests of the theme (issue 23).
 */

const PHOTO = (label: string, color: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="${color}"/><text x="30" y="360" font-size="40" fill="#fff">${label}</text></svg>\n`;

/** The article that shows every component, as Markdown. */
export const COMPONENTS_BODY = `::youtube[Banjir rob di pesisir utara]{id=pH7sNw4cJ0e poster=/images/rob.svg caption="Rekaman warga, Senin pagi."}

Air laut masuk ke permukiman sejak subuh dan baru surut menjelang siang.

::vimeo[Wawancara nelayan]{id=76979871}

::x[Petugas meminta warga menjauhi tanggul yang retak.]{url="https://x.com/infobencana/status/1234567890123?s=20"}

::instagram[Suasana posko pengungsian]{url=https://www.instagram.com/p/C1a2B3c4D5e/}

::datawrapper[Tinggi muka air laut sepekan]{id=Ab3dE height=380 caption="Sumber: pantauan stasiun pasang surut."}

::flourish[Peta wilayah terdampak]{id=1234567}

::audio[Laporan suara dari lokasi]{src=/audio/laporan.mp3}

:::gallery[Suasana di lokasi banjir rob]
![Jalan tergenang air laut](/images/rob.svg "Jalan utama tergenang.")
![Warga mengungsi](/images/posko.svg "Warga menuju posko.")
![Perahu karet petugas](/images/perahu.svg)
:::

<iframe src="https://www.youtube.com/embed/Xk3vR9tLm2Q" title="Video mentah" width="560" height="315"></iframe>

| Wilayah | Rumah terendam | Status |
| :-- | --: | :-: |
| Tambaklorok | 420 | siaga |
| Kemijen | 135 | waspada |

::related{slug=tanggul-diperkuat}

Petugas terus memantau ketinggian air.
`;

/** The site's files: config, content and static files, by path. */
export const COMPONENTS_SITE: Readonly<Record<string, string>> = {
  'newsgen.config.json': JSON.stringify({
    title: 'Kabar Pesisir',
    baseUrl: 'https://pesisir.example/',
    locale: 'id-ID',
    timeZone: 'Asia/Jakarta',
    sections: [{ slug: 'nasional', name: 'Nasional' }],
  }),
  'content/nasional/banjir-rob.md': `---\ntitle: Banjir Rob Rendam Ratusan Rumah di Pesisir Utara\ndate: 2026-11-20 08:00\nauthor: Dewi Anggraini\ndateline: Semarang\n---\n${COMPONENTS_BODY}`,
  // A campaign hashtag in the headline and as a tag: words wider than a phone's screen.
  'content/nasional/tanggul-diperkuat.md':
    '---\ntitle: Tagar #SelamatkanPesisirUtaraDariBanjirRobSekarangJuga Ramai, Tanggul Laut Diperkuat Sebelum Puncak Pasang\ndate: 2026-11-19 10:00\nauthor: Dewi Anggraini\ntags: [SelamatkanPesisirUtaraDariBanjirRobSekarangJuga]\n---\nPekerja menambah karung pasir di sepanjang tanggul.\n',
  'static/images/rob.svg': PHOTO('Rob', '#1f5f8b'),
  'static/images/posko.svg': PHOTO('Posko', '#6b4c2a'),
  'static/images/perahu.svg': PHOTO('Perahu', '#2e6b3a'),
};

/** The other article: its headline and its tag hold a word wider than a phone's screen. */
export const LONG_WORDS_STORY = '/nasional/tanggul-diperkuat/';

/** Output path of the article that uses every component. */
export const COMPONENTS_ARTICLE = 'nasional/banjir-rob/index.html';
