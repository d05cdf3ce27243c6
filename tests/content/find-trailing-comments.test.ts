import { describe, expect, test } from 'vitest';
import { findTrailingComments } from '../../src/content/find-trailing-comments.js';
import { parseFrontMatter } from '../../src/content/front-matter.js';
import { lines } from './helpers.js';

const FILE = 'content/kota/nomor-satu.md';

function warningsOf(...yamlLines: string[]) {
  return findTrailingComments(lines(...yamlLines), FILE, 1);
}

describe('findTrailingComments', () => {
  test('warns at the # of a hashtag or number that cut a plain value short, with the quoted line to write', () => {
    const [warning, ...rest] = warningsOf('title: Nomor #1 di kota', 'date: 2026-11-18 13:00');
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({
      file: FILE,
      place: { line: 2, column: 14 },
      severity: 'warning',
      ruleId: 'front-matter-comment',
    });
    expect(warning?.reason).toBe(
      'Unexpected comment after the value "Nomor": YAML reads " #" as the start of a comment, so "#1 di kota" was dropped from it',
    );
    expect(warning?.hint).toContain('`title: "Nomor #1 di kota"`');
  });

  test('finds every such value in one pass, list items included', () => {
    const warnings = warningsOf(
      'title: Nomor #1 di kota',
      'summary: Harga naik 10% #inflasi hari ini',
      'tags:',
      '  - Kopi #Toraja',
    );
    expect(warnings.map((warning) => warning.place)).toEqual([
      { line: 2, column: 14 },
      { line: 3, column: 25 },
      { line: 5, column: 10 },
    ]);
    expect(warnings[2]?.hint).toContain('`- "Kopi #Toraja"`');
  });

  test('suggests single quotes for a value that holds a double quote', () => {
    const [warning] = warningsOf('title: Kata "kopi" #1');
    expect(warning?.hint).toContain(`\`title: 'Kata "kopi" #1'\``);
  });

  test('passes deliberate comments: on their own line, written "# note", after a quoted value or a flow list', () => {
    expect(
      warningsOf(
        '# Disunting ulang',
        'title: Harga naik # sementara',
        'summary: "Nomor #1 di kota" #catatan',
        "caption: 'Foto #2' #catatan",
        'tags: [a, b] #catatan',
        'dateline: Makassar#1',
        'editor: RKW ## inisial',
      ),
    ).toEqual([]);
  });
});

describe('parseFrontMatter with a comment after a value', () => {
  test('keeps the value YAML reads and carries the warning', () => {
    const result = parseFrontMatter(lines('---', 'title: Nomor #1 di kota', '---', 'Isi.'), FILE);
    if (!result.ok) throw new Error('Expected valid front matter');
    expect(result.value.data).toEqual({ title: 'Nomor' });
    expect(result.value.warnings?.map((warning) => warning.place)).toEqual([{ line: 2, column: 14 }]);
  });

  test('has no warnings for a file without " #"', () => {
    const result = parseFrontMatter(lines('---', 'title: Nomor#1', '---', 'Isi #1.'), FILE);
    expect(result.ok && result.value.warnings).toBeUndefined();
  });
});
