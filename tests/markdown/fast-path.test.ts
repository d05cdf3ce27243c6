import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { containsAutolinkCandidate, showsAutolinkLiteral } from '../../src/markdown/contains-autolink-candidate.js';
import { createPipeline, type MarkdownPipeline } from '../../src/markdown/create-pipeline.js';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';

const full = createPipeline({ autolinkLiterals: true });
const cheap = createPipeline({ autolinkLiterals: false });

/** Renders with one pipeline, with a dateline like the real render. */
function renderWith(pipeline: MarkdownPipeline, markdown: string): string {
  return String(pipeline.processSync(new VFile({ value: markdown, data: { dateline: 'PADANG' } })));
}

/** Hand-written documents covering every construct the site uses, with nothing an autolink literal could match. */
const DOCUMENTS: readonly string[] = [
  '# Banjir di hilir sungai\n\nWarga mengungsi sejak pukul 03.00 WIB.\n\n## Kronologi\n\nAir naik *cepat* dan **deras**.',
  '| Wilayah | Korban | Status |\n| :-- | :-: | --: |\n| Hulu | 3 | siaga |\n| Hilir | 12 | `awas` |\n\nTabel di atas sementara.',
  'Data sementara[^1] menunjukkan kenaikan[^catatan].\n\n[^1]: Dari posko utama.\n[^catatan]: Angka bisa berubah.\n    Dengan paragraf lanjutan.',
  '- [x] Evakuasi lansia\n- [ ] Dapur umum\n  - [ ] Beras\n  - [x] Air bersih\n\n1. Pertama\n2. Kedua\n\n   Paragraf dalam butir.',
  'Harga ~~lama~~ baru, ~tilde tunggal~ juga, dan ~~~tiga~~~ tidak.',
  '> Kami butuh bantuan segera.\n>\n> — Kepala desa\n\n> - kutipan\n> - berdaftar',
  '```python\nprint("halo")  # komentar\n```\n\n    kode berindentasi\n\nKode `sebaris` dan ``dua `tanda` `` juga.',
  '[Tautan relatif](/berita/banjir/ "Judul") dan [acuan][ref] serta ![foto](/foto/banjir.jpg "Banjir").\n\n[ref]: /arsip/2024/',
  'Baris pertama  \nbaris kedua\\\nbaris ketiga.\n\n---\n\n***Tebal miring*** dan _garis bawah_.',
  '<figure>\n<img src="/foto/a.jpg" alt="Posko">\n<figcaption>Posko *utama*.</figcaption>\n</figure>\n\nTeks <kbd>Ctrl</kbd> dan <abbr title="Badan Nasional">BN</abbr>.',
  '<details>\n<summary>Metodologi</summary>\n\nSurvei lapangan.\n\n</details>\n\nSetelahnya.',
  'Kata wwwdotcom, ww.contoh, w.w.w, http tanpa titik dua, https: saja, http:/ tunggal, mailto: kosong.',
  'Karakter &amp; entitas &copy; &#x2014; tetap, \\* bintang \\_ garis, AT&T, 5 &lt; 6.',
  '| a | b |\n|---|---|\n| ~~x~~ | [^n] |\n\n[^n]: Catatan dalam tabel.',
  'Setext\n======\n\nJudul kedua\n-----------\n\n### Judul ### \n\n#### Tanpa isi\n\n####',
  '* a\n* b\n\n+ c\n\n- d\n\n2) e\n3) f',
  '<div>\n\n**dalam div**\n\n</div>\n\n<span onclick="x()">klik</span> <script>bukan</script>',
  'Unicode: café, 東京, Ελλάδα, 🇮🇩, emoji 👩‍👩‍👧 dan teks kanan-ke-kiri العربية.',
  '',
  '\n\n   \n',
];

describe('the cheap GFM pipeline', () => {
  test('is only chosen for documents without autolink candidates', () => {
    for (const document of DOCUMENTS) expect(containsAutolinkCandidate(document), document).toBe(false);
  });

  test.each(DOCUMENTS.map((document, index) => [index, document] as const))(
    'renders hand-written document %i exactly like full GFM',
    (_index, document) => {
      expect(renderWith(cheap, document)).toBe(renderWith(full, document));
    },
  );

  // Timeout: hundreds of generated documents through two pipelines.
  test('renders generated documents exactly like full GFM', () => {
    const pieces = [
      '# ',
      '## ',
      '- ',
      '- [ ] ',
      '- [x] ',
      '1. ',
      '> ',
      '    ',
      '```\n',
      '| a | b |\n|---|:-:|\n| ',
      ' | ',
      '[^1]',
      '\n[^1]: ',
      '~~',
      '~',
      '*',
      '**',
      '_',
      '`',
      '[t](/u)',
      '![i](/i.png)',
      '<b>',
      '</b>',
      '<br>',
      'www',
      'ww.',
      'http',
      'https:',
      ':/',
      '.',
      ':',
      '/',
      'mailto:',
      'xmpp:',
      '&amp;',
      '&',
      '\\',
      '\\*',
      '&#',
      '&#x',
      '6',
      '4',
      '119',
      '2e',
      ';',
      'colon',
      'commat',
      'W',
      'kata',
      'lain',
      'contoh.com',
      'nama',
      ' ',
      ' ',
      '\n',
      '\n\n',
      '-',
      '(',
      ')',
      '<',
      '>',
      '"',
      "'",
      '!',
    ];
    const random = createRandom(20240601);
    let compared = 0;
    for (let round = 0; round < 150; round += 1) {
      const length = 5 + Math.floor(random() * 40);
      const document = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      if (containsAutolinkCandidate(document)) continue;
      compared += 1;
      expect(renderWith(cheap, document), JSON.stringify(document)).toBe(renderWith(full, document));
    }
    expect(compared).toBeGreaterThan(60);
  }, 30_000);
});

