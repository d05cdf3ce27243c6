import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { articleSource, type BuiltSite, buildInMemory } from './build-in-memory.js';
import { IMAGE_SIZES, NOW, SITE_CONFIG, SITE_CONTENT, TRICKY_TITLE } from './site-fixture.js';

type MediaItem = {
  media?: { $: Record<string, string>; 'media:description'?: unknown[]; 'media:credit'?: unknown[] };
  contentEncoded?: string;
  creators?: string[];
};
const parser = new Parser<Record<string, unknown>, MediaItem>({
  customFields: {
    item: [
      ['media:content', 'media'],
      ['content:encoded', 'contentEncoded'],
      ['dc:creator', 'creators', { keepArray: true }],
    ],
  },
});

const build = (config: Record<string, unknown> = {}, inline = {}): Promise<BuiltSite> =>
  buildInMemory({ ...SITE_CONFIG, ...config }, SITE_CONTENT, {
    inline: { now: NOW, ...inline },
    imageSizes: IMAGE_SIZES,
  });

const textOf = (value: unknown): string =>
  Array.isArray(value)
    ? textOf(value[0])
    : typeof value === 'object' && value !== null && '_' in value
      ? String((value as { _: unknown })._)
      : String(value);

describe('RSS feed', () => {
  it('is read by a feed parser with escaped titles, stable guids, offsets and absolute content', async () => {
    const site = await build();
    const feed = await parser.parseString(site.file('feed.xml'));
    expect(feed.title).toBe('Warta Uji');
    expect(feed.items.map((item) => item.title)).toEqual([TRICKY_TITLE, 'Ekspor kopi naik']);
    const [first] = feed.items;
    expect(first?.guid).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first?.pubDate).toBe('Thu, 26 Nov 2026 10:00:00 +0700');
    expect(first?.link).toBe('https://uji.example/ekonomi/harga/');
    expect(first?.creators).toEqual(['Rani Kusumawardani']);
    expect(first?.categories).toEqual(['Ekonomi', 'Harga Pangan', 'Inflasi']);
    const html = first?.contentEncoded ?? '';
    expect(html).toContain('href="https://uji.example/ekonomi/lama/"');
    expect(html).toContain(`href="${first?.link}#user-content-catatan"`);
    expect(html).toContain(`src="${first?.link}grafik.png"`);
    expect(html).toContain('src="https://uji.example/images/logo.png"');
  });

  it('carries the lead image as Media RSS content with caption, credit and size', async () => {
    const feed = await parser.parseString((await build()).file('feed.xml'));
    const media = feed.items[0]?.media;
    expect(media?.$).toEqual({
      url: 'https://uji.example/images/cabai.jpg',
      medium: 'image',
      type: 'image/jpeg',
      width: '1200',
      height: '675',
    });
    expect(textOf(media?.['media:description'])).toBe('Cabai di pasar induk.');
    expect(textOf(media?.['media:credit'])).toBe('Foto Warta Uji');
  });

  it('never lists drafts, scheduled or expired articles, even in a preview build', async () => {
    const site = await build({}, { drafts: true, future: true });
    const titles = (await parser.parseString(site.file('feed.xml'))).items.map((item) => item.title);
    expect(titles).toEqual([TRICKY_TITLE, 'Ekspor kopi naik']);
  });

  it('keeps an article guid when its slug, title and date change', async () => {
    const before = await buildInMemory(
      SITE_CONFIG,
      { 'ekonomi/a.md': '---\ntitle: Satu\ndate: 2026-11-20 08:00\n---\nIsi.\n' },
      { inline: { now: NOW } },
    );
    const after = await buildInMemory(
      SITE_CONFIG,
      {
        'ekonomi/a.md':
          '---\ntitle: Dua\nslug: dua-baru\ndate: 2026-11-21 08:00\nupdated: 2026-11-22 08:00\n---\nIsi baru.\n',
      },
      { inline: { now: NOW } },
    );
    const guid = async (site: BuiltSite) => (await parser.parseString(site.file('feed.xml'))).items[0]?.guid;
    expect(await guid(after)).toBe(await guid(before));
    expect((await parser.parseString(after.file('feed.xml'))).items[0]?.link).toContain('/dua-baru/');
  });

  it('honours the item limit and the summary-only setting', async () => {
    const site = await build({ feeds: { limit: 1, content: 'summary' } });
    const feed = await parser.parseString(site.file('feed.xml'));
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]?.contentEncoded).toBeUndefined();
    expect(feed.items[0]?.contentSnippet).toBe('Ringkasan harga <cabai>.');
    const json = JSON.parse(site.file('feed.json')) as { items: Record<string, unknown>[] };
    expect(json.items[0]?.['content_text']).toBe('Ringkasan harga <cabai>.');
    expect(json.items[0]?.['content_html']).toBeUndefined();
  });

  it('fills every feed up to the limit with its newest live articles, past articles other feeds stopped at', async () => {
    const site = await build({ feeds: { limit: 1, tags: true, authors: true } }, { drafts: true, future: true });
    const titles = async (file: string) => (await parser.parseString(site.file(file))).items.map((item) => item.title);
    expect(await titles('feed.xml')).toEqual([TRICKY_TITLE]);
    // Bagus Pratama's newer articles are a draft and a scheduled one: his feed reaches back to the live one.
    expect(await titles('author/bagus-pratama/feed.xml')).toEqual(['Ekspor kopi naik']);
    expect(await titles('tag/ekspor/feed.xml')).toEqual(['Ekspor kopi naik']);
    expect(await titles('ekonomi/feed.xml')).toEqual([TRICKY_TITLE]);
  });

  it('writes a feed per section always, and per tag and author only when configured', async () => {
    const plain = await build();
    expect(plain.files.has('ekonomi/feed.xml')).toBe(true);
    expect(plain.files.has('tag/inflasi/feed.xml')).toBe(false);
    expect(plain.files.has('author/bagus-pratama/atom.xml')).toBe(false);
    const all = await build({ feeds: { tags: true, authors: true } });
    const tagFeed = await parser.parseString(all.file('tag/ekspor/feed.xml'));
    expect(tagFeed.items.map((item) => item.title)).toEqual(['Ekspor kopi naik']);
    const authorFeed = await parser.parseString(all.file('author/bagus-pratama/atom.xml'));
    expect(authorFeed.items.map((item) => item.title)).toEqual(['Ekspor kopi naik']);
  });
});

