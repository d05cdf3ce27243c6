import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { prepareFeedEntry } from '../../src/syndication/feed-entry.js';
import type { Feed } from '../../src/syndication/feed-model.js';
import { renderRssFeed } from '../../src/syndication/rss-feed.js';
import { renderXmlDocument, xml } from '../../src/syndication/xml-document.js';
import { escapeXmlAttribute, escapeXmlText } from '../../src/syndication/xml-escape.js';

describe('renderXmlDocument', () => {
  it('puts each child element on its own line, two spaces deeper, with text on its element’s line', () => {
    const document = renderXmlDocument(
      xml('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' }, [
        xml('url', [xml('loc', 'https://warta.example.id/'), xml('lastmod', '2026-11-20T10:46:00+07:00')]),
      ]),
    );
    expect(document).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <url>',
        '    <loc>https://warta.example.id/</loc>',
        '    <lastmod>2026-11-20T10:46:00+07:00</lastmod>',
        '  </url>',
        '</urlset>',
      ].join('\n'),
    );
  });

  it('closes elements without content themselves, empty text included, and leaves out undefined attributes', () => {
    const document = renderXmlDocument(
      xml('feed', [
        xml('link', { rel: 'self', type: undefined, href: 'https://x.example/atom.xml' }),
        xml('summary', ''),
      ]),
    );
    expect(document.split('\n').slice(2, 4)).toEqual([
      '  <link rel="self" href="https://x.example/atom.xml"/>',
      '  <summary/>',
    ]);
  });
});

describe('escapeXmlText and escapeXmlAttribute', () => {
  it('write &, < and > as named references, and " too in attributes', () => {
    expect(escapeXmlText('Harga <naik> & "turun"')).toBe('Harga &lt;naik&gt; &amp; "turun"');
    expect(escapeXmlAttribute('a?b=1&c="2"<>')).toBe('a?b=1&amp;c=&quot;2&quot;&lt;&gt;');
  });

  it('escape an ampersand that already looks like a reference, so the text reads as written', () => {
    expect(escapeXmlText('Tom &amp; Jerry&nbsp;&#12;')).toBe('Tom &amp;amp; Jerry&amp;nbsp;&amp;#12;');
  });
});

describe('feeds with text that looks like markup', () => {
  it('stay well-formed and give back a title with &nbsp; exactly as it was written', async () => {
    const title = 'Sidang&nbsp;Kabinet &amp; <Rapat> "Terbuka"';
    const feed: Feed = {
      title: 'Warta & Co',
      description: '',
      language: 'id-ID',
      homeUrl: 'https://x.example/',
      urls: {
        rss: 'https://x.example/feed.xml',
        atom: 'https://x.example/atom.xml',
        json: 'https://x.example/feed.json',
      },
      updated: undefined,
      publisher: 'Warta',
      publisherUrl: 'https://x.example/',
      logoUrl: undefined,
      items: [
        prepareFeedEntry({
          id: 'urn:x',
          url: 'https://x.example/a/?b=1&c=2',
          title,
          summary: '',
          contentHtml: '<p>Isi &#x26; lainnya</p>',
          published: { iso: '2026-11-20T07:00:00+07:00', time: Date.parse('2026-11-20T00:00:00Z') },
          modified: { iso: '2026-11-20T07:00:00+07:00', time: Date.parse('2026-11-20T00:00:00Z') },
          authors: [],
          categories: [],
          image: undefined,
        }),
      ],
    };
    const parsed = await new Parser().parseString(renderRssFeed(feed));
    expect(parsed.title).toBe('Warta & Co');
    expect(parsed.items[0]?.title).toBe(title);
    expect(parsed.items[0]?.link).toBe('https://x.example/a/?b=1&c=2');
  });
});
