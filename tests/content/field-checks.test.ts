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

  test('reports an item that is not a name at the item itself', () => {
    const context = createContext('tags:', '  - Pangan', '  - { nama: Pasar }');
    expect(readNames(context, 'tags', context.frontMatter.data['tags'])).toEqual(['Pangan']);
    expect(context.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'front-matter-tags', place: { line: 4, column: 5 } }),
    ]);
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
