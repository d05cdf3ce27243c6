import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createAbsolutizer, createSiteUrl } from '../../src/url/site-url.js';

/** The site address of a base URL, as the config resolves it. */
function addressOf(baseUrl: string) {
  return { baseUrl, basePath: new URL(baseUrl).pathname };
}

/** What `absolute` gave before its shortcut: the URL parser's reading of the href against the base (or its error). */
function parsed(baseUrl: string, urlPath: string): string {
  const { href } = createSiteUrl(addressOf(baseUrl));
  return attempt(() => new URL(href(urlPath), baseUrl).href);
}

function attempt(make: () => string): string {
  try {
    return make();
  } catch (error) {
    return `throws ${(error as { code?: string }).code}`;
  }
}

const BASES = [
  'https://warta.example/',
  'https://a.b/berita/',
  'http://localhost:8080/',
  'https://user@warta.example:8443/x/',
  'https://warta.example/berita-%C3%B1/',
  'http://127.0.0.1/',
];

describe('createSiteUrl', () => {
  test('makes absolute URLs of plain paths, and leaves escapes, dot segments and `//` to the URL parser', () => {
    const url = createSiteUrl(addressOf('https://a.b/berita/'));
    expect(url.absolute('/nasional/banjir/')).toBe('https://a.b/berita/nasional/banjir/');
    expect(url.absolute('/sitemap-2016-09.xml')).toBe('https://a.b/berita/sitemap-2016-09.xml');
    expect(url.absolute('/日本/')).toBe('https://a.b/berita/%E6%97%A5%E6%9C%AC/');
    expect(url.absolute('/a/../b/')).toBe('https://a.b/berita/b/');
    expect(url.absolute('/a b/')).toBe('https://a.b/berita/a%20b/');
    // A path that starts with `//` names a host to the parser; the shortcut must not read it otherwise.
    expect(createSiteUrl(addressOf('https://warta.example/')).absolute('//lain.example/x')).toBe(
      'https://lain.example/x',
    );
    expect(createSiteUrl(addressOf('http://localhost:8080/')).absolute('/')).toBe('http://localhost:8080/');
  });

  test('gives exactly what the URL parser gives, for every path (property)', () => {
    const pathChar = fc.constantFrom(...'aZ09-._~/%?#\\ :@ñ日'.split(''), '..', '//', '/./', '/../');
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(pathChar, { maxLength: 12 }), (baseUrl, chars) => {
        const urlPath = `/${chars.join('')}`;
        expect(attempt(() => createSiteUrl(addressOf(baseUrl)).absolute(urlPath))).toBe(parsed(baseUrl, urlPath));
      }),
      { seed: 20261203, numRuns: 4000 },
    );
  });
});

describe('createAbsolutizer', () => {
  test('gives exactly what the URL parser gives for any href against the base (property)', () => {
    const hrefChar = fc.constantFrom(...'aZ09-._~/%?#\\ :@ñ日'.split(''), '..', '//', '/./', '/../', 'https://x.y/');
    fc.assert(
      fc.property(
        fc.constantFrom(...BASES),
        fc.constantFrom('', '/'),
        fc.array(hrefChar, { maxLength: 12 }),
        (baseUrl, start, chars) => {
          const href = start + chars.join('');
          expect(attempt(() => createAbsolutizer(baseUrl)(href))).toBe(attempt(() => new URL(href, baseUrl).href));
        },
      ),
      { seed: 20261206, numRuns: 4000 },
    );
  });

  test('joins a plain root-relative href to the origin, keeping the base path it carries', () => {
    const absolute = createAbsolutizer('https://a.b/berita/');
    expect(absolute('/berita/nasional/banjir/')).toBe('https://a.b/berita/nasional/banjir/');
    expect(absolute('/berita/images/foto.jpg')).toBe('https://a.b/berita/images/foto.jpg');
    expect(createAbsolutizer('http://localhost:8080/')('/')).toBe('http://localhost:8080/');
  });
});
