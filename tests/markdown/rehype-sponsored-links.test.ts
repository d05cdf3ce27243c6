import { describe, expect, test } from 'vitest';
import { createMarkdownProcessor } from '../../src/markdown/create-processor.js';
import { parseFragment } from './parse-fragment.js';

const processor = createMarkdownProcessor();

/** The `rel` of each link of a rendered body, by its href. */
function rels(markdown: string, sponsored: boolean): Record<string, string | null> {
  const body = parseFragment(processor.render(markdown, { sponsored }).html);
  return Object.fromEntries(
    [...body.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.getAttribute('rel')]),
  );
}

const BODY = [
  'Buka [rekening](https://bank.example/tabungan), lihat <https://bank.example/bunga>,',
  '[cabang](//bank.example/cabang), <a href="https://toko.example" rel="nofollow noopener">toko</a>,',
  '[berita lain](/ekonomi/rob/), [bagian](#syarat) dan [surel](mailto:cs@bank.example).',
].join('\n');

describe('links of a sponsored body', () => {
  test('are rel="sponsored" when they leave the site, and this survives the sanitizer, which runs after', () => {
    expect(rels(BODY, true)).toEqual({
      'https://bank.example/tabungan': 'sponsored',
      'https://bank.example/bunga': 'sponsored',
      '//bank.example/cabang': 'sponsored',
      // The sanitizer allows no `rel` value but this one: the author's are dropped, sponsored is added.
      'https://toko.example': 'sponsored',
      '/ekonomi/rob/': null,
      '#user-content-syarat': null,
      'mailto:cs@bank.example': null,
    });
  });

  test('are left alone in any other body, where an author may still mark a paid link by hand', () => {
    expect(Object.values(rels(BODY, false)).every((rel) => rel === null)).toBe(true);
    expect(rels('<a href="https://toko.example" rel="sponsored">toko</a>', false)).toEqual({
      'https://toko.example': 'sponsored',
    });
  });
});

describe('rel on links of any body', () => {
  test('is dropped, not left empty, when the sanitizer would keep none of its values', () => {
    const { html } = processor.render('<a href="https://toko.example" rel="nofollow noopener">toko</a>');
    expect(html).toBe('<p><a href="https://toko.example">toko</a></p>');
  });

  test('keeps every value when a plugin allows `rel` outright, sponsored added to a paid body', () => {
    const widened = createMarkdownProcessor([{ name: 'rel-plugin', sanitize: { attributes: { a: ['rel'] } } }]);
    const raw = '<a href="https://toko.example" rel="nofollow">toko</a>';
    expect(widened.render(raw).html).toContain('rel="nofollow"');
    expect(widened.render(raw, { sponsored: true }).html).toContain('rel="nofollow sponsored"');
  });
});
