#!/usr/bin/env node
// Writes a deterministic news corpus for the benchmarks and the large-site tests:
// N articles over eight sections, 120 tags and 25 authors, dated across several
// years, each with a summary, a lead image path with alt text and caption, and a
// Markdown body of about 4 KB (paragraphs, a subheading, a quote, a link and a
// list), plus a newsgen.config.json. The same options always give the same bytes:
// every choice comes from a seeded generator, never from the clock or Math.random.
// The lead image files are not written: the config turns the image pipeline off
// (`"images": false`, images linked as written) unless `--images` is given, and
// scripts/add-bench-images.mjs then draws a photo for every lead image path.
// With `--aliases` every article keeps an old address (`aliases:
// ["/arsip/<section>/<slug>.html"]`), as a site moved from WordPress does: a
// redirect rule and a redirect page each.
//
// usage: node scripts/gen-corpus.mjs --n 10000 --out DIR [--seed 20261120] [--images] [--aliases]
//
// The script reads as three steps: planCorpus (options → article records, pure),
// corpusFiles (records → files to write, pure) and writeFiles (the only I/O).
// Another kind of output, such as image files for the lead images, is one more
// producer called from corpusFiles: each record already carries its image's path.
// Other scripts import generateCorpus to learn what was written (the newest
// article, say) instead of guessing it from file names.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The seed used when none is given, so every caller sees the same corpus. */
export const DEFAULT_SEED = 20261120;

/**
 * Articles are spread evenly between these instants (each with some jitter),
 * the last one newest. Both lie in the past, so builds that use the real clock
 * publish every article.
 */
const FIRST_DATE = Date.parse('2019-01-07T06:00:00+07:00');
const LAST_DATE = Date.parse('2026-06-26T18:00:00+07:00');
/** Bodies grow paragraph by paragraph until they reach a length in this range. */
const BODY_BYTES = { min: 3400, max: 4000 };

const SECTIONS = [
  { slug: 'nasional', name: 'Nasional' },
  { slug: 'ekonomi', name: 'Ekonomi' },
  { slug: 'teknologi', name: 'Teknologi' },
  { slug: 'olahraga', name: 'Olahraga' },
  { slug: 'internasional', name: 'Internasional' },
  { slug: 'hiburan', name: 'Hiburan' },
  { slug: 'gaya-hidup', name: 'Gaya Hidup' },
  { slug: 'otomotif', name: 'Otomotif' },
];

/** Tags are a topic at a place: 24 topics × 5 places = 120 tags. */
const TAG_TOPICS = [
  'Banjir',
  'Pajak',
  'Pilkada',
  'Vaksin',
  'Kereta',
  'Tambang',
  'Beras',
  'Nelayan',
  'Startup',
  'Sepak Bola',
  'Bulu Tangkis',
  'Festival',
  'Gempa',
  'Listrik',
  'Wisata',
  'Kopi',
  'Sawit',
  'Sekolah',
  'Rumah Sakit',
  'Jalan Tol',
  'Bandara',
  'UMKM',
  'Surya',
  'Film',
];
const TAG_PLACES = ['Jakarta', 'Surabaya', 'Medan', 'Makassar', 'Bali'];

/** Authors are a given name and a family name: 5 × 5 = 25 authors. */
const GIVEN_NAMES = ['Ayu', 'Bima', 'Citra', 'Dimas', 'Eka'];
const FAMILY_NAMES = ['Siregar', 'Wibowo', 'Lestari', 'Nugroho', 'Pakpahan'];

