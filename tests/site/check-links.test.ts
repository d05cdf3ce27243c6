import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildSite } from '../../src/site/build-site.js';
import { checkLinks, isOtherHost } from '../../src/site/check-links.js';
import { displayPathOf, makeArticle, makeOptions } from './fixtures.js';

/** What the URL parser says: true when `written` parses and names another host than `base`. */
function parsedOtherHost(written: string, base: URL): boolean | 'unparsed' {
  try {
    return new URL(written).host !== base.host;
  } catch {
    return 'unparsed';
  }
}

describe('isOtherHost', () => {
  test('tells another site from this one without parsing, and leaves every unusual spelling to the parser', () => {
    const base = new URL('https://warta.example/');
    expect(isOtherHost('https://data.example.org/juga/812', base)).toBe(true);
    expect(isOtherHost('HTTP://Data.Example.ORG', base)).toBe(true);
    expect(isOtherHost('https://WARTA.example/ekonomi/', base)).toBe(false);
    for (const unusual of [
      'https://warta.example:443/',
      'https://user@warta.example/',
      'https://warta%2Eexample/',
      'https://wärta.example/',
      'https:\\\\warta.example/',
    ])
      expect(isOtherHost(unusual, base), unusual).toBe(false);
    // A site served from an address: the parser reads numeric hosts, so it decides.
    expect(isOtherHost('http://2130706433/', new URL('http://127.0.0.1/'))).toBe(false);
  });

  test('never says "another host" for a URL the parser reads as the site\'s own', () => {
    const hostChar = fc.constantFrom(...'aAwW.-0x9:@%[]\\\t ä'.split(''));
    const bases = ['https://warta.example/', 'http://localhost:8080/', 'https://a.b/berita/', 'http://127.0.0.1/'];
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.constantFrom('https://', 'http://', 'HTTPS://'),
        fc.array(hostChar, { maxLength: 16 }).map((chars) => chars.join('')),
        fc.constantFrom('', '/', '/x?y', '#z'),
        (baseText, scheme, host, rest) => {
          const base = new URL(baseText);
          const written = `${scheme}${host}${rest}`;
          if (isOtherHost(written, base)) expect(parsedOtherHost(written, base)).not.toBe(false);
        },
      ),
      { seed: 31, numRuns: 3000 },
    );
    // The site's own host, in every case, is never "another".
    for (const baseText of bases) {
      const base = new URL(baseText);
      expect(isOtherHost(`https://${base.host.toUpperCase()}/x`, base)).toBe(false);
    }
  });
});

describe('checkLinks', () => {
  test('warns about a link to a missing page of the site, however its host is spelled, and never about other sites', () => {
    const linking = makeArticle('tautan', {
      references: [
        { kind: 'link', url: 'https://data.example.org/tidak-ada/', place: { line: 8, column: 1 } },
        { kind: 'link', url: 'https://WARTA.example/ekonomi/hilang/', place: { line: 9, column: 1 } },
        { kind: 'link', url: 'https://warta.example/ekonomi/tautan/', place: { line: 10, column: 1 } },
      ],
    });
    const { site } = buildSite([linking], new Map(), makeOptions(), displayPathOf);
    const warnings = checkLinks({
      site,
      staticPaths: new Set(),
      config: {
        baseUrl: 'https://warta.example/',
        feeds: { limit: 10, content: 'full', tags: false, authors: false },
        images: {},
      },
      displayPathOf,
    });
    expect(warnings.map((warning) => `${warning.place?.line} ${warning.reason}`)).toEqual([
      '9 Link to https://WARTA.example/ekonomi/hilang/ resolves to nothing',
    ]);
  });
});

describe('checkLinks, what resolves', () => {
  test('a page by its URL however its folder is written, the 404 page, feeds, static files and redirects; nothing else', () => {
    // Each link, and whether it resolves.
    const links: [string, boolean][] = [
      ['/ekonomi/tautan', true],
      ['/ekonomi/tautan/', true],
      ['/ekonomi/tautan/index.html', true],
      ['https://warta.example/ekonomi/tautan/index.html', true],
      ['/404.html', true],
      ['/', true],
      ['/index.html', true],
      ['/ekonomi/feed.xml', true],
      ['/images/peta.jpg', true],
      ['/lama/', true],
      ['/ekonomi/tautan/index.htm', false],
      ['/ekonomi/tautan/lain/', false],
      ['/ekonomi/tautan/index.html/', false],
      ['/ekonomi/index.html/tautan/', false],
      ['/peta.jpg', false],
      ['/404.html/index.html', false],
    ];
    const references = links.map(([url], index) => ({
      kind: 'link' as const,
      url,
      place: { line: index + 1, column: 1 },
    }));
    const { site } = buildSite([makeArticle('tautan', { references })], new Map(), makeOptions(), displayPathOf);
    const warnings = checkLinks({
      site: { ...site, redirects: [{ from: '/lama/', to: '/ekonomi/tautan/', wildcard: false }] },
      staticPaths: new Set(['images/peta.jpg']),
      config: {
        baseUrl: 'https://warta.example/',
        feeds: { limit: 10, content: 'full', tags: false, authors: false },
        images: {},
      },
      displayPathOf,
    });
    expect(warnings.map((warning) => links[(warning.place?.line ?? 0) - 1]?.[0])).toEqual(
      links.filter(([, resolves]) => !resolves).map(([url]) => url),
    );
  });
});