describe('Atom feed', () => {
  it('is read by a feed parser with the same ids as RSS and dates with offsets', async () => {
    const site = await build();
    const atom = await parser.parseString(site.file('atom.xml'));
    const rss = await parser.parseString(site.file('feed.xml'));
    expect(atom.title).toBe('Warta Uji');
    expect(atom.items.map((item) => item.title)).toEqual([TRICKY_TITLE, 'Ekspor kopi naik']);
    expect(atom.items.map((item) => (item as { id?: string }).id)).toEqual(rss.items.map((item) => item.guid));
    expect(atom.items[1]?.link).toBe('https://uji.example/ekonomi/lama/');
    const xml = site.file('atom.xml');
    expect(xml).toContain('<published>2026-11-20T08:00:00+07:00</published>');
    expect(xml).toContain('<updated>2026-11-26T08:00:00+07:00</updated>');
    expect(xml).toContain('<uri>https://uji.example/author/bagus-pratama/</uri>');
  });

  it('gives a feed with no entries the epoch as its date, not the build clock, so it stays the same from build to build', async () => {
    // A tag only a draft has: a preview shows its listing, and its feeds stay empty.
    const content = {
      ...SITE_CONTENT,
      'ekonomi/rencana.md': articleSource({
        title: 'Rencana',
        date: '2026-11-25 09:00',
        draft: 'true',
        tags: '[Draf]',
      }),
    };
    const at = (now: string) =>
      buildInMemory({ ...SITE_CONFIG, feeds: { tags: true } }, content, {
        inline: { now, drafts: true },
        imageSizes: IMAGE_SIZES,
      });
    const [first, later] = await Promise.all([at(NOW), at('2026-11-30T09:00:00+07:00')]);
    const atom = first.file('tag/draf/atom.xml');
    expect(atom).toContain('<updated>1970-01-01T00:00:00Z</updated>');
    expect((await parser.parseString(atom)).items).toEqual([]);
    for (const file of ['tag/draf/atom.xml', 'tag/draf/feed.xml', 'tag/draf/feed.json'])
      expect(later.file(file), file).toBe(first.file(file));
  });
});

