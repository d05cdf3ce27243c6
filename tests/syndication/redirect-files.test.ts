import { describe, expect, test } from 'vitest';
import type { Page, Redirect } from '../../src/site/site.js';
import {
  createRedirectFiles,
  planRedirectFiles,
  type RedirectFilesMemo,
} from '../../src/syndication/redirect-files.js';

// The redirect files as one group (issue 19): a site moved from WordPress has tens of thousands of old
// addresses, and a build keeps their files whole when the group's key is the last build's. The key must
// change with anything that changes a byte or a file of the group, and only then.

const CONFIG = {
  baseUrl: 'https://warta.example/',
  basePath: '/',
  locale: 'id-ID',
  strings: {},
  nginxRedirects: false,
};

const REDIRECTS: Redirect[] = [
  { from: '/arsip/berita-1.html', to: '/ekonomi/berita-1/', wildcard: false },
  { from: '/Ekonomi/Terbit/', to: '/ekonomi/berita-2/', wildcard: false },
  { from: '/lama/*', to: '/ekonomi/*', wildcard: true },
];

const pages = (...urls: string[]) => urls.map((url) => ({ url }) as Page);
const PAGES = pages('/', '/ekonomi/', '/ekonomi/berita-1/', '/ekonomi/berita-2/');

function keyOf(site: { redirects: Redirect[]; pages: Page[] }, config = CONFIG, own?: string): string | undefined {
  return planRedirectFiles(site, config, own)?.key;
}

describe('planRedirectFiles', () => {
  test('renders what createRedirectFiles makes: the rules, then a page at each exact old address', async () => {
    const group = planRedirectFiles({ redirects: REDIRECTS, pages: PAGES }, CONFIG, undefined);
    const files = await group?.render();
    expect(files).toEqual(createRedirectFiles({ redirects: REDIRECTS, pages: PAGES }, CONFIG, undefined));
    expect(files?.map((file) => file.path)).toEqual(['_redirects', 'arsip/berita-1.html', 'Ekonomi/Terbit/index.html']);
    expect(files?.[1]?.contents).toContain('content="0; url=https://warta.example/ekonomi/berita-1/"');
  });

  test('keeps its key while pages come and go away from the old addresses', () => {
    const before = keyOf({ redirects: REDIRECTS, pages: PAGES });
    expect(keyOf({ redirects: REDIRECTS, pages: [...PAGES, ...pages('/nasional/baru/', '/page/2/')] })).toBe(before);
    expect(keyOf({ redirects: REDIRECTS, pages: PAGES.slice(0, 2) })).toBe(before);
  });

  test('changes its key with a redirect, the site’s own rules, nginx’s map, or a page beside a redirect page', () => {
    const before = keyOf({ redirects: REDIRECTS, pages: PAGES });
    const moved = REDIRECTS.map((redirect, index) =>
      index === 0 ? { ...redirect, to: '/nasional/berita-1/' } : redirect,
    );
    expect(keyOf({ redirects: moved, pages: PAGES })).not.toBe(before);
    expect(keyOf({ redirects: REDIRECTS.slice(1), pages: PAGES })).not.toBe(before);
    expect(keyOf({ redirects: REDIRECTS, pages: PAGES }, CONFIG, '/ p=1 /ekonomi/ 301!\n')).not.toBe(before);
    expect(keyOf({ redirects: REDIRECTS, pages: PAGES }, { ...CONFIG, nginxRedirects: true })).not.toBe(before);
    // On a disk that ignores case this page and the redirect page of /Ekonomi/Terbit/ are one file: the page wins.
    const beside = { redirects: REDIRECTS, pages: [...PAGES, ...pages('/ekonomi/terbit/')] };
    expect(keyOf(beside)).not.toBe(before);
  });

  test('leaves out a redirect page a page has the file of but for letter case', async () => {
    const files = await planRedirectFiles(
      { redirects: REDIRECTS, pages: [...PAGES, ...pages('/ekonomi/terbit/')] },
      CONFIG,
      undefined,
    )?.render();
    expect(files?.map((file) => file.path)).toEqual(['_redirects', 'arsip/berita-1.html']);
  });

  test('takes a session’s memo while the redirects and pages are the same arrays, and works them out again when either is new', async () => {
    const memo: RedirectFilesMemo = {};
    const site = { redirects: REDIRECTS, pages: PAGES };
    const first = planRedirectFiles(site, CONFIG, undefined, memo);
    const listed = memo.last?.listed;
    expect(listed).toBeDefined();
    expect(planRedirectFiles(site, CONFIG, undefined, memo)?.key).toBe(first?.key);
    expect(memo.last?.listed).toBe(listed);
    // The same redirects beside new pages (a publish patch lays out a new list): one now has a redirect page's file.
    const beside = { redirects: REDIRECTS, pages: [...PAGES, ...pages('/ekonomi/terbit/')] };
    const next = planRedirectFiles(beside, CONFIG, undefined, memo);
    expect(memo.last?.listed).not.toBe(listed);
    expect(next?.key).toBe(keyOf(beside));
    expect((await next?.render())?.map((file) => file.path)).toEqual(['_redirects', 'arsip/berita-1.html']);
    // New redirects beside the same pages.
    const moved = { redirects: REDIRECTS.slice(1), pages: beside.pages };
    expect(planRedirectFiles(moved, CONFIG, undefined, memo)?.key).toBe(keyOf(moved));
  });

  test('is a group of the site’s own rules alone, and none without redirects or rules', async () => {
    expect(planRedirectFiles({ redirects: [], pages: PAGES }, CONFIG, undefined)).toBeUndefined();
    const own = planRedirectFiles({ redirects: [], pages: PAGES }, CONFIG, '/ p=1 /ekonomi/ 301!\n');
    expect(await own?.render()).toEqual([{ path: '_redirects', contents: '/ p=1 /ekonomi/ 301!\n' }]);
  });
});
