import { describe, expect, test } from 'vitest';
import { parseFrontMatter } from '../../src/content/front-matter.js';
import { lines, parseValid } from './helpers.js';

const FILE = 'content/ekonomi/harga-cabai.md';

function parseInvalid(text: string) {
  const result = parseFrontMatter(text, FILE);
  if (result.ok) throw new Error('Expected the front matter to be refused');
  return result.diagnostics;
}

describe('parseFrontMatter on well-formed files', () => {
  const text = lines(
    '---',
    'title: Harga Cabai Naik',
    'date: 2016-09-09 10:46',
    'tags:',
    '  - Pangan',
    '  - Pasar',
    'image:',
    '  src: /images/cabai.jpg',
    '---',
    'Harga cabai rawit naik lagi.',
    '',
    'Pedagang mengeluh.',
  );

  test('returns the fields as plain data and keeps dates as text', () => {
    const frontMatter = parseValid(text);
    expect(frontMatter.data).toEqual({
      title: 'Harga Cabai Naik',
      date: '2016-09-09 10:46',
      tags: ['Pangan', 'Pasar'],
      image: { src: '/images/cabai.jpg' },
    });
  });

  test('counts the opening --- as line 1 when locating a value', () => {
    const frontMatter = parseValid(text);
    expect(frontMatter.locate(['title'])).toEqual({ line: 2, column: 8 });
    expect(frontMatter.locate(['date'])).toEqual({ line: 3, column: 7 });
    expect(frontMatter.locate(['tags', 1])).toEqual({ line: 6, column: 5 });
    expect(frontMatter.locate(['image', 'src'])).toEqual({ line: 8, column: 8 });
  });

  test('locates the key itself when asked for the key', () => {
    const frontMatter = parseValid(text);
    expect(frontMatter.locate(['title'], { key: true })).toEqual({ line: 2, column: 1 });
    expect(frontMatter.locate(['image', 'src'], { key: true })).toEqual({ line: 8, column: 3 });
  });

  test('locates nothing for a key that is not there', () => {
    const frontMatter = parseValid(text);
    expect(frontMatter.locate(['summary'])).toBeUndefined();
    expect(frontMatter.locate(['summary'], { key: true })).toBeUndefined();
  });

  test('gives the body after the closing line and the line it starts on', () => {
    const frontMatter = parseValid(text);
    expect(frontMatter.body).toBe('Harga cabai rawit naik lagi.\n\nPedagang mengeluh.\n');
    expect(frontMatter.bodyLine).toBe(10);
  });

  test('reads a file with CRLF line ends the same way, with the same positions', () => {
    const frontMatter = parseValid(text.replaceAll('\n', '\r\n'));
    expect(frontMatter.data['title']).toBe('Harga Cabai Naik');
    expect(frontMatter.data['tags']).toEqual(['Pangan', 'Pasar']);
    expect(frontMatter.locate(['date'])).toEqual({ line: 3, column: 7 });
    expect(frontMatter.body).toBe('Harga cabai rawit naik lagi.\r\n\r\nPedagang mengeluh.\r\n');
    expect(frontMatter.bodyLine).toBe(10);
  });

  test('accepts trailing blanks after the fence lines', () => {
    const frontMatter = parseValid('---  \ntitle: Sepi\n--- \t\nIsi.\n');
    expect(frontMatter.data).toEqual({ title: 'Sepi' });
    expect(frontMatter.body).toBe('Isi.\n');
    expect(frontMatter.bodyLine).toBe(4);
  });

  test('gives empty data for empty front matter', () => {
    const frontMatter = parseValid('---\n---\nHanya isi.\n');
    expect(frontMatter.data).toEqual({});
    expect(frontMatter.body).toBe('Hanya isi.\n');
    expect(frontMatter.bodyLine).toBe(3);
  });

  test('gives an empty body when the file ends at the closing line', () => {
    const frontMatter = parseValid('---\ntitle: Tanpa Isi\n---');
    expect(frontMatter.body).toBe('');
    expect(frontMatter.bodyLine).toBe(3);
  });

  test('keeps a later --- line in the body as a thematic break', () => {
    const frontMatter = parseValid(lines('---', 'title: Garis', '---', 'Atas', '', '---', '', 'Bawah'));
    expect(frontMatter.body).toBe('Atas\n\n---\n\nBawah\n');
  });
});

