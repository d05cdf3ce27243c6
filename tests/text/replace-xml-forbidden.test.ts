import { describe, expect, test } from 'vitest';
import { replaceXmlForbidden } from '../../src/text/replace-xml-forbidden.js';

describe('replaceXmlForbidden (issue 25)', () => {
  test('replaces each character XML forbids with a space, warning at its line and column', () => {
    const { text, warnings } = replaceXmlForbidden('Judul\u0007 baru\nbaris\u000bdua\ttab\r\nakhir\uffff', 'a.md');
    expect(text).toBe('Judul  baru\nbaris dua\ttab\r\nakhir ');
    expect(warnings.map((warning) => [warning.place, warning.severity, warning.ruleId])).toEqual([
      [{ line: 1, column: 6 }, 'warning', 'control-character'],
      [{ line: 2, column: 6 }, 'warning', 'control-character'],
      [{ line: 3, column: 6 }, 'warning', 'control-character'],
    ]);
    expect(warnings[0]?.reason).toContain('U+0007');
  });

  test('leaves clean text alone, and counts what is beyond five warnings', () => {
    expect(replaceXmlForbidden('Teks biasa, tab\tdan baris\n.', 'a.md')).toEqual({
      text: 'Teks biasa, tab\tdan baris\n.',
      warnings: [],
    });
    const many = replaceXmlForbidden('\u0001'.repeat(8), 'a.md');
    expect(many.warnings).toHaveLength(6);
    expect(many.warnings[5]?.reason).toContain('3 more control characters');
  });
});
