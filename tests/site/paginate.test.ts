import { describe, expect, test } from 'vitest';
import { createPageUrl, paginate } from '../../src/site/paginate.js';

/** `n` items, newest first: `a<n>` is the newest, `a1` the oldest. */
const items = (n: number): string[] => Array.from({ length: n }, (_, index) => `a${n - index}`);

describe('paginate', () => {
  test('gives an empty listing one empty front page without navigation', () => {
    expect(paginate([], 3, '/tag/x/')).toEqual([
      {
        items: [],
        pagination: {
          number: 0,
          url: '/tag/x/',
          frontUrl: '/tag/x/',
          newer: undefined,
          older: undefined,
          numbered: [],
          oldest: undefined,
        },
        after: undefined,
        newest: undefined,
      },
    ]);
  });

  test('fits up to perPage items on the front page alone', () => {
    const pages = paginate(items(3), 3, '/tag/x/');
    expect(pages).toHaveLength(1);
    expect(pages[0]?.items).toEqual(['a3', 'a2', 'a1']);
    expect(pages[0]?.pagination.older).toBeUndefined();
  });

  test('numbers archive pages from the oldest, the newest one partial, the front page always full', () => {
    const pages = paginate(items(7), 3, '/tag/x/');
    expect(pages.map((page) => [page.pagination.url, page.items])).toEqual([
      ['/tag/x/', ['a7', 'a6', 'a5']],
      ['/tag/x/page/1/', ['a3', 'a2', 'a1']],
      ['/tag/x/page/2/', ['a6', 'a5', 'a4']],
      ['/tag/x/page/3/', ['a7']],
    ]);
    // From the front page, "older" goes to the first page holding an article the front page does not show.
    expect(pages[0]?.pagination.older).toBe('/tag/x/page/2/');
    expect(pages.map((page) => page.pagination.newer)).toEqual([
      undefined,
      '/tag/x/page/2/',
      '/tag/x/page/3/',
      '/tag/x/',
    ]);
    expect(pages.map((page) => page.pagination.older)).toEqual([
      '/tag/x/page/2/',
      undefined,
      '/tag/x/page/1/',
      '/tag/x/page/2/',
    ]);
  });

  test('leaves every archive page but the newest as it was when newer items arrive', () => {
    const before = paginate(items(40), 3, '/tag/x/');
    for (const added of [1, 2, 3, 7]) {
      const after = paginate(items(40 + added), 3, '/tag/x/');
      const byUrl = new Map(after.map((page) => [page.pagination.url, page]));
      const changed = before.filter((page) => JSON.stringify(byUrl.get(page.pagination.url)) !== JSON.stringify(page));
      const newest = before[before.length - 1]?.pagination.url;
      expect(changed.map((page) => page.pagination.url).sort()).toEqual(['/tag/x/', newest].sort());
    }
  });

  test('links the next newer page, the current one, two older and the oldest, with a gap only where pages are left out', () => {
    const pages = paginate(items(60), 3, '/tag/x/');
    const page = (number: number) => pages.find((candidate) => candidate.pagination.number === number)?.pagination;
    expect(page(10)?.numbered.map((link) => link.number)).toEqual([11, 10, 9, 8]);
    expect(page(10)?.oldest).toBe('/tag/x/page/1/');
    // Close to the oldest: every page down to 1, no separate oldest link.
    expect(page(4)?.numbered.map((link) => link.number)).toEqual([5, 4, 3, 2, 1]);
    expect(page(4)?.oldest).toBeUndefined();
    expect(page(20)?.numbered.map((link) => link.number)).toEqual([20, 19, 18]);
    expect(pages[0]?.pagination.numbered.map((link) => link.number)).toEqual([19, 18, 17]);
  });

  test('puts the home page listing at the root', () => {
    expect(paginate(items(5), 2, '/').map((page) => page.pagination.url)).toEqual([
      '/',
      '/page/1/',
      '/page/2/',
      '/page/3/',
    ]);
  });
});

describe('createPageUrl', () => {
  test('puts archive pages under page/N/ of the listing', () => {
    expect(createPageUrl('/2016/09/', 1)).toBe('/2016/09/page/1/');
    expect(createPageUrl('/2016/09/', 12)).toBe('/2016/09/page/12/');
  });
});
