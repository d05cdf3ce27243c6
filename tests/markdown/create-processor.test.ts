import { describe, expect, test } from 'vitest';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import { parseFragment } from './parse-fragment.js';

const processor = createMarkdownProcessor();

/** Renders Markdown and returns the body element of the parsed result. */
function renderToDom(markdown: string, dateline?: string): HTMLElement {
  return parseFragment(processor.render(markdown, { dateline }).html);
}

describe('GFM', () => {
  test('tables keep their column alignment, as classes instead of the obsolete align attribute', () => {
    const body = renderToDom('| Komoditas | Harga | Stok |\n| :-- | --: | :-: |\n| Cabai | 80.000 | ada |\n');
    const cells = [...body.querySelectorAll('th, td')].map((cell) => [cell.textContent, cell.className]);
    expect(cells).toEqual([
      ['Komoditas', 'align-left'],
      ['Harga', 'align-right'],
      ['Stok', 'align-center'],
      ['Cabai', 'align-left'],
      ['80.000', 'align-right'],
      ['ada', 'align-center'],
    ]);
    expect(body.querySelector('[align]')).toBeNull();
    const raw = renderToDom('<table><tr><td align="RIGHT">1</td><td align="justify">2</td></tr></table>');
    expect([...raw.querySelectorAll('td')].map((cell) => cell.className)).toEqual(['align-right', '']);
    expect(raw.querySelector('[align]')).toBeNull();
  });

  test('task lists become disabled checkboxes', () => {
    const body = renderToDom('- [x] Kirim naskah\n- [ ] Periksa foto\n');
    const boxes = [...body.querySelectorAll('li.task-list-item input')];
    expect(boxes.map((box) => box.getAttribute('type'))).toEqual(['checkbox', 'checkbox']);
    expect(boxes.map((box) => box.hasAttribute('checked'))).toEqual([true, false]);
    expect(boxes.every((box) => box.hasAttribute('disabled'))).toBe(true);
  });

  test('strikethrough becomes del', () => {
    expect(renderToDom('Harga ~~lama~~ baru.').querySelector('del')?.textContent).toBe('lama');
  });

  test('autolink literals become links', () => {
    const links = [...renderToDom('Kunjungi www.example.com atau tulis ke redaksi@example.com.').querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'http://www.example.com',
      'mailto:redaksi@example.com',
    ]);
  });

  test('fenced code keeps its language class', () => {
    const code = renderToDom('```js\nconst a = 1;\n```').querySelector('pre > code');
    expect(code?.className).toBe('language-js');
    expect(code?.textContent).toBe('const a = 1;\n');
  });

  test('a code block that starts with a blank line keeps it, with or without raw HTML in the document', () => {
    const block = '```\n\nbaris kedua\n```';
    const plain = processor.render(block).html;
    const withHtml = processor.render(`Teks <b>tebal</b>.\n\n${block}`).html;
    expect(plain).toContain('<pre><code>\nbaris kedua\n</code></pre>');
    expect(withHtml).toContain('<pre><code>\nbaris kedua\n</code></pre>');
  });
});

describe('heading ids and same-page links', () => {
  test('headings get prefixed slug ids and links to them follow the prefix', () => {
    const body = renderToDom('## Hasil Rapat\n\nBaca [hasilnya](#hasil-rapat).\n\n## Hasil Rapat\n');
    const ids = [...body.querySelectorAll('h2')].map((heading) => heading.id);
    expect(ids).toEqual(['user-content-hasil-rapat', 'user-content-hasil-rapat-1']);
    const href = body.querySelector('p a')?.getAttribute('href');
    expect(href).toBe('#user-content-hasil-rapat');
  });

  test('slug numbering starts afresh for every document', () => {
    processor.render('# Ringkasan\n');
    expect(renderToDom('# Ringkasan\n').querySelector('h1')?.id).toBe('user-content-ringkasan');
  });

  test('links that already carry the prefix are not prefixed twice', () => {
    const body = renderToDom('## Latar\n\n[kembali](#user-content-latar)');
    expect(body.querySelector('p a')?.getAttribute('href')).toBe('#user-content-latar');
  });
});

describe('footnotes', () => {
  test('every footnote link points at an element that exists, both ways', () => {
    const body = renderToDom('Angka inflasi[^bps] dan kurs[^bi] berubah.\n\n[^bps]: Data BPS.\n[^bi]: Data BI.\n');
    const links = [...body.querySelectorAll('a[href^="#"]')];
    expect(links.length).toBe(4);
    for (const link of links) {
      const target = link.getAttribute('href')?.slice(1) ?? '';
      expect(body.querySelector(`[id="${target}"]`), `target of ${target}`).not.toBeNull();
    }
  });

  test('footnote references are described by the footnotes heading', () => {
    const body = renderToDom('Klaim[^1].\n\n[^1]: Sumber.\n');
    const label = body.querySelector('a[data-footnote-ref]')?.getAttribute('aria-describedby') ?? '';
    expect(body.querySelector(`[id="${label}"]`)?.textContent).toBe('Footnotes');
  });
});

