import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseYamlMapping } from '../../src/content/front-matter.js';
import { readQuickMapping } from '../../src/content/quick-yaml-mapping.js';
import { fuzzBudget, fuzzTimeout } from '../fuzz/budget.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every path to a value of the data, with a few that lead nowhere. */
function pathsOf(data: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = [
    [...prefix, 'nowhere'],
    [...prefix, 7],
  ];
  if (Array.isArray(data))
    data.forEach((item, index) => {
      paths.push([...prefix, index], [...prefix, String(index)], ...pathsOf(item, [...prefix, index]));
    });
  else if (data && typeof data === 'object')
    for (const [key, value] of Object.entries(data)) paths.push([...prefix, key], ...pathsOf(value, [...prefix, key]));
  return paths;
}

/** The quick reading gives what the `yaml` package gives: the same data, the same errors, the same places. */
function expectSameAsYaml(text: string): void {
  const quick = parseYamlMapping(text, 'content/a.md', 1, 'front matter');
  const full = parseYamlMapping(text, 'content/a.md', 1, 'front matter', { quick: false });
  if (!full.ok || !quick.ok) {
    expect(quick, text).toEqual(full);
    return;
  }
  expect(quick.value.data, text).toStrictEqual(full.value.data);
  for (const at of pathsOf(full.value.data))
    for (const key of [false, true])
      expect(quick.value.locate(at, { key }), `${JSON.stringify(at)} key=${key} in\n${text}`).toEqual(
        full.value.locate(at, { key }),
      );
}

/** Front matter the way newsrooms write it, and the corners of YAML around it. */
const DOCUMENTS: readonly string[] = [
  'title: "Banjir di hilir"\ndate: 2016-09-09T10:46:00+07:00\nsection: nasional\ntags: [banjir, "cuaca ekstrem"]\n',
  'title: Gempa 5,2 SR\nimage:\n  src: /images/gempa.jpg\n  alt: "Warga di tenda"\n  caption: Foto oleh tim\nauthors:\n  - Bima Pakpahan\n  - "Sari Dewi"\n',
  "title: 'Kata ''kutip'' tunggal'\nsummary: \"Tanda \\\"kutip\\\", \\u00e9, \\x41 dan \\t tab\"\n",
  '# komentar di awal\ntitle: Judul # komentar\n\nsection: ekonomi   \ntags: []\nempty:\nnull_value: ~\n',
  'count: 12\noctal: 0o14\nhex: 0x1F\nbinary: 0b101\nunderscore: 1_000\nfloat: 1.50\nexp: 1e3\nhalf: .5\nplus: +1\ninf: -.inf\nnan: .NaN\n',
  'yes: yes\nno: no\non: on\ntrue_value: True\nfalse_value: FALSE\nnull_words: [Null, NULL, null, nul]\n',
  'title: "Judul"\ntitle: "Dua kali"\n',
  '"quoted key": 1\n\'single\': 2\n1: angka\ntrue: benar\n',
  'title: Judul\n  indented: salah\n',
  'title: [tidak, ditutup\n',
  'title: "tidak ditutup\n',
  'list:\n- satu\n- dua\nnext: 3\n',
  'items:\n  - src: /a.jpg\n    alt: A\n  - src: /b.jpg\n    alt: B\n',
  'nested:\n  deeper:\n    deepest: [1, 2, {a: b}]\n',
  'title: >\n  dilipat\n  menjadi satu\n',
  'title: |\n  baris\n  baris\n',
  'anchor: &a nilai\nalias: *a\n',
  'tagged: !!str 12\nlocal: !custom x\n',
  'title: judul\n  yang berlanjut\n',
  'title: "judul\n  yang berlanjut"\n',
  '? kunci eksplisit\n: nilai\n',
  'title: a: b\n',
  'title: "a"#komentar\n',
  'title: a #b\nurl: http://contoh.id/#bagian\n',
  'tags: [a, b, ]\n',
  'tags: [a, [b, c]]\n',
  'tags: [a: b]\n',
  '__proto__: x\n',
  'title: café 東京 🇮🇩\nsection: "video"\n',
  'title: "  spasi  "\nplain:    spasi di depan\n',
  '- daftar\n- bukan pemetaan\n',
  'just a string\n',
  '',
  '# hanya komentar\n',
  'title: Judul\n---\nlain: dokumen\n',
  'title: Judul\n...\n',
  'big: 123456789012345678901234567890\nneg: -0\nzero_float: 0.0\n',
  'date: 2016-09-09\ntime: 10:46\nversion: 1.2.3\n',
  'key with spaces: nilai\nkey-with-dash: 1\nkey.with.dot: 2\n',
  'a:\n  - b\n  -\n  - c\n',
  'a: [~, "", \'\']\n',
  'a:\n    b: 1\n    c:\n        - d\n',
];