const CITIES = [
  'Jakarta',
  'Bandung',
  'Surabaya',
  'Medan',
  'Makassar',
  'Denpasar',
  'Palembang',
  'Kupang',
  'Ambon',
  'Pontianak',
];
const ACTORS = [
  'Pemerintah kota',
  'Warga',
  'Pedagang',
  'Petani',
  'Mahasiswa',
  'Pengusaha muda',
  'Dinas kesehatan',
  'Tim nasional',
  'Relawan',
  'Komunitas',
];
const ACTIONS = [
  'menyiapkan',
  'menolak',
  'memperluas',
  'mengkaji',
  'meresmikan',
  'menunda',
  'mendukung',
  'menggelar',
  'memantau',
  'membangun',
];
const OBJECTS = [
  'program bantuan',
  'jalur sepeda',
  'pasar malam',
  'layanan daring',
  'gudang pangan',
  'pusat data',
  'stadion baru',
  'pelatihan digital',
  'taman kota',
  'armada bus listrik',
];
const WORDS = [
  'anggaran',
  'bantuan',
  'berita',
  'biaya',
  'daerah',
  'dana',
  'data',
  'desa',
  'dinas',
  'ekonomi',
  'harga',
  'hasil',
  'hujan',
  'industri',
  'jalan',
  'jaringan',
  'kabupaten',
  'kantor',
  'kebijakan',
  'kegiatan',
  'kementerian',
  'kesehatan',
  'kota',
  'kualitas',
  'laporan',
  'layanan',
  'lembaga',
  'lokasi',
  'masyarakat',
  'musim',
  'pasar',
  'pekerja',
  'pelabuhan',
  'pemerintah',
  'penduduk',
  'pengguna',
  'penjualan',
  'perusahaan',
  'petugas',
  'produk',
  'program',
  'proyek',
  'provinsi',
  'publik',
  'rencana',
  'rumah',
  'sekolah',
  'sektor',
  'sistem',
  'target',
  'tahun',
  'tenaga',
  'usaha',
  'warga',
  'wilayah',
  'akan',
  'sudah',
  'masih',
  'belum',
  'juga',
  'hingga',
  'sejak',
  'selama',
  'menurut',
  'terhadap',
  'kepada',
  'dalam',
  'antara',
  'setelah',
  'sebelum',
  'baru',
  'besar',
  'kecil',
  'cepat',
  'murah',
  'penting',
  'utama',
  'terbuka',
  'lokal',
  'nasional',
  'meningkat',
  'menurun',
  'bertahan',
  'dibuka',
  'ditutup',
  'dibahas',
  'disetujui',
  'dilaporkan',
  'dipantau',
  'diperbaiki',
];
const LINK_HOSTS = ['https://data.example.org', 'https://arsip.example.net', 'https://statistik.example.com'];

/** A small fast PRNG (mulberry32): the same seed gives the same numbers on every platform. */
function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  return { next, int, pick };
}

/** Options from the command line: `--n` articles into `--out`, with `--seed`, the image pipeline on with `--images`, and an old address each with `--aliases`. */
export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      images: { type: 'boolean' },
      aliases: { type: 'boolean' },
    },
  });
  const n = Number(values.n);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`Unexpected --n ${values.n}, expected a whole number ≥ 1`);
  if (!Number.isSafeInteger(seed)) throw new Error(`Unexpected --seed ${values.seed}, expected a whole number`);
  if (!values.out) throw new Error('Missing --out DIR, the folder to write the corpus into');
  return { n, seed, out: path.resolve(values.out), images: values.images === true, aliases: values.aliases === true };
}

/**
 * The corpus as records, oldest article first. Each article draws from its own
 * generator (seed and position), so a corpus of N articles holds the same
 * texts as the first N of a larger one; only the dates depend on N.
 */
export function planCorpus({ n, seed = DEFAULT_SEED, images = false, aliases = false }) {
  const tags = TAG_TOPICS.flatMap((topic) => TAG_PLACES.map((place) => `${topic} ${place}`));
  const authors = GIVEN_NAMES.flatMap((given) => FAMILY_NAMES.map((family) => `${given} ${family}`));
  const step = (LAST_DATE - FIRST_DATE) / Math.max(1, n - 1);
  const articles = [];
  for (let index = 0; index < n; index += 1) {
    const random = createRandom(Math.imul(seed, 7919) + index);
    // Jitter within half a step keeps the order of dates the order of positions.
    const jitter = n === 1 ? 0 : Math.floor(random.next() * step * 0.5);
    const time = index === n - 1 ? LAST_DATE : FIRST_DATE + Math.floor(index * step) + jitter;
    const article = planArticle(random, index, new Date(time), { tags, authors });
    articles.push(aliases ? { ...article, aliases: [`/arsip/${article.section}/${article.slug}.html`] } : article);
  }
  return { seed, config: siteConfig(images), articles };
}

function planArticle(random, index, date, { tags, authors }) {
  const section = random.pick(SECTIONS).slug;
  const title = `${random.pick(ACTORS)} ${random.pick(CITIES)} ${random.pick(ACTIONS)} ${random.pick(OBJECTS)}`;
  const slug = `${slugify(title)}-${index + 1}`;
  const byline = [authors[random.int(0, authors.length - 1)]];
  if (random.next() < 0.12) byline.push(authors[random.int(0, authors.length - 1)]);
  return {
    file: `content/${section}/${slug}.md`,
    section,
    slug,
    title: capitalize(title),
    date: formatJakarta(date),
    authors: [...new Set(byline)],
    tags: pickTags(random, tags),
    summary: sentence(random, 14, 22),
    image: {
      path: `/images/${section}/${slug}.jpg`,
      alt: sentence(random, 4, 7, ''),
      caption: sentence(random, 8, 12),
    },
    dateline: random.pick(CITIES),
    body: planBody(random, byline[0]),
  };
}

