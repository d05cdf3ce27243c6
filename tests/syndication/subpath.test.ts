import { parseHTML } from 'linkedom';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { buildInMemory, validateSitemap } from './build-in-memory.js';
import { IMAGE_SIZES, NOW, SITE_CONFIG, SITE_CONTENT } from './site-fixture.js';

const BASE = 'https://example.github.io/warta/';
const build = () =>
  buildInMemory({ ...SITE_CONFIG, baseUrl: BASE }, SITE_CONTENT, { inline: { now: NOW }, imageSizes: IMAGE_SIZES });

describe('a site hosted under a path', () => {
  it('puts the path in page links, assets, canonical URLs, Open Graph and JSON-LD', async () => {
    const { document } = parseHTML((await build()).file('ekonomi/lama/index.html'));
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${BASE}ekonomi/lama/`);
    expect(document.querySelector('link[rel="stylesheet"][href$="/newsgen.css"]')?.getAttribute('href')).toBe(
      '/warta/assets/newsgen.css',
    );
    expect(document.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toBe('/warta/assets/tokens.css');
    expect(document.querySelector('link[type="application/rss+xml"]')?.getAttribute('href')).toBe('/warta/feed.xml');
    expect(document.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(`${BASE}ekonomi/lama/`);
    const hrefs = [...document.querySelectorAll('a[href^="/"]')].map((node) => node.getAttribute('href') ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((href) => !href.startsWith('/warta/'))).toEqual([]);
    const data = [...document.querySelectorAll('script[type="application/ld+json"]')]
      .map((node) => node.textContent ?? '')
      .join('\n');
    const urls = data.match(/https?:\/\/[^"\\]+/g) ?? [];
    expect(urls.filter((url) => url.startsWith('https://example.github.io/') && !url.startsWith(BASE))).toEqual([]);
    expect(data).toContain(`${BASE}author/bagus-pratama/`);
  });

  it('rebases root-relative links and images inside article bodies', async () => {
    const { document } = parseHTML((await build()).file('ekonomi/harga/index.html'));
    const body = document.querySelector('.article-body, article') ?? document.body;
    expect(body.querySelector('img[alt="Logo"]')?.getAttribute('src')).toBe('/warta/images/logo.png');
    expect(body.querySelector('a[href$="ekonomi/lama/"]')?.getAttribute('href')).toBe('/warta/ekonomi/lama/');
  });

  it('puts the path in feeds, sitemaps and robots.txt', async () => {
    const site = await build();
    const feed = await new Parser().parseString(site.file('feed.xml'));
    expect(feed.link).toBe(BASE);
    expect(feed.items[0]?.link).toBe(`${BASE}ekonomi/harga/`);
    expect(feed.items[0]?.['content:encoded'] ?? site.file('feed.xml')).toContain(`${BASE}images/logo.png`);
    const json = JSON.parse(site.file('feed.json')) as { feed_url: string; items: { image?: string }[] };
    expect(json.feed_url).toBe(`${BASE}feed.json`);
    expect(json.items[0]?.image).toBe(`${BASE}images/cabai.jpg`);
    expect(site.file('sitemap.xml')).toContain(`<loc>${BASE}sitemap-2026-11.xml</loc>`);
    expect(site.file('sitemap-2026-11.xml')).toContain(`<loc>${BASE}ekonomi/lama/</loc>`);
    expect(site.file('sitemap-pages.xml')).toContain(`<loc>${BASE}ekonomi/</loc>`);
    expect((await validateSitemap(site.file('sitemap-2026-11.xml'))).valid).toBe(true);
    expect(site.file('robots.txt')).toContain(`Sitemap: ${BASE}sitemap.xml`);
  });
});

describe('a site hosted under a path that is not ASCII (issue 25)', () => {
  const BASE_RAW = 'https://example.org/berita-ñ/';
  const BASE_ENCODED = 'https://example.org/berita-%C3%B1/';
  it('writes the path encoded once in canonical URLs, feeds, sitemaps and robots.txt', async () => {
    const site = await buildInMemory({ ...SITE_CONFIG, baseUrl: BASE_RAW }, SITE_CONTENT, {
      inline: { now: NOW },
      imageSizes: IMAGE_SIZES,
    });
    const { document } = parseHTML(site.file('ekonomi/lama/index.html'));
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${BASE_ENCODED}ekonomi/lama/`);
    expect(document.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(
      `${BASE_ENCODED}ekonomi/lama/`,
    );
    for (const file of ['feed.xml', 'atom.xml', 'feed.json', 'sitemap.xml', 'sitemap-pages.xml', 'robots.txt']) {
      expect(site.file(file), file).toContain(BASE_ENCODED);
      expect(site.file(file), file).not.toContain('%25');
    }
  });
});
