import { describe, expect, test } from 'vitest';
import { createPageUrl, paginate } from '../../src/site/paginate.js';

const items = (n: number): string[] => Array.from({ length: n }, (_, index) => `a${index + 1}`);

describe('paginate', () => {
  test('gives an empty listing one empty page', () => {
    expect(paginate([], 3, '/tag/x/')).toEqual([
      { items: [], pagination: { current: 1, total: 1, urls: ['/tag/x/'] } },
    ]);
  });

  test('gives one item one page', () => {
    expect(paginate(items(1), 3, '/tag/x/')).toEqual([
      { items: ['a1'], pagination: { current: 1, total: 1, urls: ['/tag/x/'] } },
    ]);
  });

  test('fits exactly perPage items on one page', () => {
    const pages = paginate(items(3), 3, '/tag/x/');
    expect(pages).toHaveLength(1);
    expect(pages[0]?.items).toEqual(['a1', 'a2', 'a3']);
  });

  test('moves item perPage + 1 to a second page under /page/2/', () => {
    const pages = paginate(items(4), 3, '/tag/x/');
    const urls = ['/tag/x/', '/tag/x/page/2/'];
    expect(pages).toEqual([
      { items: ['a1', 'a2', 'a3'], pagination: { current: 1, total: 2, urls } },
      { items: ['a4'], pagination: { current: 2, total: 2, urls } },
    ]);
  });

  test('numbers the home page listing from the root', () => {
    expect(paginate(items(5), 2, '/').map((page) => page.pagination.urls[page.pagination.current - 1])).toEqual([
      '/',
      '/page/2/',
      '/page/3/',
    ]);
  });
});

describe('createPageUrl', () => {
  test('keeps page 1 at the listing URL', () => {
    expect(createPageUrl('/2016/09/', 1)).toBe('/2016/09/');
    expect(createPageUrl('/2016/09/', 12)).toBe('/2016/09/page/12/');
  });
});