/** Two to five tags, skewed so a few tags are common and most are rare, as on a real site. */
function pickTags(random, tags) {
  const chosen = new Set();
  const count = random.int(2, 5);
  while (chosen.size < count) chosen.add(tags[Math.floor(random.next() ** 2 * tags.length)]);
  return [...chosen];
}

/** Body blocks in order; every body has each kind of block the renderer handles. */
function planBody(random, author) {
  const target = random.int(BODY_BYTES.min, BODY_BYTES.max);
  const host = random.pick(LINK_HOSTS);
  const blocks = [
    paragraph(random),
    paragraph(random),
    `## ${capitalize(`${random.pick(WORDS)} ${random.pick(WORDS)} ${random.pick(WORDS)}`)}`,
    paragraph(random),
    `> "${sentence(random, 10, 16, '')}," kata ${author}.`,
    `${paragraph(random)} Rincian lengkap ada di [laporan ${random.pick(WORDS)}](${host}/${random.pick(WORDS)}/${random.int(100, 999)}).`,
    Array.from({ length: random.int(3, 4) }, () => `- ${sentence(random, 4, 9)}`).join('\n'),
  ];
  while (blocks.join('\n\n').length < target) blocks.push(paragraph(random));
  return `${blocks.join('\n\n')}\n`;
}

function paragraph(random) {
  return Array.from({ length: random.int(4, 7) }, () => sentence(random, 9, 18)).join(' ');
}

function sentence(random, min, max, end = '.') {
  const words = Array.from({ length: random.int(min, max) }, () => random.pick(WORDS));
  return `${capitalize(words.join(' '))}${end}`;
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slugify(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** An instant as ISO 8601 wall time in Asia/Jakarta (UTC+7, no daylight saving), minutes only. */
function formatJakarta(date) {
  const wall = new Date(date.getTime() + 7 * 3600_000).toISOString();
  return `${wall.slice(0, 16)}:00+07:00`;
}

/** The corpus's config; without image files, the image pipeline is off (a missing local image is an error). */
function siteConfig(images) {
  return {
    title: 'Warta Korpus',
    description: 'Korpus berita buatan untuk mengukur dan menguji newsgen.',
    baseUrl: 'https://korpus.example.id/',
    locale: 'id-ID',
    timeZone: 'Asia/Jakarta',
    sections: SECTIONS,
    ...(images ? {} : { images: false }),
  };
}

/** An article record as a Markdown file with YAML front matter (JSON strings are valid YAML). */
export function renderArticle(article) {
  const q = (value) => JSON.stringify(value);
  const lines = [
    '---',
    `title: ${q(article.title)}`,
    `date: ${article.date}`,
    ...(article.aliases ? [`aliases: [${article.aliases.map(q).join(', ')}]`] : []),
    `authors: [${article.authors.map(q).join(', ')}]`,
    `tags: [${article.tags.map(q).join(', ')}]`,
    `summary: ${q(article.summary)}`,
    'image:',
    `  src: ${q(article.image.path)}`,
    `  alt: ${q(article.image.alt)}`,
    `  caption: ${q(article.image.caption)}`,
    `dateline: ${q(article.dateline)}`,
    '---',
    '',
    article.body,
  ];
  return lines.join('\n');
}

/** Every file of the corpus as `{ path, contents }`, paths relative to the corpus folder. */
export function* corpusFiles(plan) {
  yield { path: 'newsgen.config.json', contents: `${JSON.stringify(plan.config, null, 2)}\n` };
  for (const article of plan.articles) yield { path: article.file, contents: renderArticle(article) };
}

/** Writes files under `out`; refuses a folder that already holds content, so two corpora never mix. */
export function writeFiles(out, files) {
  mkdirSync(out, { recursive: true });
  if (readdirSync(out).includes('content'))
    throw new Error(`Unexpected existing folder ${path.join(out, 'content')}: pass a new or empty --out`);
  let count = 0;
  for (const file of files) {
    const target = path.join(out, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
    count += 1;
  }
  return count;
}

/** Plans and writes a corpus; returns the plan, so callers know every article's file, date and URL parts. */
export function generateCorpus(options) {
  const plan = planCorpus(options);
  writeFiles(options.out, corpusFiles(plan));
  return plan;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parseOptions(process.argv.slice(2));
    const plan = generateCorpus(options);
    console.log(`Wrote ${plan.articles.length} articles to ${options.out}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
