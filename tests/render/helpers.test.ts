import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { builtInStrings } from '../../src/i18n/strings.js';
import { registerHelpers, translate } from '../../src/render/helpers.js';

function renderWith(source: string, context: unknown, strings: Record<string, string> = {}): string {
  const hbs = Handlebars.create();
  registerHelpers(hbs, {
    and: 'dan',
    pageOf: 'Halaman {current} dari {total}',
    articleCount: '{count} articles',
    articleCountOne: 'one article',
    ...strings,
  });
  return hbs.compile(source)(context);
}

describe('registerHelpers', () => {
  it('translates a key and fills placeholders from the hash', () => {
    expect(renderWith('{{t "pageOf" current=p.current total=p.total}}', { p: { current: 2, total: 9 } })).toBe(
      'Halaman 2 dari 9',
    );
  });

  it('uses the ".one" string when count is 1', () => {
    expect(renderWith('{{t "articleCount" count=1}} / {{t "articleCount" count=4}}', {})).toBe(
      'one article / 4 articles',
    );
  });

  it('prints the key itself for an unknown string and keeps unfilled placeholders', () => {
    expect(renderWith('{{t "nope"}} {{t "pageOf" current=1}}', {})).toBe('nope Halaman 1 dari {total}');
  });

  it('says how to call t when it is given no key or two', () => {
    expect(() => renderWith('{{t}}', {})).toThrow('{{t}} takes one key, as in {{t "readMore"}}; it was given 0');
    expect(() => renderWith('{{t "a" "b"}}', {})).toThrow('it was given 2');
  });

  it('escapes translated text like any other value', () => {
    expect(renderWith('{{t "greet" name=n}}', { n: '<b>' }, { greet: 'Hi {name}' })).toBe('Hi &lt;b&gt;');
  });

  it('joins author links with commas and the locale\'s "and"', () => {
    const authors = [
      { name: 'Ani', url: '/a/ani/' },
      { name: 'Budi', url: '/a/budi/' },
      { name: 'Citra', url: '/a/citra/' },
    ];
    expect(renderWith('{{join-names authors}}', { authors })).toBe(
      '<a href="/a/ani/" dir="auto">Ani</a>, <a href="/a/budi/" dir="auto">Budi</a> dan <a href="/a/citra/" dir="auto">Citra</a>',
    );
    expect(renderWith('{{join-names authors}}', { authors: authors.slice(0, 1) })).toBe(
      '<a href="/a/ani/" dir="auto">Ani</a>',
    );
  });

  it('escapes names and URLs in the author links it builds', () => {
    const html = renderWith('{{join-names authors}}', { authors: [{ name: '<script>x</script>', url: '/a/"x"/' }] });
    expect(html).toBe('<a href="/a/&quot;x&quot;/" dir="auto">&lt;script&gt;x&lt;/script&gt;</a>');
  });

  it('offers eq, gt, and, or and not for conditions, treating empty lists as false', () => {
    const source =
      '{{#if (eq a 1)}}E{{/if}}{{#if (gt a 0)}}G{{/if}}{{#if (and a list)}}A{{/if}}{{#if (or 0 list)}}O{{/if}}{{#if (not list)}}N{{/if}}';
    expect(renderWith(source, { a: 1, list: [] })).toBe('EGN');
    expect(renderWith(source, { a: 2, list: [1] })).toBe('GAO');
  });
});

describe('translate', () => {
  it('does not read inherited properties as strings', () => {
    expect(translate([{}], 'toString', {})).toBe('toString');
  });
});

describe('translate with several dictionaries', () => {
  it('takes each key from the first dictionary that has it', () => {
    const page = { and: 'und' };
    const renderer = { and: 'and', latest: 'Latest' };
    expect(translate([page, renderer], 'and', {})).toBe('und');
    expect(translate([page, renderer], 'latest', {})).toBe('Latest');
  });
});

describe('strings from the page', () => {
  it("prefers the view's site.strings over the strings the helpers were registered with", () => {
    expect(renderWith('{{t "and"}}', { site: { strings: { and: 'y' } } })).toBe('y');
    expect(renderWith('{{t "and"}}', { site: {} })).toBe('dan');
  });
});

describe('plural forms and digits of the page locale', () => {
  const arabic = { site: { locale: 'ar', strings: builtInStrings['ar'] } };

  it("picks the Arabic string of each count's plural category: none, one, the dual, 3–10, 11–99, 100", () => {
    const counts = [0, 1, 2, 3, 10, 11, 99, 100];
    const rendered = counts.map((count) => renderWith('{{t "articlesCount" count=n}}', { ...arabic, n: count }));
    expect(rendered).toEqual([
      'لا مقالات',
      'مقالة واحدة',
      'مقالتان',
      '3 مقالات',
      '10 مقالات',
      '11 مقالة',
      '99 مقالة',
      '100 مقالة',
    ]);
  });

  it("writes numbers in the locale's digits, without grouping", () => {
    const egypt = { site: { locale: 'ar-EG', strings: builtInStrings['ar'] } };
    expect(renderWith('{{t "articlesCount" count=5}} · {{t "archivePage" number=2026}}', egypt)).toBe(
      '٥ مقالات · الصفحة ٢٠٢٦',
    );
    expect(renderWith('{{t "articleCount" count=2026}}', { site: { locale: 'en-US' } })).toBe('2026 articles');
  });

  it('keeps a keyOne string for 1 in a language whose rules have no "one" (an Indonesian override)', () => {
    const site = { locale: 'id-ID', strings: { articlesCount: '{count} artikel', articlesCountOne: 'satu artikel' } };
    expect(renderWith('{{t "articlesCount" count=1}} / {{t "articlesCount" count=2}}', { site })).toBe(
      'satu artikel / 2 artikel',
    );
  });

  it('joins Arabic names with و written onto each following name, without commas', () => {
    const authors = ['أحمد', 'سارة', 'محمد'].map((name, index) => ({ name, url: `/a/${index}/` }));
    expect(renderWith('{{join-names authors}}', { ...arabic, authors })).toBe(
      '<a href="/a/0/" dir="auto">أحمد</a> و<a href="/a/1/" dir="auto">سارة</a> و<a href="/a/2/" dir="auto">محمد</a>',
    );
  });
});
