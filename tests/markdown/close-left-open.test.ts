import { describe, expect, test } from 'vitest';
import { HTML_UNCLOSED } from '../../src/markdown/close-left-open.js';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import { parseFragment } from './parse-fragment.js';

const processor = createMarkdownProcessor();

/** The page of `markdown`, and where its warnings point. */
function render(markdown: string) {
  const rendered = processor.render(markdown);
  return { body: parseFragment(rendered.html), warnings: rendered.warnings };
}

describe('raw HTML left open at the end of its paragraph', () => {
  test('an unclosed <b> is closed at the end of its paragraph, not carried into every later one, with a warning at its tag', () => {
    const { body, warnings } = render(
      'Harga <b>naik tajam pada pagi ini.\n\nParagraf kedua tidak tebal.\n\n## Judul\n\nParagraf ketiga.\n',
    );
    expect([...body.querySelectorAll('b')].map((element) => element.textContent)).toEqual([
      'naik tajam pada pagi ini.',
    ]);
    expect(body.querySelectorAll('p')).toHaveLength(3);
    expect(warnings).toEqual([expect.objectContaining({ ruleId: HTML_UNCLOSED, place: { line: 1, column: 7 } })]);
    expect(warnings[0]?.reason).toContain('`<b>` left open at the end of its paragraph, expected `</b>`');
  });

  test('the elements the parser would reopen are closed wherever the paragraph stands, and a link as well', () => {
    for (const [markdown, name] of [
      ['Teks <b><i>miring tebal\n\nSisa.', 'i'],
      ['Teks **<b>** tebal\n\nSisa.', 'b'],
      ['> Kutipan <em>miring\n>\n> lanjut\n\nSisa.', 'em'],
      ['- satu <b>tebal\n- dua\n\nSisa.', 'b'],
      ['## Judul <a href="/x">tautan\n\nSisa.', 'a'],
      ['Teks <a href="https://contoh.test/">tautan\n\nSisa.', 'a'],
      ['Teks <B>tebal\n\nSisa.', 'b'],
    ] as const) {
      const { body, warnings } = render(markdown);
      expect(body.querySelector(`${name} ${name}, ${name} p, ${name} li`), markdown).toBeNull();
      expect([...body.querySelectorAll('p, li')].at(-1)?.parentElement?.closest(name) ?? null, markdown).toBeNull();
      expect(body.textContent).toContain('Sisa.');
      expect(warnings.length, markdown).toBeGreaterThan(0);
    }
  });

  test('points at the tag left open, not an earlier one of the same name that was closed', () => {
    const { warnings } = render('Teks <b>a</b> dan\n<b>b\n\nSisa.');
    expect(warnings.map((warning) => warning.place)).toEqual([{ line: 2, column: 1 }]);
  });

  test('an element meant to span paragraphs ends with its first: open and close it in each', () => {
    const { body } = render('<b>satu\n\ndua</b>\n\ntiga');
    expect([...body.querySelectorAll('b')].map((element) => element.textContent)).toEqual(['satu']);
  });

  test('nothing to warn about for closed tags, an element the paragraph closes anyway, or a table cell', () => {
    for (const markdown of [
      'Teks <b>a</b> <i>b</i> <a href="/x">c</a>\n\nSisa.',
      'Teks <span>a\n\nSisa.',
      'Teks <br> baris <img src="/a.jpg" alt="a">\n\nSisa.',
      '| a | b |\n|---|---|\n| <b>x | y |\n\nSisa.',
      'Teks tanpa HTML\n\nSisa.',
    ]) {
      expect(render(markdown).warnings, markdown).toEqual([]);
    }
  });
});
