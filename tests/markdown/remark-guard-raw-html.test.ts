import { describe, expect, test } from 'vitest';
import { isNewsgenError, type NewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import { HTML_SWALLOW } from '../../src/markdown/remark-guard-raw-html.js';
import { parseFragment } from './parse-fragment.js';

const processor = createMarkdownProcessor();

/** Elements that hid the rest of an article (issue 25): each is shown as text in a sentence, or refused as a block. */
const SWALLOWING = [
  'form',
  'template',
  'select',
  'textarea',
  'object',
  'plaintext',
  'noscript',
  'xmp',
  'title',
  'iframe',
  'button',
  'script',
  'style',
  'noembed',
  'noframes',
  'fieldset',
  'option',
  'datalist',
  'output',
  'applet',
];

/** The page of `sentence` followed by one more paragraph, "Paragraf penanda terakhir.". */
function renderBeforeLast(sentence: string) {
  return parseFragment(processor.render(`${sentence}\n\nParagraf penanda terakhir.\n`).html);
}

function renderError(markdown: string): NewsgenError {
  try {
    processor.render(markdown);
  } catch (error) {
    if (isNewsgenError(error)) return error;
    throw error;
  }
  throw new Error('Expected the body to be refused');
}

describe('raw HTML that would swallow the text after it', () => {
  for (const name of SWALLOWING) {
    test(`<${name}> inside a sentence is shown as text, and the rest of the article stays`, () => {
      const body = parseFragment(
        processor.render(`Setiap halaman masuk memakai elemen <${name}> di sini.\n\nParagraf penanda terakhir.\n`).html,
      );
      expect(body.textContent).toContain(`memakai elemen <${name}> di sini.`);
      expect(body.textContent).toContain('Paragraf penanda terakhir.');
    });

    test(`<${name}> left open as a block fails with its place and name`, () => {
      const error = renderError(`Paragraf pertama.\n\n<${name}>\n\nParagraf penanda terakhir.\n`);
      expect(error.code).toBe(HTML_SWALLOW);
      expect(error.place).toEqual({ line: 3, column: 1 });
      expect(error.message).toContain(`\`<${name}>\``);
    });
  }

  test('an iframe outside the allowlist is refused even with attributes, and one inside it too when left open', () => {
    expect(renderError('<iframe src="https://evil.example/x">\n\nSisa artikel.\n').message).toContain('<iframe>');
    expect(renderError('<iframe src="https://www.youtube.com/embed/x">\n\nSisa artikel.\n').code).toBe(HTML_SWALLOW);
  });

  test('an unclosed comment block is refused, a closed one is dropped as before', () => {
    expect(renderError('Awal.\n\n<!-- catatan redaksi\n\nSisa artikel.\n').message).toContain('`<!--`');
    expect(processor.render('Awal.\n\n<!-- catatan -->\n\nSisa artikel.\n').html).toBe(
      '<p>Awal.</p>\n\n<p>Sisa artikel.</p>',
    );
  });

  test('a CDATA section, processing instruction or declaration never closed is refused: Markdown reads every line after it as HTML (found by fuzzing)', () => {
    for (const [opening, closer] of [
      ['<![CDATA[ x> <svg>', ']]>'],
      ['<?php echo 1', '?>'],
      ['<!DOCTYPE html', '>'],
    ] as const) {
      const error = renderError(`Awal.\n\n${opening}\n\nSisa artikel.\n`);
      expect(error.place).toEqual({ line: 3, column: 1 });
      expect(error.message).toContain(`expected \`${closer}\``);
    }
  });

  test('names the element a block leaves open, not the harmless ones around it', () => {
    expect(renderError('<div>\n<p>Formulir: <select>\n\nSisa.\n').message).toContain('`<select>`');
  });

  test('an unclosed block is refused at the end of a body too, where a <textarea> takes in every line after it', () => {
    expect(renderError('Awal.\n\n<textarea>\nSisa artikel.\n').code).toBe(HTML_SWALLOW);
  });

  test('in a sentence, the end tag of an element shown as text is shown as text too', () => {
    const body = parseFragment(
      processor.render('Tag <plaintext> tak bisa ditutup dengan </plaintext> sekalipun.').html,
    );
    expect(body.textContent).toBe('Tag <plaintext> tak bisa ditutup dengan </plaintext> sekalipun.');
  });

  test('a form closed in a sentence after an open <a> or <b> is shown as text: the paragraph around it would put the next one in the form (found by fuzzing)', () => {
    // In a paragraph, `<form>` closes the `<p>`, the open `<a>` is reopened inside the form after
    // `</form>`, and the next paragraph lands in that `<a>`, inside the form the sanitizer removes.
    for (const sentence of [
      '<a><form> </form> ',
      '<a/><form> </form> ',
      'Lihat <a><form>isi</form> di sini',
      '> <em><a><form> </form>',
      // An attribute value holding `>` still opens its element (found by fuzzing, seed 300002979).
      '<b title="a>b"> <form>  </form> ',
      `<b onload="data:text/html,<script>x</script>"> <form>  </form> `,
      "<i title='<p>'><form> </form>",
      // Left open inside formatting: the parser reopens it after `</strong>` (found by fuzzing).
      'Teks **<b>** <form> </form> x',
      'Teks _<a>_ <form> </form> x',
      'Teks [<b>](y) <form> </form> x',
      'Teks ~~<i>~~ <form> </form> x',
      '- **<b>** <form> </form> x',
    ]) {
      const body = renderBeforeLast(sentence);
      expect(body.textContent).toContain('Paragraf penanda terakhir.');
      expect(body.textContent).toContain('<form>');
    }
  });

  test('an element closed later in a sentence with Markdown formatting before its end tag is shown as text (found by fuzzing, seed 60120601)', () => {
    // rehype-raw hands the parser the `<em>` as an element: its end puts the tokenizer back to reading
    // tags inside a `<style>`, and it breaks out of an `<svg>`; the `<form>` after it then took the rest.
    for (const sentence of [
      'Harga <style> _!_ <form>  </style> ',
      'Harga <textarea> _!_ <form> </textarea> naik',
      'Harga <style> [a](b) <form> </style> naik',
      'Harga <title> *b* <form> </title> naik',
      'Harga <xmp> `c` <form> </xmp> naik',
      'Harga <script> **d** <form> </script> naik',
      'Harga <svg><style> _a_ <form> </style></svg> naik',
      'Harga <select> _a_ <form> </select> naik',
    ]) {
      const body = renderBeforeLast(sentence);
      expect(body.textContent).toContain('Paragraf penanda terakhir.');
      expect(body.textContent).toContain('<form>');
      expect(body.querySelector('form, style, textarea, title, xmp, script, svg, select')).toBeNull();
    }
    // Raw HTML inside an element read as text: rehype-raw feeds each piece to the tokenizer on its own,
    // and the text after `</a>` left the script early (found by fuzzing, seed 707).
    for (const sentence of ['g<script></m>x</a><form></script>', 'g<style></b>x</i>y<form></style> naik']) {
      const body = renderBeforeLast(sentence);
      expect(body.textContent).toContain('Paragraf penanda terakhir.');
      expect(body.querySelector('form, script, style')).toBeNull();
    }
    // With only text between, the element still goes with its content, as before.
    const plain = renderBeforeLast('Harga <style> a { color: red } </style> naik');
    expect(plain.textContent).toBe('Harga  naik\nParagraf penanda terakhir.');
  });

  test("the elements a sentence leaves open are the parser's, not a list of the tags written (found by fuzzing, seed 910)", () => {
    // A second `<table>` closes the first, so the `<form>` after `</table>` is in the sentence, not in a table.
    for (const sentence of [
      'Teks <table> <table> </table> akhir <form> ',
      'Teks <table> _miring_ <table> </table> akhir <form> ',
    ]) {
      const body = renderBeforeLast(sentence);
      expect(body.textContent).toContain('Paragraf penanda terakhir.');
      expect(body.textContent).toContain('<form>');
    }
    // An `<a>` closes the open one, so nothing is open around the form: it is removed with its content.
    const closed = parseFragment(processor.render('Teks <a> <a> </a> akhir <form> </form> x\n\nSisa.\n').html);
    expect(closed.textContent).not.toContain('<form>');
    expect(closed.textContent).toContain('Sisa.');
  });

  test('past a million characters parsed in one body, a tag that could capture text is shown as text without looking', () => {
    // Each tag is parsed inside the 200 open `<div>`s, about a kilobyte a time, and none repeats.
    const spans = Array.from({ length: 400 }, (_, index) => `<span class="a${index}">x</span> `);
    const many = `${'<div>'.repeat(200)}${spans.join('')}`;
    const body = parseFragment(processor.render(`Teks ${many}<select>z</select> akhir\n\nSisa.\n`).html);
    expect(body.textContent).toContain('<select>z</select> akhir');
    expect(body.textContent).toContain('Sisa.');
    // Below the budget the same select is closed in its sentence and removed with its content.
    const few = parseFragment(processor.render('Teks <span class="a">x</span> <select>z</select> akhir\n').html);
    expect(few.textContent).toBe('Teks x  akhir');
  });

  test('an element closed later in the same sentence is removed with its content, as the policy says', () => {
    const body = parseFragment(processor.render('Gunakan <select><option>satu</option></select> pilihan.').html);
    expect(body.textContent).toBe('Gunakan  pilihan.');
  });

  test('keeps what lost no text: closed blocks, an allowlisted iframe closed at once, and harmless open tags', () => {
    const embed = processor.render('Video: <iframe src="https://www.youtube.com/embed/x"></iframe> ini.\n\nSisa.').html;
    expect(parseFragment(embed).querySelector('iframe')?.getAttribute('src')).toBe('https://www.youtube.com/embed/x');
    const figure = processor.render(
      '<figure>\n<iframe src="https://player.vimeo.com/video/1"></iframe>\n<figcaption>Rapat</figcaption>\n</figure>\n\nSisa.',
    ).html;
    expect(parseFragment(figure).textContent).toContain('Sisa.');
    expect(processor.render('<form action="/x"><input></form>\n\nSisa.').html).toContain('Sisa.');
    expect(processor.render('Teks <b>tebal\n\nSisa.').html).toContain('<b>tebal</b>');
  });
});