describe('dateline', () => {
  test('opens the first paragraph, followed by a space', () => {
    const { html } = processor.render('Harga cabai naik.\n\nParagraf kedua.', { dateline: 'JAKARTA' });
    expect(html.startsWith('<p><span class="dateline">JAKARTA</span> Harga cabai naik.</p>')).toBe(true);
  });

  test('is escaped as text', () => {
    const body = renderToDom('Isi berita.', '<img src=x onerror=alert(1)> & "Co"');
    const span = body.querySelector('span.dateline');
    expect(span?.textContent).toBe('<img src=x onerror=alert(1)> & "Co"');
    expect(body.querySelector('img')).toBeNull();
  });

  test('gets a paragraph of its own when the body does not open with one', () => {
    const body = renderToDom('## Kronologi\n\nPagi itu hujan.', 'BANDUNG');
    const first = body.firstElementChild;
    expect(first?.tagName).toBe('P');
    expect(first?.innerHTML).toBe('<span class="dateline">BANDUNG</span>');
    expect(body.querySelectorAll('span.dateline').length).toBe(1);
  });

  test.each([
    ['a raw video iframe', '<iframe src="https://www.youtube.com/embed/pH7sNw4cJ0e" title="Video"></iframe>'],
    ['a video component', '::youtube[Video uji coba]{id=pH7sNw4cJ0e}'],
    ['a photo', '![Banjir](/images/banjir.jpg)'],
    ['a raw figure', '<figure><img src="/a.jpg" alt="A"><figcaption>Foto.</figcaption></figure>'],
    ['a "read also" link', '::related{slug=banjir-kemarin}'],
  ])('joins the first paragraph of text when the body opens with %s (issue 23)', (_name, opening) => {
    const body = renderToDom(`${opening}\n\nAir mulai surut pagi ini.\n\nParagraf kedua.`, 'Warta Nusantara, Jakarta:');
    const span = body.querySelector('span.dateline');
    expect(body.querySelectorAll('span.dateline').length).toBe(1);
    expect(span?.parentElement?.textContent).toBe('Warta Nusantara, Jakarta: Air mulai surut pagi ini.');
  });

  test('stays at the start of a body of media alone', () => {
    const body = renderToDom('![Banjir](/images/banjir.jpg)', 'SEMARANG');
    expect(body.firstElementChild?.innerHTML).toBe('<span class="dateline">SEMARANG</span>');
  });

  test('gets a paragraph of its own in an empty body', () => {
    expect(processor.render('', { dateline: 'MEDAN' }).html).toBe('<p><span class="dateline">MEDAN</span></p>\n');
  });

  test('is left out when missing or blank', () => {
    expect(processor.render('Isi.', { dateline: '  ' }).html).toBe('<p>Isi.</p>');
    expect(processor.render('Isi.').html).toBe('<p>Isi.</p>');
  });
});

describe('plain text', () => {
  test('holds the paragraphs only, whitespace collapsed, without dateline or footnote numbers', () => {
    const markdown = [
      '# Judul',
      '',
      'Paragraf   pertama\nberlanjut[^1] dengan `kode kecil`.',
      '',
      '```',
      'kode blok',
      '```',
      '',
      '> Kutipan pejabat.',
      '',
      '[^1]: Catatan kaki.',
    ].join('\n');
    const { paragraphs } = processor.render(markdown, { dateline: 'SURABAYA' });
    expect([...paragraphs()].join(' ').replace(/\s+/g, ' ').trim()).toBe(
      'Paragraf pertama berlanjut dengan kode kecil. Kutipan pejabat.',
    );
  });
});

describe('raw HTML', () => {
  test('figures written as HTML survive', () => {
    const body = renderToDom(
      '<figure>\n<img src="/foto/pasar.jpg" alt="Pasar" width="800" height="600" loading="lazy">\n<figcaption>Pasar pagi.</figcaption>\n</figure>',
    );
    const img = body.querySelector('figure > img');
    expect(img?.getAttribute('src')).toBe('/foto/pasar.jpg');
    expect(img?.getAttribute('loading')).toBe('lazy');
    expect(img?.getAttribute('width')).toBe('800');
    expect(body.querySelector('figcaption')?.textContent).toBe('Pasar pagi.');
  });

  test('details and summary survive', () => {
    const body = renderToDom('<details open><summary>Metodologi</summary>\n\nSurvei daring.\n\n</details>');
    expect(body.querySelector('details')?.hasAttribute('open')).toBe(true);
    expect(body.querySelector('details > summary')?.textContent).toBe('Metodologi');
  });
});
