import { describe, expect, test } from 'vitest';
import { parseFrontMatter } from '../../src/content/front-matter.js';
import { lines } from './helpers.js';

const FILE = 'content/berita/a.md';

/** The file's front matter fields between the fences, and the one diagnostic it gets. */
function parseOne(...fields: string[]) {
  const result = parseFrontMatter(lines('---', ...fields, '---', 'Isi.'), FILE);
  if (result.ok) throw new Error('Expected the front matter to be refused');
  expect(result.diagnostics).toHaveLength(1);
  const [diagnostic] = result.diagnostics;
  expect(diagnostic).toMatchObject({ file: FILE, ruleId: 'front-matter-yaml', severity: 'error' });
  return diagnostic as NonNullable<typeof diagnostic>;
}

const DATE = 'date: 2024-01-02T03:04:05+07:00';

describe('YAML mistakes in front matter are placed where the editor made them', () => {
  test('a double quote that is never closed, at the opening quote rather than the closing fence', () => {
    const diagnostic = parseOne('title: "Judul tanpa penutup', DATE, 'section: berita');
    expect(diagnostic.place).toEqual({ line: 2, column: 8 });
    expect(diagnostic.reason).toBe(
      'Unexpected `"` that is never closed, expected a closing `"` at the end of the value',
    );
    expect(diagnostic.hint).toContain('`title: "Judul tanpa penutup"`');
    expect(diagnostic.hint).toContain('`|`');
  });

  test('a single quote that is never closed, in the last field', () => {
    const diagnostic = parseOne(DATE, "title: 'Judul tanpa penutup");
    expect(diagnostic.place).toEqual({ line: 3, column: 8 });
    expect(diagnostic.reason).toContain("Unexpected `'` that is never closed");
  });

  test('a flow list that is never closed, at its `[`', () => {
    const diagnostic = parseOne('title: Banjir', 'tags: [Banjir, Jakarta', DATE);
    expect(diagnostic.place).toEqual({ line: 3, column: 7 });
    expect(diagnostic.reason).toBe('Unexpected `[` that is never closed, expected a `]` at the end of the list');
    expect(diagnostic.hint).toContain('`tags: [Banjir, Jakarta]`');
  });

  test('a flow mapping that is never closed, at its `{`', () => {
    const diagnostic = parseOne('title: Banjir', 'image: {src: /images/a.jpg, alt: Foto', DATE);
    expect(diagnostic.place).toEqual({ line: 3, column: 8 });
    expect(diagnostic.reason).toContain('Unexpected `{` that is never closed, expected a `}`');
  });

  test('a tab in the indentation, once for the line', () => {
    const diagnostic = parseOne('title: Banjir', 'authors:', '  - Rani', '\t- Ahmad', DATE);
    expect(diagnostic.place).toEqual({ line: 5, column: 1 });
    expect(diagnostic.reason).toBe('Unexpected tab in the indentation, expected spaces');
  });

  test('a colon and a space inside an unquoted value, at the colon, with the quoted line to write', () => {
    const diagnostic = parseOne('title: Banjir: warga mengungsi', DATE);
    expect(diagnostic.place).toEqual({ line: 2, column: 14 });
    expect(diagnostic.reason).toContain('Unexpected `:` inside the value of `title`');
    expect(diagnostic.hint).toContain('`title: "Banjir: warga mengungsi"`');
  });

  test('a key indented deeper than the one above, at that key rather than the value above it', () => {
    const diagnostic = parseOne('image:', '  src: /images/a.jpg', '   alt: Foto', DATE);
    expect(diagnostic.place).toEqual({ line: 4, column: 4 });
    expect(diagnostic.reason).toBe('Unexpected indentation before `alt`, expected it in column 3, as `src` above');
  });

  test.each([
    ['@', 'title: @warta melapor', '`title: "@warta melapor"`'],
    ['`', 'title: `kode` baru', '`title: "`kode` baru"`'],
  ])('a value that starts with %s, at that character', (character, field, written) => {
    const diagnostic = parseOne(field, DATE);
    expect(diagnostic.place).toEqual({ line: 2, column: 8 });
    expect(diagnostic.reason).toBe(
      `Unexpected "${character}" at the start of a value, expected a letter, a digit or a quote`,
    );
    expect(diagnostic.hint).toContain(written);
  });

  test('double quotes inside a double-quoted value, after the quote that closed it', () => {
    const diagnostic = parseOne('title: "Kata "kutip" di tengah"', DATE);
    expect(diagnostic.place).toEqual({ line: 2, column: 15 });
    expect(diagnostic.reason).toContain('Unexpected text after the closing `"`');
    expect(diagnostic.hint).toContain(`\`title: 'Kata "kutip" di tengah'\``);
  });

  test('a key written twice, at the second, naming the first through cause', () => {
    const diagnostic = parseOne('title: Pertama', DATE, 'title: Kedua');
    expect(diagnostic).toMatchObject({
      place: { line: 4, column: 1 },
      reason: 'Unexpected second `title`, expected each key once',
      cause: { file: FILE, place: { line: 2, column: 1 } },
    });
  });

  test('every mistake of a file in one run, one per line', () => {
    const result = parseFrontMatter(
      lines(
        '---',
        'title: Banjir: warga',
        DATE,
        'summary: @x',
        'image:',
        '\tsrc: /a.jpg',
        'tags: [a, b',
        '---',
        'Isi.',
      ),
      FILE,
    );
    if (result.ok) throw new Error('Expected the front matter to be refused');
    expect(result.diagnostics.map((diagnostic) => diagnostic.place)).toEqual([
      { line: 2, column: 14 },
      { line: 4, column: 10 },
      { line: 6, column: 1 },
      { line: 7, column: 7 },
    ]);
  });
});
