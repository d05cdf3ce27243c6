import { describe, expect, test } from 'vitest';
import { describeValue, type FieldContext, readBoolean, readNames, readText } from '../../src/content/field-checks.js';
import { lines, parseValid } from './helpers.js';

function createContext(...rows: string[]): FieldContext {
  return { file: 'content/x.md', frontMatter: parseValid(lines('---', ...rows, '---', 'Isi.')), diagnostics: [] };
}

describe('describeValue', () => {
  test('names YAML value types for messages', () => {
    expect(describeValue(['a'])).toBe('a list');
    expect(describeValue({ a: 1 })).toBe('a mapping');
    expect(describeValue('  ')).toBe('an empty string');
    expect(describeValue('teks')).toBe('text');
    expect(describeValue(3)).toBe('a number');
    expect(describeValue(true)).toBe('a boolean');
    expect(describeValue(null)).toBe('an empty value');
  });
});

describe('readText', () => {
  test('trims text, turns numbers into text and treats blank text as absent', () => {
    const context = createContext('dateline: "  Jakarta  "', 'editor: 2016', 'caption: "   "');
    expect(readText(context, 'dateline', context.frontMatter.data['dateline'])).toBe('Jakarta');
    expect(readText(context, 'editor', context.frontMatter.data['editor'])).toBe('2016');
    expect(readText(context, 'caption', context.frontMatter.data['caption'])).toBeUndefined();
    expect(context.diagnostics).toEqual([]);
  });

  test('reports a required field that is missing at line 1', () => {
    const context = createContext('date: 2016-09-09');
    expect(readText(context, 'title', undefined, { required: true })).toBeUndefined();
    expect(context.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'front-matter-title', place: { line: 1, column: 1 } }),
    ]);
  });

  test('reports a mapping where text is expected at the value', () => {
    const context = createContext('editor:', '  name: Budi');
    readText(context, 'editor', context.frontMatter.data['editor']);
    expect(context.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'front-matter-editor',
        reason: 'Unexpected a mapping for `editor`, expected text',
        place: { line: 3, column: 3 },
      }),
    ]);
  });
});

describe('readNames', () => {
  test('reads one string as a one-name list and drops repeats and blanks', () => {
    const context = createContext('tags: Pangan', 'authors: [Pangan, " Pasar ", Pangan, ""]');
    expect(readNames(context, 'tags', context.frontMatter.data['tags'])).toEqual(['Pangan']);
    expect(readNames(context, 'authors', context.frontMatter.data['authors'])).toEqual(['Pangan', 'Pasar']);
    expect(context.diagnostics).toEqual([]);
  });

  test('reports list items written without the space after their dash at the first of them, naming each item', () => {
    const context = createContext('tags:', '  -banjir', '  -semarang', 'authors:', '  -Rani');
    expect(readNames(context, 'tags', context.frontMatter.data['tags'])).toEqual([]);
    expect(readNames(context, 'authors', context.frontMatter.data['authors'])).toEqual([]);
    expect(context.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'front-matter-tags', place: { line: 3, column: 3 }, severity: 'error' }),
      expect.objectContaining({ ruleId: 'front-matter-authors', place: { line: 6, column: 3 } }),
    ]);
    expect(context.diagnostics[0]?.reason).toBe(
      'Unexpected "-banjir -semarang" for `tags`, expected a list: a list item needs a space after its dash, so YAML read these 2 lines as one name',
    );
    expect(context.diagnostics[0]?.hint).toBe(
      'Write a space after each dash, one item per line: `- banjir`, `- semarang`.',
    );
  });

  test('keeps names with a dash inside or a number below zero', () => {
    const context = createContext('tags: [E-Commerce, "- spasi", -5]', 'authors: Rani -Kusuma');
    expect(readNames(context, 'tags', context.frontMatter.data['tags'])).toEqual(['E-Commerce', '- spasi', '-5']);
    expect(readNames(context, 'authors', context.frontMatter.data['authors'])).toEqual(['Rani -Kusuma']);
    expect(context.diagnostics).toEqual([]);
  });

  test('reports an item that is not a name at the item itself', () => {
    const context = createContext('tags:', '  - Pangan', '  - { nama: Pasar }');
    expect(readNames(context, 'tags', context.frontMatter.data['tags'])).toEqual(['Pangan']);
    expect(context.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'front-matter-tags', place: { line: 4, column: 5 } }),
    ]);
  });
});

describe('readNames given one string with commas', () => {
  const warned = (...rows: string[]) => {
    const context = { ...createContext(...rows), warnings: [] };
    const key = rows[0]?.split(':')[0] as 'tags' | 'author' | 'authors';
    const names = readNames(context, key, context.frontMatter.data[key]);
    return { names, warnings: context.warnings, diagnostics: context.diagnostics };
  };

  test('keeps it one name and warns at the value, saying to write a list (as Hugo and WordPress exports write tags)', () => {
    const { names, warnings, diagnostics } = warned('tags: Banjir, Semarang');
    expect(names).toEqual(['Banjir, Semarang']);
    expect(diagnostics).toEqual([]);
    expect(warnings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        ruleId: 'front-matter-tags',
        place: { line: 2, column: 7 },
        reason:
          'Unexpected one name with commas for `tags` ("Banjir, Semarang"), expected a list: it is read as one tag',
        hint: 'Write a list, `tags: [Banjir, Semarang]`; for one name with a comma, quote it in a list: `tags: ["Banjir, Semarang"]`.',
      }),
    ]);
    expect(warned('tags: banjir,semarang').warnings).toHaveLength(1);
    expect(warned('authors: Rina Wulandari, Budi Santoso').warnings).toEqual([
      expect.objectContaining({ ruleId: 'front-matter-authors', place: { line: 2, column: 10 } }),
    ]);
    expect(warned('author: Rina Wulandari, Budi Santoso').warnings).toHaveLength(1);
  });

  test('leaves alone a decimal comma, a title after a name, a surname first and a quoted name in a list', () => {
    expect(warned('tags: Pemanasan 1,5 derajat').warnings).toEqual([]);
    expect(warned('author: Andi Wijaya, M.Si.').warnings).toEqual([]);
    expect(warned('author: Wijaya, Andi').warnings).toEqual([]);
    expect(warned('authors: Andi Wijaya, S.H., M.H.').warnings).toEqual([]);
    expect(warned('tags: ["Jakarta, Indonesia"]').warnings).toEqual([]);
    expect(warned('tags: "Jakarta,"').warnings).toEqual([]);
  });
});

describe('readBoolean', () => {
  test('reads true and false and treats absence as false', () => {
    const context = createContext('draft: true');
    expect(readBoolean(context, 'draft', true)).toBe(true);
    expect(readBoolean(context, 'draft', false)).toBe(false);
    expect(readBoolean(context, 'draft', undefined)).toBe(false);
    expect(context.diagnostics).toEqual([]);
  });

  test('reports yes, which YAML 1.2 reads as text, instead of guessing', () => {
    const context = createContext('draft: yes');
    expect(readBoolean(context, 'draft', context.frontMatter.data['draft'])).toBe(false);
    expect(context.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'front-matter-draft', place: { line: 2, column: 8 } }),
    ]);
  });
});
