import { describe, expect, test } from 'vitest';
import { createPermalink } from '../../src/site/permalink.js';
import { at } from './fixtures.js';

const article = { slug: 'harga-cabai', id: 'b7c1f0a2d3', date: at('2016-09-09T10:46:00+07:00') };

describe('createPermalink', () => {
  test('expands section and slug', () => {
    expect(createPermalink('/:section/:slug/', article, 'ekonomi')).toBe('/ekonomi/harga-cabai/');
  });

  test('expands date tokens and the id', () => {
    expect(createPermalink('/:yyyy/:mm/:dd/:slug/', article, 'ekonomi')).toBe('/2016/09/09/harga-cabai/');
    expect(createPermalink('/berita/:id.html', article, 'ekonomi')).toBe('/berita/b7c1f0a2d3.html');
  });

  test('uses the date as written in the site time zone, not the UTC date', () => {
    const early = { ...article, date: at('2016-09-01T00:30:00+07:00') };
    expect(createPermalink('/:yyyy/:mm/:dd/:slug/', early, 'ekonomi')).toBe('/2016/09/01/harga-cabai/');
  });

  test('keeps unknown tokens as written and expands a token each time it occurs', () => {
    expect(createPermalink('/:section/:kind/:slug-:slug/', article, 'ekonomi')).toBe(
      '/ekonomi/:kind/harga-cabai-harga-cabai/',
    );
  });
});