describe('the quick front matter reader', () => {
  test.each(DOCUMENTS.map((document, index) => [index, document] as const))(
    'reads hand-written document %i as the yaml package does, with Unix and Windows line ends',
    (_index, document) => {
      expectSameAsYaml(document);
      expectSameAsYaml(document.replaceAll('\n', '\r\n'));
    },
  );

  test('reads the plain documents itself and declines the rest', () => {
    expect(readQuickMapping(DOCUMENTS[0] as string)).toBeDefined();
    expect(readQuickMapping(DOCUMENTS[1] as string)).toBeDefined();
    expect(readQuickMapping(DOCUMENTS[4] as string)).toBeDefined();
    expect(readQuickMapping((DOCUMENTS[1] as string).replaceAll('\n', '\r\n'))).toBeDefined();
    for (const declined of [
      'title: >\n  dilipat\n',
      'anchor: &a nilai\nalias: *a\n',
      'tagged: !!str 12\n',
      'title: "judul\n  berlanjut"\n',
      '? kunci\n: nilai\n',
      'a: {b: c}\n',
      '1: angka\n',
      'title:\tTab\n',
      'title: Judul\rsummary: Mac lama\n',
      'title: "Judul"\ntitle: "Dua kali"\n',
      '- daftar\n',
    ])
      expect(readQuickMapping(declined), declined).toBeUndefined();
  });

  test('reads the front matter of every example article itself', () => {
    const files: string[] = [];
    const walk = (folder: string) => {
      for (const name of readdirSync(folder)) {
        const file = path.join(folder, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (name.endsWith('.md')) files.push(file);
      }
    };
    walk(path.join(root, 'content'));
    walk(path.join(root, 'tests', 'fixtures'));
    let quick = 0;
    for (const file of files) {
      const match = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'));
      if (!match) continue;
      const yaml = `${match[1]}\n`;
      expectSameAsYaml(yaml);
      if (readQuickMapping(yaml)) quick++;
    }
    expect(files.length).toBeGreaterThan(10);
    expect(quick).toBe(files.length);
  });

  // Generated documents from the pieces front matter is made of: a fixed seed and a few hundred
  // in the test command, more under `npm run fuzz`.
  test(
    'reads generated documents as the yaml package does',
    () => {
      const plainKeys = [
        'title',
        'date',
        'tags',
        'image',
        'src',
        'alt',
        'section',
        'summary',
        'caption',
        'slug',
        'id',
        'layout',
        'a b',
        'x-y',
      ];
      const trickyKeys = ['"quoted"', "'single'", '1', 'true', '~', '__proto__', '"a: b"'];
      const plainScalars = [
        'Judul berita',
        'Gempa 5,2 SR di Padang',
        '"Dikutip: ya"',
        '"Tanda \\"kutip\\""',
        "'tunggal ''x'''",
        '12',
        '1.5',
        'true',
        '~',
        '',
        '2016-09-09T10:46:00+07:00',
        '/images/a.jpg',
        'a #komentar',
        '[a, b]',
        '[]',
        '[1, "2", ~]',
        'café 東京 🇮🇩',
      ];
      const trickyScalars = [
        'Judul berita',
        '"Dikutip: ya"',
        "'tunggal ''x'''",
        '12',
        '-3',
        '0o17',
        '0x1f',
        '0b11',
        '1_000',
        '1.5',
        '1e3',
        '.5',
        '+.inf',
        '.nan',
        'true',
        'False',
        'yes',
        '~',
        'null',
        '',
        '2016-09-09T10:46:00+07:00',
        'a #komentar',
        'a#b',
        'http://a.id/x?y=1#z',
        '"\\u00e9\\n"',
        '"tidak ditutup',
        'a: b',
        '[a, b]',
        '[]',
        '[1, "2", ~]',
        '[a, [b]]',
        '{a: 1}',
        '&x a',
        '*x',
        '!!str 5',
        '>\n  lipat',
        '|\n  blok',
        '- a',
        '"dua\n  baris"',
        'dua\n  baris',
        '@salah',
        '`salah',
        '% salah',
        "'",
      ];
      const indent = fc.constantFrom('  ', '    ', ' ');
      const scalar = fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...plainScalars) },
        { weight: 1, arbitrary: fc.constantFrom(...trickyScalars) },
      );
      const key = fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...plainKeys) },
        { weight: 1, arbitrary: fc.constantFrom(...trickyKeys) },
      );
      const value: fc.Arbitrary<(pad: string) => string> = fc.oneof(
        scalar.map((text) => () => (text === '' ? '' : ` ${text}`)),
        fc.tuple(indent, fc.array(scalar, { minLength: 1, maxLength: 3 })).map(
          ([step, items]) =>
            (pad: string) =>
              items.map((item) => `\n${pad}${step.length === 1 ? '' : step}- ${item}`).join(''),
        ),
        fc.tuple(indent, fc.array(fc.tuple(key, scalar), { minLength: 1, maxLength: 3 })).map(
          ([step, pairs]) =>
            (pad: string) =>
              pairs.map(([name, text]) => `\n${pad}${step}${name}:${text === '' ? '' : ` ${text}`}`).join(''),
        ),
      );
      const line = fc.oneof(
        { weight: 8, arbitrary: fc.tuple(key, value).map(([name, make]) => `${name}:${make('')}`) },
        { weight: 1, arbitrary: fc.constantFrom('# komentar', '', '   ', 'bukan pasangan', '  menjorok: 1') },
      );
      let quick = 0;
      let total = 0;
      fc.assert(
        fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), (lines, windows) => {
          const unix = `${lines.join('\n')}\n`;
          const text = windows ? unix.replaceAll('\n', '\r\n') : unix;
          total++;
          if (readQuickMapping(text)) quick++;
          expectSameAsYaml(text);
        }),
        fuzzBudget(600, 20261206),
      );
      // The generator must reach the quick path often, or it tests only the fallback.
      expect(quick).toBeGreaterThan(total / 5);
    },
    fuzzTimeout(30_000),
  );

  // Plain documents with YAML's indicators and spaces dropped in anywhere, fixed seed.
  test(
    'reads mutated documents as the yaml package does',
    () => {
      let hits = 0;
      const bases = DOCUMENTS.filter((document) => readQuickMapping(document) !== undefined);
      const insert = fc.constantFrom(
        ...' \n\r#:-,[]{}"\'?&*!|>%@`~.0x_\\'.split(''),
        ': ',
        '- ',
        ' #',
        '\n  ',
        '\n- ',
        '\r\n',
      );
      fc.assert(
        fc.property(
          fc.constantFrom(...bases),
          fc.array(fc.tuple(fc.nat(), insert, fc.nat(2)), { minLength: 1, maxLength: 3 }),
          (base, edits) => {
            let text = base;
            for (const [at, piece, drop] of edits) {
              const index = at % (text.length + 1);
              text = text.slice(0, index) + piece + text.slice(index + drop);
            }
            expectSameAsYaml(text);
            if (readQuickMapping(text)) hits++;
          },
        ),
        fuzzBudget(600, 20261206),
      );
      // Most mutations leave a document the quick reader still takes.
      expect(hits).toBeGreaterThan(fuzzBudget(600).numRuns / 4);
    },
    fuzzTimeout(30_000),
  );
});
