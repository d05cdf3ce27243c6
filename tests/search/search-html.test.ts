import { describe, expect, it } from 'vitest';
import { extractSearchHtml } from '../../src/search/search-html.js';

const wrapped = (body: string) => `<!doctype html><html lang="id"><body>${body}</body></html>`;

describe('extractSearchHtml', () => {
  it('takes the marked element whole, nested elements of its kind included', () => {
    const page =
      '<html><body><header><a href="/">Warta</a></header><main><article class="story" data-pagefind-body>' +
      '<h1>Judul</h1><article class="quote"><p>Kutipan</p></article><p>Isi.</p></article>' +
      '<aside><article><h2>Berita lain</h2></article></aside></main></body></html>';
    expect(extractSearchHtml(page, 'id')).toBe(
      wrapped(
        '<article class="story" data-pagefind-body><h1>Judul</h1><article class="quote"><p>Kutipan</p></article><p>Isi.</p></article>',
      ),
    );
  });

  it('is not cut short by a tag written inside an attribute value', () => {
    const body =
      '<article data-pagefind-body><p>Awal.</p><img alt="</article><article>" src="a.jpg"><p>Akhir.</p></article>';
    expect(extractSearchHtml(`<main>${body}<aside><p>Lain</p></aside></main>`, 'id')).toBe(wrapped(body));
  });

  it('takes the mark only as an attribute, not in text or in a value before it', () => {
    const body = '<article data-pagefind-body="">Isi tentang tema.</article>';
    const page =
      '<nav><a href="/x/" title="pakai data-pagefind-body">Cara memakai data-pagefind-body di tema</a></nav>' +
      `<main>${body}</main>`;
    expect(extractSearchHtml(page, 'id')).toBe(wrapped(body));
  });

  it('gives nothing for a page without the mark', () => {
    expect(extractSearchHtml('<main><article><p>Isi</p></article></main>', 'id')).toBeUndefined();
  });
});
