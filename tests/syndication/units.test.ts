import { describe, expect, it } from 'vitest';
import { createArticleGuid } from '../../src/syndication/create-article-guid.js';
import { formatRfc822 } from '../../src/syndication/format-rfc822.js';
import { createNewsLanguage } from '../../src/syndication/news-language.js';
import { absolutizeHtml, rebaseHtml } from '../../src/url/absolutize-html.js';
import { serializeJsonLd } from '../../src/view/serialize-json-ld.js';

const address = { baseUrl: 'https://host.example/warta/', basePath: '/warta/' };

describe('absolutizeHtml', () => {
  it('makes site-relative, relative, fragment and srcset URLs absolute and leaves others alone', () => {
    const html = absolutizeHtml(
      '<p><a href="/x/">a</a> <a href="#n">b</a> <a href="mailto:a@b.id">c</a> <a href="https://other.example/">d</a></p><img src="pic.jpg" srcset="/s.jpg 1x, /l.jpg 2x" alt="">',
      'https://host.example/warta/ekonomi/y/',
      address,
    );
    expect(html).toContain('href="https://host.example/warta/x/"');
    expect(html).toContain('href="https://host.example/warta/ekonomi/y/#n"');
    expect(html).toContain('href="mailto:a@b.id"');
    expect(html).toContain('href="https://other.example/"');
    expect(html).toContain('src="https://host.example/warta/ekonomi/y/pic.jpg"');
    expect(html).toContain('srcset="https://host.example/warta/s.jpg 1x, https://host.example/warta/l.jpg 2x"');
  });

  it('does not touch URL-like text outside attributes', () => {
    expect(absolutizeHtml('<p>href="/x/"</p>', 'https://host.example/warta/', address)).toBe('<p>href="/x/"</p>');
  });

  it('gives the same result whether or not the fragment needs rewriting', () => {
    const absolute =
      '<p>Baca <a href="https://other.example/a?b=1&#x26;c=2">ini</a> &#x26; <img src="https://cdn.example/i.jpg" alt="x"></p>';
    expect(absolutizeHtml(absolute, 'https://host.example/warta/', address)).toBe(absolute);
    const mixed = `${absolute}<a href="/y/">y</a>`;
    expect(absolutizeHtml(mixed, 'https://host.example/warta/', address)).toBe(
      `${absolute}<a href="https://host.example/warta/y/">y</a>`,
    );
    expect(absolutizeHtml('<a href=" /z/">z</a>', 'https://host.example/warta/', address)).toBe(
      '<a href="https://host.example/warta/z/">z</a>',
    );
  });
});

describe('rebaseHtml', () => {
  it('prefixes root-relative URLs with the base path only', () => {
    expect(rebaseHtml('<a href="/x/">a</a><a href="//cdn.example/a">b</a><a href="y/">c</a>', '/warta/')).toBe(
      '<a href="/warta/x/">a</a><a href="//cdn.example/a">b</a><a href="y/">c</a>',
    );
    expect(rebaseHtml('<a href="/x/">a</a>', '/')).toBe('<a href="/x/">a</a>');
  });
});

describe('createArticleGuid', () => {
  it('is a version 5 UUID URN that depends on the site and the article id only', () => {
    const guid = createArticleGuid('https://host.example/', 'abc');
    expect(guid).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(createArticleGuid('https://host.example/', 'abc')).toBe(guid);
    expect(createArticleGuid('https://host.example/', 'abd')).not.toBe(guid);
    expect(createArticleGuid('https://other.example/', 'abc')).not.toBe(guid);
  });
});

describe('formatRfc822', () => {
  it('keeps the wall time and offset of the site time zone', () => {
    expect(formatRfc822({ time: Date.parse('2026-11-10T09:15:00+07:00'), iso: '2026-11-10T09:15:00+07:00' })).toBe(
      'Tue, 10 Nov 2026 09:15:00 +0700',
    );
    expect(formatRfc822({ time: Date.parse('2026-01-01T00:00:00Z'), iso: '2026-01-01T00:00:00Z' })).toBe(
      'Thu, 01 Jan 2026 00:00:00 +0000',
    );
    expect(formatRfc822({ time: Date.parse('2026-03-08T22:00:00-05:30'), iso: '2026-03-08T22:00:00-05:30' })).toBe(
      'Sun, 08 Mar 2026 22:00:00 -0530',
    );
  });
});

describe('createNewsLanguage', () => {
  it('gives the ISO 639 code Google News accepts', () => {
    expect(createNewsLanguage('id-ID')).toBe('id');
    expect(createNewsLanguage('en')).toBe('en');
    expect(createNewsLanguage('zh-TW')).toBe('zh-tw');
    expect(createNewsLanguage('zh-Hans')).toBe('zh-cn');
    expect(createNewsLanguage('fil')).toBe('fil');
  });
});

describe('serializeJsonLd', () => {
  it('escapes every character that could end the script element and reads back unchanged', () => {
    const value = { headline: `</script><!-- & "q" 'q' \u2028` };
    const text = serializeJsonLd(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