describe('parseFrontMatter on broken files', () => {
  test('reports a file without front matter at line 1', () => {
    const [diagnostic, ...rest] = parseInvalid('# Judul saja\n\nIsi berita.\n');
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({
      file: FILE,
      ruleId: 'front-matter-missing',
      severity: 'error',
      place: { line: 1, column: 1 },
    });
    expect(diagnostic?.hint).toContain('---');
  });

  test('reports front matter that is never closed', () => {
    const diagnostics = parseInvalid(lines('---', 'title: Terbuka', 'date: 2016-09-09', 'Isi tanpa penutup.'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: FILE, ruleId: 'front-matter-unclosed', severity: 'error' });
  });

  test('reports a file with a byte-order mark as missing front matter (decodeSource removes the mark first)', () => {
    const diagnostics = parseInvalid('\uFEFF---\ntitle: BOM\n---\nIsi.\n');
    expect(diagnostics[0]?.ruleId).toBe('front-matter-missing');
  });

  test('reports malformed YAML at its line in the file, counting the opening ---', () => {
    const diagnostics = parseInvalid(
      lines('---', 'title: Harga Cabai', 'date: 2016-09-09', 'tags: [Pangan, Pasar', '---', 'Isi.'),
    );
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const diagnostic of diagnostics) {
      expect(diagnostic).toMatchObject({ file: FILE, ruleId: 'front-matter-yaml', severity: 'error' });
      expect(diagnostic.reason).toMatch(/^Unexpected `\[` that is never closed/);
      expect(diagnostic.place).toEqual({ line: 4, column: 7 });
    }
  });

  test('reports a repeated key at the second definition', () => {
    const diagnostics = parseInvalid(lines('---', 'title: Pertama', 'date: 2016-09-09', 'title: Kedua', '---', 'Isi.'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'front-matter-yaml', place: { line: 4, column: 1 } });
    expect(diagnostics[0]?.reason).not.toMatch(/at line \d+/);
  });

  test('reports front matter that is a list instead of key: value lines', () => {
    const diagnostics = parseInvalid(lines('---', '- satu', '- dua', '---', 'Isi.'));
    expect(diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'front-matter-yaml', place: { line: 2, column: 1 } }),
    ]);
  });

  test('reports aliases that expand exponentially at the first alias, instead of throwing', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [index, name] of ['b', 'c', 'd', 'e', 'f'].entries()) {
      const previous = String.fromCharCode('a'.charCodeAt(0) + index);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const diagnostics = parseInvalid(lines('---', 'title: Bom', 'date: 2016-09-09', ...levels, '---', 'Isi.'));
    expect(diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'front-matter-yaml', place: { line: 5, column: 8 } }),
    ]);
    expect(diagnostics[0]?.reason).toMatch(/^Invalid YAML in front matter: .*alias/i);
  });

  test('still allows a few aliases', () => {
    const result = parseFrontMatter(
      lines('---', 'title: Ulang', 'date: 2016-09-09', 'tags: &t [a, b]', 'related_tags: *t', '---', 'Isi.'),
      FILE,
    );
    expect(result.ok && result.value.data['related_tags']).toEqual(['a', 'b']);
  });

  test('reports front matter that is a single scalar', () => {
    const diagnostics = parseInvalid(lines('---', 'sekadar teks', '---', 'Isi.'));
    expect(diagnostics[0]).toMatchObject({ ruleId: 'front-matter-yaml', place: { line: 2, column: 1 } });
  });
});