describe('JSON Feed', () => {
  it('has the fields JSON Feed 1.1 requires, and absolute images and authors', async () => {
    const json = JSON.parse((await build()).file('feed.json')) as Record<string, unknown> & {
      items: Record<string, unknown>[];
    };
    expect(json['version']).toBe('https://jsonfeed.org/version/1.1');
    expect(json['title']).toBe('Warta Uji');
    expect(json['feed_url']).toBe('https://uji.example/feed.json');
    expect(json.items).toHaveLength(2);
    for (const item of json.items) {
      expect(typeof item['id']).toBe('string');
      expect(typeof item['content_html'] === 'string' || typeof item['content_text'] === 'string').toBe(true);
    }
    const [first, second] = json.items;
    expect(first?.['title']).toBe(TRICKY_TITLE);
    expect(first?.['image']).toBe('https://uji.example/images/cabai.jpg');
    expect(first?.['date_published']).toBe('2026-11-26T10:00:00+07:00');
    expect(second?.['date_modified']).toBe('2026-11-26T08:00:00+07:00');
    expect(second?.['authors']).toEqual([
      { name: 'Bagus Pratama', url: 'https://uji.example/author/bagus-pratama/' },
      { name: 'Rani Kusumawardani', url: 'https://uji.example/author/rani-kusumawardani/' },
    ]);
  });
});

describe('JSON Feed without a byline', () => {
  it("leaves the item's authors out, so the feed's own stand for it, rather than an empty list", async () => {
    const content = {
      ...SITE_CONTENT,
      'ekonomi/redaksi.md': articleSource({ title: 'Tanpa nama', date: '2026-11-26 11:00' }),
    };
    const site = await buildInMemory(SITE_CONFIG, content, { inline: { now: NOW }, imageSizes: IMAGE_SIZES });
    const json = JSON.parse(site.file('feed.json')) as { authors: unknown[]; items: Record<string, unknown>[] };
    const item = json.items.find((entry) => entry['title'] === 'Tanpa nama');
    expect(item).toBeDefined();
    expect(item).not.toHaveProperty('authors');
    expect(json.authors).toEqual([{ name: 'Warta Uji Media', url: 'https://uji.example/' }]);
  });

  it("gives the publisher the site's home in a section's feed too, not the section's listing", async () => {
    const json = JSON.parse((await build()).file('ekonomi/feed.json')) as Record<string, unknown>;
    expect(json['home_page_url']).toBe('https://uji.example/ekonomi/');
    expect(json['authors']).toEqual([{ name: 'Warta Uji Media', url: 'https://uji.example/' }]);
  });
});

describe('feed autodiscovery', () => {
  it('links the site feeds from every page and a section feed from its listing', async () => {
    const site = await build();
    for (const [file, html] of site.files) {
      if (!file.endsWith('.html')) continue;
      expect(html, file).toContain(
        '<link rel="alternate" type="application/rss+xml" title="Warta Uji (RSS)" href="/feed.xml">',
      );
      expect(html, file).toContain('type="application/feed+json"');
    }
    expect(site.file('ekonomi/index.html')).toContain('href="/ekonomi/atom.xml"');
  });
});
