import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articleSource, buildInMemory } from './build-in-memory.js';
import { IMAGE_SIZES, NOW, SITE_CONFIG, SITE_CONTENT, TRICKY_TITLE } from './site-fixture.js';

type Json = Record<string, unknown>;

async function page(outputPath: string) {
  const site = await buildInMemory(SITE_CONFIG, SITE_CONTENT, { inline: { now: NOW }, imageSizes: IMAGE_SIZES });
  const { document } = parseHTML(site.file(outputPath));
  const meta = (key: string) =>
    [...document.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((node) =>
      node.getAttribute('content'),
    );
  const jsonLd = [...document.querySelectorAll('script[type="application/ld+json"]')].map(
    (node) => JSON.parse(node.textContent ?? '') as Json,
  );
  const ofType = (type: string) => jsonLd.find((data) => data['@type'] === type);
  return { document, meta, jsonLd, ofType };
}

describe('head metadata of an article page', () => {
  it('prints a hostile title intact in the title, Open Graph and JSON-LD', async () => {
    const { document, meta, ofType } = await page('ekonomi/harga/index.html');
    expect(document.querySelector('title')?.textContent).toBe(TRICKY_TITLE);
    expect(meta('og:title')).toEqual([TRICKY_TITLE]);
    expect(ofType('NewsArticle')?.['headline']).toBe(TRICKY_TITLE);
    expect(document.querySelectorAll('head b')).toHaveLength(0);
  });

  it('never lets a value end the JSON-LD script early', async () => {
    const site = await buildInMemory(SITE_CONFIG, SITE_CONTENT, { inline: { now: NOW } });
    const html = site.file('ekonomi/harga/index.html');
    const scripts = html.match(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g) ?? [];
    expect(scripts).toHaveLength(2);
    for (const script of scripts) {
      const inner = script.slice('<script type="application/ld+json">'.length, -'</script>'.length);
      expect(inner).not.toContain('<');
      expect(JSON.parse(inner)).toBeTypeOf('object');
    }
    expect(html).toContain('\\u003c/script\\u003e');
  });

  it('describes the article with Open Graph, article and Twitter tags', async () => {
    const { meta } = await page('ekonomi/lama/index.html');
    expect(meta('og:type')).toEqual(['article']);
    expect(meta('og:url')).toEqual(['https://uji.example/ekonomi/lama/']);
    expect(meta('og:site_name')).toEqual(['Warta Uji']);
    expect(meta('og:locale')).toEqual(['id_ID']);
    expect(meta('article:published_time')).toEqual(['2026-11-20T08:00:00+07:00']);
    expect(meta('article:modified_time')).toEqual(['2026-11-26T08:00:00+07:00']);
    expect(meta('article:section')).toEqual(['Ekonomi']);
    expect(meta('article:tag')).toEqual(['Ekspor']);
    expect(meta('article:author')).toEqual([
      'https://uji.example/author/bagus-pratama/',
      'https://uji.example/author/rani-kusumawardani/',
    ]);
    expect(meta('robots')).toEqual(['index, follow, max-image-preview:large']);
  });

  it('writes og:locale as language_TERRITORY, without the script subtag of a Chinese locale', async () => {
    const config = { ...SITE_CONFIG, locale: 'zh-Hant-TW' };
    const site = await buildInMemory(config, SITE_CONTENT, { inline: { now: NOW }, imageSizes: IMAGE_SIZES });
    const { document } = parseHTML(site.file('ekonomi/lama/index.html'));
    expect(document.documentElement.getAttribute('lang')).toBe('zh-Hant-TW');
    expect(document.querySelector('meta[property="og:locale"]')?.getAttribute('content')).toBe('zh_TW');
  });

  it('gives the lead image absolute with its measured size, and a large Twitter card', async () => {
    const { meta, document } = await page('ekonomi/harga/index.html');
    expect(meta('og:image')).toEqual(['https://uji.example/images/cabai.jpg']);
    expect(meta('og:image:width')).toEqual(['1200']);
    expect(meta('og:image:height')).toEqual(['675']);
    expect(meta('twitter:card')).toEqual(['summary_large_image']);
    // X falls back to the Open Graph title, description and image: the page does not repeat them.
    expect(meta('twitter:title')).toEqual([]);
    expect(meta('twitter:image')).toEqual([]);
    const lead = document.querySelector('main img[src="/images/cabai.jpg"]');
    expect(lead?.getAttribute('width')).toBe('1200');
  });

  it('keeps a small lead image on a summary card, which X draws it on; the large card needs 300 × 157', async () => {
    const sizes = new Map([...IMAGE_SIZES, ['/images/cabai.jpg', { width: 280, height: 158 }]]);
    const site = await buildInMemory(SITE_CONFIG, SITE_CONTENT, { inline: { now: NOW }, imageSizes: sizes });
    const { document } = parseHTML(site.file('ekonomi/harga/index.html'));
    expect(document.querySelector('meta[property="og:image:width"]')?.getAttribute('content')).toBe('280');
    expect(document.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe('summary');
  });

  it('carries NewsArticle and BreadcrumbList structured data in the shape Google documents', async () => {
    const { ofType } = await page('ekonomi/lama/index.html');
    const article = ofType('NewsArticle');
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      headline: 'Ekspor kopi naik',
      datePublished: '2026-11-20T08:00:00+07:00',
      dateModified: '2026-11-26T08:00:00+07:00',
      author: [
        { '@type': 'Person', name: 'Bagus Pratama', url: 'https://uji.example/author/bagus-pratama/' },
        { '@type': 'Person', name: 'Rani Kusumawardani', url: 'https://uji.example/author/rani-kusumawardani/' },
      ],
      publisher: {
        '@type': 'Organization',
        name: 'Warta Uji Media',
        logo: { '@type': 'ImageObject', url: 'https://uji.example/images/logo.png', width: 600, height: 60 },
      },
      articleSection: 'Ekonomi',
      keywords: 'Ekspor',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://uji.example/ekonomi/lama/' },
      correction: [
        {
          '@type': 'CorrectionComment',
          text: 'Angka ekspor <2025> diperbaiki.',
          datePublished: '2026-11-26T08:00:00+07:00',
        },
      ],
    });
    expect(typeof article?.['description']).toBe('string');
    const crumbs = ofType('BreadcrumbList')?.['itemListElement'] as Json[];
    expect(crumbs.map((crumb) => crumb['item'])).toEqual([
      'https://uji.example/',
      'https://uji.example/ekonomi/',
      'https://uji.example/ekonomi/lama/',
    ]);
    expect(crumbs.map((crumb) => crumb['position'])).toEqual([1, 2, 3]);
  });

  it('names the publisher as the author of an article without a byline, not an empty author list', async () => {
    const content = {
      ...SITE_CONTENT,
      'ekonomi/redaksi.md': articleSource({ title: 'Tanpa nama', date: '2026-11-26 11:00' }),
    };
    const site = await buildInMemory(SITE_CONFIG, content, { inline: { now: NOW }, imageSizes: IMAGE_SIZES });
    const { document } = parseHTML(site.file('ekonomi/redaksi/index.html'));
    const data = [...document.querySelectorAll('script[type="application/ld+json"]')].map(
      (node) => JSON.parse(node.textContent ?? '') as Json,
    );
    expect(data.find((node) => node['@type'] === 'NewsArticle')?.['author']).toEqual([
      { '@type': 'Organization', name: 'Warta Uji Media', url: 'https://uji.example/' },
    ]);
  });

  it('includes the dateline and an absolute image on an article that has them', async () => {
    const { ofType } = await page('ekonomi/harga/index.html');
    expect(ofType('NewsArticle')).toMatchObject({
      dateline: 'Jakarta',
      image: ['https://uji.example/images/cabai.jpg'],
    });
  });
});