describe('autolink candidates', () => {
  test.each([
    ['a protocol', 'Lihat https://contoh.id/berita'],
    ['a bare www', 'Kunjungi WWW.contoh.id'],
    ['an e-mail address', 'Tulis ke redaksi@contoh.id'],
    ['an escaped dot after www', 'Kunjungi www\\.contoh.id'],
    ['escaped slashes', 'Lihat https:\\/\\/contoh.id'],
    ['a numeric character reference for @', 'Tulis ke redaksi&#64;contoh.id'],
    ['a named character reference for @', 'Tulis ke redaksi&commat;contoh.id'],
    ['a hexadecimal character reference for @', 'Tulis ke redaksi&#X00040;contoh.id'],
    ['a character reference for w', 'Kunjungi &#119;ww.contoh.id'],
    ['a named character reference for the colon', 'Lihat https&colon;//contoh.id'],
    ['a named character reference for the dot', 'Kunjungi www&period;contoh.id'],
  ])('are found in %s', (_name, document) => {
    expect(containsAutolinkCandidate(document)).toBe(true);
  });

  test('are not found in character references for other characters', () => {
    expect(containsAutolinkCandidate('Jeda &#x2014; lalu &#8212; dan &mdash; &amp; &#64a')).toBe(false);
  });

  test('spelled without the characters themselves still become links under full GFM', () => {
    // Why the candidate check looks past the literal characters.
    expect(renderWith(full, 'Tulis ke redaksi&#64;contoh.id')).toContain('href="mailto:redaksi@contoh.id"');
    expect(renderWith(full, 'Kunjungi www\\.contoh.id')).toContain('href="http://www.contoh.id"');
  });
});

describe('showsAutolinkLiteral', () => {
  test.each([
    ['a bare URL', 'Data di https://bps.go.id/harga.'],
    ['a bare www address', 'Kunjungi www.bps.go.id hari ini.'],
    ['an e-mail address', 'Tulis ke humas@bps.go.id.'],
    ['a bare URL beside a link', 'Lihat [data](https://bps.go.id) dan https://bps.go.id/x.'],
  ])('sees %s', (_name, document) => {
    expect(showsAutolinkLiteral(document)).toBe(true);
  });

  test.each([
    ['a link destination', 'Baca juga [kabar kota](https://example.com/kota) dan *pasar*.'],
    ['a reference definition', 'Lihat [data][bps].\n\n[bps]: https://bps.go.id/data'],
    ['an autolink', 'Lihat <https://bps.go.id> dan <humas@bps.go.id>.'],
    ['a mention', 'Ikuti @warta_id untuk kabar terbaru.'],
  ])('looks past %s', (_name, document) => {
    expect(showsAutolinkLiteral(document)).toBe(false);
  });
});

/** A small seeded pseudo-random generator (mulberry32), so generated documents are the same on every run. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generated documents per randomized comparison with the full pipeline. */
const ROUNDS = 400;

describe('createMarkdownProcessor', () => {
  const processor = createMarkdownProcessor();
  const reference = (document: string) =>
    renderWith(createPipeline({ autolinkLiterals: true, rawHtml: true }), document);

  // Timeout: hundreds of random documents through the processor and the full pipeline.
  test('renders every kind of document exactly like the full pipeline (GFM autolinks and raw HTML)', () => {
    const pieces = [
      '# ',
      '- ',
      '> ',
      '| a | b |\n|---|---|\n| ',
      ' | ',
      '[^1]',
      '\n[^1]: ',
      '~~',
      '*',
      '`',
      '[t](https://x.id/u)',
      '![i](/i.png)',
      '<b>',
      '</b>',
      '<br>',
      '<iframe src="https://www.youtube.com/embed/x"></iframe>',
      'www.',
      'https://',
      'contoh.id',
      '@',
      'a@b.id',
      '\\.',
      '&#64;',
      'mailto:',
      '[www.x.id](/y)',
      '<https://z.id>',
      'kata',
      ' ',
      '\n',
      '\n\n',
      '(',
      ')',
      '.',
      ':',
      '/',
      // Mentions and near-addresses, which must not cost a second parse but must still link when they are addresses.
      '@warta',
      'redaksi',
      '_',
      '+',
      '-',
      '\\@',
      '&#46;',
      'id',
      'xmpp:',
    ];
    const random = createRandom(20261127);
    for (let round = 0; round < ROUNDS; round += 1) {
      const document = Array.from(
        { length: 5 + Math.floor(random() * 40) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
      expect(processor.render(document, { dateline: 'PADANG' }).html, JSON.stringify(document)).toBe(
        String(
          createPipeline({ autolinkLiterals: true, rawHtml: true }).processSync(
            new VFile({ value: document, data: { dateline: 'PADANG' } }),
          ),
        ),
      );
    }
  }, 60_000);

  // Timeout: every example article through two pipelines.
  test('renders the example site and a benchmark-style article exactly like the full pipeline', () => {
    const documents = [
      ...DOCUMENTS,
      'Baca juga [kabar kota](https://example.com/kota) dan *pasar*.\n\n> "Kutipan," ujar Penulis.\n\n- satu\n- dua',
    ];
    const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));
    for (const file of readdirSync(contentDir, { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.md'))) {
      documents.push(readFileSync(path.join(contentDir, file), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''));
    }
    for (const document of documents)
      expect(processor.render(document, { dateline: 'PADANG' }).html).toBe(reference(document));
  }, 30_000);
});