describe('head metadata of other pages', () => {
  it('marks the home page as a WebSite with website Open Graph', async () => {
    const { meta, ofType } = await page('index.html');
    expect(meta('og:type')).toEqual(['website']);
    expect(ofType('WebSite')).toMatchObject({ name: 'Warta Uji', url: 'https://uji.example/' });
  });

  it('marks author pages as a ProfilePage about a Person', async () => {
    const { ofType } = await page('author/bagus-pratama/index.html');
    expect(ofType('ProfilePage')).toMatchObject({
      mainEntity: { '@type': 'Person', name: 'Bagus Pratama', url: 'https://uji.example/author/bagus-pratama/' },
    });
  });

  it("shows an author's avatar on a summary card, not cut to a large card's 2:1", async () => {
    const profile = '---\nname: Bagus Pratama\navatar: /images/bagus.jpg\n---\nWartawan.\n';
    const content = { ...SITE_CONTENT, 'authors/bagus-pratama.md': profile };
    const sizes = new Map([...IMAGE_SIZES, ['/images/bagus.jpg', { width: 600, height: 600 }]]);
    const site = await buildInMemory(SITE_CONFIG, content, { inline: { now: NOW }, imageSizes: sizes });
    const { document } = parseHTML(site.file('author/bagus-pratama/index.html'));
    expect(document.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(
      'https://uji.example/images/bagus.jpg',
    );
    expect(document.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe('summary');
  });

  it('marks section, tag and archive listings as a CollectionPage listing absolute article URLs', async () => {
    for (const file of ['ekonomi/index.html', 'tag/ekspor/index.html', '2026/11/index.html']) {
      const { ofType } = await page(file);
      const collection = ofType('CollectionPage');
      const items = ((collection?.['mainEntity'] ?? {}) as Json)['itemListElement'] as Json[] | undefined;
      expect(items?.length, file).toBeGreaterThan(0);
      for (const item of items ?? []) expect(String(item['url']), file).toMatch(/^https:\/\/uji\.example\/.+\/$/);
    }
  });

  it('keeps the 404 page and drafts out of indexes', async () => {
    expect((await page('404.html')).meta('robots')).toEqual(['noindex']);
    const site = await buildInMemory(SITE_CONFIG, SITE_CONTENT, { inline: { now: NOW, drafts: true } });
    const { document } = parseHTML(site.file('nasional/draf/index.html'));
    expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  });
});
