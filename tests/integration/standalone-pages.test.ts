import { describe, expect, it } from 'vitest';
import { isNewsgenError, type NewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { buildInMemory } from '../helpers/build-in-memory.js';

const SITE = {
  title: 'Warta Uji',
  locale: 'id-ID',
  timeZone: 'Asia/Jakarta',
  baseUrl: 'https://warta.example/',
  sections: [{ slug: 'nasional', name: 'Nasional' }],
};

function story(fields: Record<string, string>, body = 'Warga berkumpul di balai desa.\n'): string {
  const all: Record<string, string> = { title: 'Berita Uji', date: '2026-11-10 08:00', author: 'Sari', ...fields };
  return `---\n${Object.entries(all)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n')}\n---\n\n${body}`;
}

function page(fields: Record<string, string>, body = 'Kami adalah redaksi yang bekerja untuk publik.\n'): string {
  return `---\n${Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n')}\n---\n\n${body}`;
}

async function buildError(content: Record<string, string>, config: Record<string, unknown> = SITE) {
  try {
    await buildInMemory(content, config);
  } catch (error) {
    if (isNewsgenError(error)) return error as NewsgenError;
    throw error;
  }
  throw new Error('Expected the build to fail');
}

describe('standalone pages', () => {
  it('publishes content/pages files at their path, nested folders included, with WebPage JSON-LD and breadcrumbs', async () => {
    const site = await buildInMemory(
      {
        'nasional/banjir.md': story({ title: 'Banjir' }),
        'pages/redaksi.md': page({ title: 'Redaksi', summary: 'Susunan redaksi kami.' }),
        'pages/tentang/index.md': page({ title: 'Tentang Kami' }),
        'pages/tentang/kontak.md': page({ title: 'Kontak', updated: '2026-11-01 09:00' }),
      },
      SITE,
    );
    const redaksi = site.dom('redaksi/index.html');
    expect(redaksi.querySelector('h1')?.textContent).toBe('Redaksi');
    expect(redaksi.querySelector('.page-summary')?.textContent).toBe('Susunan redaksi kami.');
    expect(redaksi.querySelector('.article-body')?.textContent).toContain('Kami adalah redaksi');
    const kontak = site.file('tentang/kontak/index.html');
    const jsonLd = [
      ...site.dom('tentang/kontak/index.html').querySelectorAll('script[type="application/ld+json"]'),
    ].map((script) => JSON.parse(script.textContent ?? '{}') as Record<string, unknown>);
    expect(jsonLd.map((node) => node['@type'])).toEqual(['WebPage', 'BreadcrumbList']);
    expect(jsonLd[0]).toMatchObject({ name: 'Kontak', dateModified: '2026-11-01T09:00:00+07:00' });
    expect(JSON.stringify(jsonLd[1])).toContain('https://warta.example/tentang/');
    expect(kontak).not.toContain('NewsArticle');
    expect(site.file('tentang/index.html')).toContain('Tentang Kami');
  });

  it('leaves pages out of feeds, listings, related and other news, the news sitemap and the home page, but puts them in the pages sitemap', async () => {
    const site = await buildInMemory(
      { 'nasional/banjir.md': story({ title: 'Banjir' }), 'pages/redaksi.md': page({ title: 'Redaksi Kami' }) },
      SITE,
    );
    for (const file of [
      'feed.xml',
      'atom.xml',
      'feed.json',
      'index.html',
      'nasional/index.html',
      'nasional/banjir/index.html',
    ])
      expect(site.file(file), file).not.toContain('Redaksi Kami');
    expect(site.file('sitemap-pages.xml')).toContain('<loc>https://warta.example/redaksi/</loc>');
    const news = [...site.files.keys()].filter((file) => file.startsWith('sitemap-news'));
    for (const file of news) expect(site.file(file)).not.toContain('/redaksi/');
    expect([...site.files.keys()].some((file) => file.startsWith('pages/'))).toBe(false);
  });

  it('builds draft pages only with --drafts, and keeps them out of the sitemap', async () => {
    const content = { 'nasional/a.md': story({}), 'pages/rahasia.md': page({ title: 'Rahasia', draft: 'true' }) };
    expect((await buildInMemory(content, SITE)).files.has('rahasia/index.html')).toBe(false);
    const drafts = await buildInMemory(content, SITE, { drafts: true });
    expect(drafts.file('rahasia/index.html')).toContain('noindex');
    expect(drafts.file('sitemap-pages.xml')).not.toContain('/rahasia/');
  });

  it('reports a page and an article with the same URL as an error naming both files', async () => {
    const error = await buildError({
      'nasional/a.md': story({}),
      'pages/nasional/banjir.md': page({ title: 'Halaman' }),
      'nasional/banjir.md': story({ title: 'Banjir' }),
    });
    const found = error.diagnostics.find((d) => d.ruleId === 'duplicate-url');
    expect(found?.file).toBe('content/pages/nasional/banjir.md');
    expect(found?.cause?.file).toBe('content/nasional/banjir.md');
    expect(found?.reason).toContain('/nasional/banjir/');
  });

  it('renders a page with the template its layout names, and rejects a layout the theme does not have at its key', async () => {
    const error = await buildError({
      'nasional/a.md': story({}),
      'pages/x.md': page({ title: 'X', layout: 'kontak' }),
    });
    expect(error.diagnostics[0]).toMatchObject({
      file: 'content/pages/x.md',
      ruleId: 'front-matter-layout',
      place: { line: 3, column: 9 },
    });
    const site = await buildInMemory(
      { 'nasional/a.md': story({}), 'pages/x.md': page({ title: 'X', layout: 'page' }) },
      SITE,
    );
    expect(site.file('x/index.html')).toContain('<h1 class="article-title"><span dir="auto">X</span></h1>');
  });

  it('gives templates the params of pages and articles untouched', async () => {
    const site = await buildInMemory(
      { 'nasional/a.md': story({ params: '{ sponsor: Bank Desa, rank: 3 }' }), 'pages/x.md': page({ title: 'X' }) },
      SITE,
    );
    const article = site.generated.site.articles[0];
    expect(article?.params).toEqual({ sponsor: 'Bank Desa', rank: 3 });
  });
});

describe('menus', () => {
  const content = {
    'nasional/a.md': story({}),
    'pages/redaksi.md': page({ title: 'Redaksi' }),
    'pages/tentang/index.md': page({ title: 'Tentang Kami', menu: 'footer' }),
  };

  it('lists the sections in the header without a main menu, and renders the configured main and footer menus with a submenu and aria-current', async () => {
    const plain = await buildInMemory(content, SITE);
    expect([...plain.dom('index.html').querySelectorAll('.site-nav a')].map((a) => a.textContent)).toEqual([
      'Nasional',
    ]);
    const site = await buildInMemory(content, {
      ...SITE,
      menus: {
        main: [
          { section: 'nasional', title: 'Berita' },
          { page: 'tentang', children: [{ page: 'redaksi' }, { title: 'Indeks', url: 'https://indeks.example/' }] },
        ],
        footer: [{ title: 'RSS', url: '/feed.xml' }],
      },
    });
    const doc = site.dom('redaksi/index.html');
    const header = [...doc.querySelectorAll('.site-nav a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(header).toEqual([
      ['Berita', '/nasional/'],
      ['Tentang Kami', '/tentang/'],
      ['Redaksi', '/redaksi/'],
      ['Indeks', 'https://indeks.example/'],
    ]);
    expect(doc.querySelector('.site-nav [aria-current="page"]')?.textContent).toBe('Redaksi');
    const footer = [...doc.querySelectorAll('.footer-menu a')].map((a) => a.textContent);
    expect(footer).toEqual(['RSS', 'Tentang Kami']);
  });

  it('lists a page once when the config names it and its front matter asks for the same menu', async () => {
    const site = await buildInMemory(content, {
      ...SITE,
      menus: { main: [{ section: 'nasional' }], footer: [{ page: 'tentang', title: 'Tentang' }] },
    });
    const footer = [...site.dom('index.html').querySelectorAll('.footer-menu a')].map((a) => a.textContent);
    expect(footer).toEqual(['Tentang']);
  });

  it('reports a menu entry that points at no page or section as an error at its config key', async () => {
    const error = await buildError(content, { ...SITE, menus: { footer: [{ page: 'pedoman' }, { section: 'bola' }] } });
    expect(error.diagnostics.map((d) => [d.file, d.ruleId, d.reason.match(/key `([^`]+)`/)?.[1]])).toEqual([
      ['newsgen.config.json', 'menu-target-missing', 'menus.footer.0.page'],
      ['newsgen.config.json', 'menu-target-missing', 'menus.footer.1.section'],
    ]);
    expect(error.diagnostics[0]?.place?.line).toBeGreaterThan(1);
  });
});

describe('front matter keys', () => {
  it('warns about an unknown key at its line and column, naming the nearest known key', async () => {
    const site = await buildInMemory(
      { 'nasional/a.md': story({ auther: 'Sari', tag: '[x]', imgae: '/a.jpg', zzzzzz: '1' }) },
      SITE,
    );
    const found = site.generated.warnings.filter((d) => d.ruleId === 'front-matter-unknown-key');
    expect(found.map((d) => [d.place?.line, d.place?.column, d.reason])).toEqual([
      [5, 1, 'Unknown key "auther", did you mean "author"?'],
      [6, 1, 'Unknown key "tag", did you mean "tags"?'],
      [7, 1, 'Unknown key "imgae", did you mean "image"?'],
      [8, 1, 'Unknown key "zzzzzz", ignored'],
    ]);
  });

  it('checks the keys of a page, of image and corrections mappings, and never the keys under params', async () => {
    const site = await buildInMemory(
      {
        'nasional/a.md': story({ image: '{ src: /a.jpg, atl: Foto }', params: '{ anything: 1 }' }),
        'pages/x.md': page({ title: 'X', date: '2026-11-01' }),
      },
      SITE,
    );
    const reasons = site.generated.warnings.filter((d) => d.ruleId === 'front-matter-unknown-key').map((d) => d.reason);
    expect(reasons).toEqual(['Unknown key "atl" in `image`, did you mean "alt"?', 'Unknown key "date", ignored']);
  });

  it('fails on warnings with strict: true, naming each of them', async () => {
    const error = await buildError({ 'nasional/a.md': story({ auther: 'Sari' }) }, { ...SITE, strict: true });
    expect(error.diagnostics.map((d) => [d.severity, d.ruleId])).toEqual([['error', 'front-matter-unknown-key']]);
  });
});

describe('featured articles', () => {
  it('lead the home page and their section until featuredUntil, the newest featured first, else the newest article leads', async () => {
    const content = {
      'nasional/lama.md': story({ title: 'Lama', date: '2026-11-01 08:00', featured: 'true' }),
      'nasional/lebih-lama.md': story({ title: 'Lebih Lama', date: '2026-10-01 08:00', featured: 'true' }),
      'nasional/baru.md': story({ title: 'Baru', date: '2026-11-20 08:00' }),
      'nasional/habis.md': story({
        title: 'Habis',
        date: '2026-11-15 08:00',
        featured: 'true',
        featuredUntil: '2026-11-16 08:00',
      }),
    };
    const site = await buildInMemory(content, SITE);
    const home = site.generated.site.pages.find((p) => p.kind === 'home' && p.url === '/');
    expect(home?.kind === 'home' && home.headline?.title).toBe('Lama');
    const section = site.generated.site.pages.find((p) => p.kind === 'list' && p.url === '/nasional/');
    expect(section?.kind === 'list' && section.lead?.title).toBe('Lama');
    expect(section?.kind === 'list' && section.articles.map((a) => a.title)).toEqual(['Baru', 'Habis', 'Lebih Lama']);
    expect(site.dom('nasional/index.html').querySelector('main .card-lead .card-title')?.textContent).toContain('Lama');
    const none = await buildInMemory(
      {
        'nasional/baru.md': story({ title: 'Baru' }),
        'nasional/x.md': story({ title: 'X', date: '2026-11-01 08:00' }),
      },
      SITE,
    );
    const plainHome = none.generated.site.pages.find((p) => p.kind === 'home' && p.url === '/');
    expect(plainHome?.kind === 'home' && plainHome.headline?.title).toBe('Baru');
  });
});

describe('redirects', () => {
  const content = {
    'nasional/banjir.md': story({ title: 'Banjir', aliases: '[/lama/banjir-semarang/, /berita/123.html]' }),
    'pages/redaksi.md': page({ title: 'Redaksi', redirect_from: 'https://warta.example/susunan-redaksi' }),
  };
  const config = {
    ...SITE,
    redirects: [
      { from: '/berita-lama/*', to: '/nasional/*' },
      { from: '/old/', to: '/lama/banjir-semarang/' },
    ],
  };

  it('writes _redirects lines and an HTML page at every exact old address, chains resolved, never in sitemaps', async () => {
    const site = await buildInMemory(content, config);
    expect(site.file('_redirects').split('\n').slice(1)).toEqual([
      '/berita/123.html /nasional/banjir/ 301',
      '/lama/banjir-semarang/ /nasional/banjir/ 301',
      '/old/ /nasional/banjir/ 301',
      '/susunan-redaksi /redaksi/ 301',
      '/berita-lama/* /nasional/:splat 301',
      '',
    ]);
    const moved = site.dom('lama/banjir-semarang/index.html');
    expect(moved.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://warta.example/nasional/banjir/',
    );
    expect(moved.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(moved.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
      '0; url=https://warta.example/nasional/banjir/',
    );
    expect(moved.querySelector('a')?.getAttribute('href')).toBe('https://warta.example/nasional/banjir/');
    expect(site.files.has('berita/123.html')).toBe(true);
    expect(site.files.has('susunan-redaksi/index.html')).toBe(true);
    expect(site.files.has('redirects.nginx.conf')).toBe(false);
    for (const file of [...site.files.keys()].filter((name) => name.startsWith('sitemap')))
      expect(site.file(file)).not.toMatch(/lama|susunan|old/);
  });

  it('writes an nginx map when asked', async () => {
    const site = await buildInMemory(content, { ...config, nginxRedirects: true });
    const map = site.file('redirects.nginx.conf');
    expect(map).toContain('"/lama/banjir-semarang/" "/nasional/banjir/";');
    expect(map).toContain('"/lama/banjir-semarang" "/nasional/banjir/";');
    expect(map).toContain('"~^/berita-lama/(.*)$" "/nasional/$1";');
  });

  it('reports an alias that is a page, an alias two files claim, one outside the site and a loop, naming both files', async () => {
    const error = await buildError(
      {
        'nasional/a.md': story({ title: 'A', aliases: '[/redaksi/, /sama/]' }),
        'nasional/b.md': story({ title: 'B', aliases: '[/sama/, "https://lain.example/x/"]' }),
        'pages/redaksi.md': page({ title: 'Redaksi' }),
      },
      {
        ...SITE,
        redirects: [
          { from: '/p/', to: '/q/' },
          { from: '/q/', to: '/p/' },
        ],
      },
    );
    const found = error.diagnostics.map((d) => [d.file, d.ruleId, d.cause?.file]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['content/nasional/a.md', 'alias-collision', 'content/pages/redaksi.md'],
        ['content/nasional/b.md', 'alias-collision', 'content/nasional/a.md'],
        ['content/nasional/b.md', 'alias-outside', undefined],
        ['newsgen.config.json', 'redirect-loop', undefined],
      ]),
    );
    expect(error.diagnostics.find((d) => d.ruleId === 'alias-collision')?.place).toEqual({ line: 5, column: 11 });
  });

  // Found by fuzzing: these built, and an nginx map then answered /sitemap.xml with the article.
  it('reports an alias or a redirect over a file the build writes: a sitemap, a feed, robots.txt, the nginx map, the marker, the theme files', async () => {
    const error = await buildError(
      {
        'nasional/a.md': story({
          title: 'A',
          aliases: '[/sitemap.xml, /sitemap-2026-11.xml, /nasional/feed.json, /robots.txt/, /latest.json]',
        }),
        'nasional/b.md': story({
          title: 'B',
          aliases: '["https://warta.example/feed.xml", /redirects.nginx.conf, /.newsgen-output]',
        }),
      },
      { ...SITE, nginxRedirects: true, redirects: [{ from: '/assets/*', to: '/baru/*' }] },
    );
    const found = error.diagnostics.map((d) => [d.file, d.ruleId, d.reason.replace(/.*, which /, ''), d.cause]);
    expect(found).toEqual([
      ['content/nasional/a.md', 'alias-collision', 'the generated file sitemap.xml already claims', undefined],
      ['content/nasional/a.md', 'alias-collision', 'the generated file sitemap-2026-11.xml already claims', undefined],
      ['content/nasional/a.md', 'alias-collision', 'the feed nasional/feed.json already claims', undefined],
      ['content/nasional/a.md', 'alias-collision', 'the generated file robots.txt already claims', undefined],
      ['content/nasional/a.md', 'alias-collision', 'the generated file latest.json already claims', undefined],
      ['content/nasional/b.md', 'alias-collision', 'the feed feed.xml already claims', undefined],
      ['content/nasional/b.md', 'alias-collision', 'the generated file redirects.nginx.conf already claims', undefined],
      ['content/nasional/b.md', 'alias-collision', 'the generated file .newsgen-output already claims', undefined],
      ['newsgen.config.json', 'alias-collision', "the theme's folder assets/ already claims", undefined],
    ]);
    expect(error.diagnostics[0]?.reason).toBe(
      'Unexpected alias "/sitemap.xml" at /sitemap.xml, which the generated file sitemap.xml already claims',
    );
  });

  it('decodes an alias copied from the address bar once, and refuses an escape that is no path character', async () => {
    const site = await buildInMemory(
      { 'nasional/banjir.md': story({ title: 'Banjir', aliases: '["/lama%20sekali/", "/kabar/%C3%BC-banjir/"]' }) },
      {
        ...SITE,
        nginxRedirects: true,
        redirects: [
          { from: '/arsip/*', to: '/berita-lama/*' },
          { from: '/berita-lama/*', to: '/nasional/*' },
        ],
      },
    );
    expect(site.file('_redirects').split('\n')).toEqual([
      '# Written by newsgen from aliases and the redirects setting.',
      '/kabar/%C3%BC-banjir/ /nasional/banjir/ 301',
      '/lama%20sekali/ /nasional/banjir/ 301',
      // A chain of folders is one hop too.
      '/berita-lama/* /nasional/:splat 301',
      '/arsip/* /nasional/:splat 301',
      '',
    ]);
    expect(site.files.has('lama sekali/index.html')).toBe(true);
    expect(site.files.has('kabar/ü-banjir/index.html')).toBe(true);
    expect(site.file('redirects.nginx.conf')).toContain('"/lama sekali/" "/nasional/banjir/";');

    const error = await buildError({
      'nasional/a.md': story({ title: 'A', aliases: '["/x%2Fy/", "/z%ZZ/", "/dua//garis/"]' }),
    });
    expect(error.diagnostics.map((d) => [d.ruleId, d.place?.line])).toEqual([
      ['front-matter-aliases', 5],
      ['front-matter-aliases', 5],
      ['front-matter-aliases', 5],
    ]);
  });

  it('takes an alias beside the generated files: a tag feed the config does not write, a folder next to the theme files, the nginx map of a site without one', async () => {
    const site = await buildInMemory(
      {
        'nasional/a.md': story({
          title: 'A',
          tags: '[banjir]',
          aliases: '[/tag/banjir/feed.xml, /assets-lama/, /peta.xml, /redirects.nginx.conf]',
        }),
      },
      { ...SITE, redirects: [{ from: '/aset/*', to: '/assets/*' }] },
    );
    expect(site.file('_redirects')).toContain('/tag/banjir/feed.xml /nasional/a/ 301');
    expect(site.file('_redirects')).toContain('/peta.xml /nasional/a/ 301');
  });
});

describe('links and images', () => {
  it('warns at its Markdown place about every link of the site that resolves to nothing, and about images without alt (images need the static listing, which an in-memory build lacks)', async () => {
    const body = [
      'Lihat [yang hilang](/nasional/tidak-ada/) dan [redaksi](/redaksi/).',
      '',
      'Juga [banjir](../banjir/), [alamat lama](/lama/banjir), [umpan](/feed.xml) dan [luar](https://lain.example/x/).',
      '',
      '[penuh](https://warta.example/nasional/hilang/) <img src="/images/tidak-ada.jpg">',
      '',
    ].join('\n');
    const site = await buildInMemory(
      {
        'nasional/banjir.md': story({ title: 'Banjir', aliases: '[/lama/banjir/]' }),
        'nasional/cek.md': story({ title: 'Cek', date: '2026-11-11 08:00' }, body),
        'pages/redaksi.md': page({ title: 'Redaksi' }, '![](/images/logo.png)\n'),
      },
      { ...SITE, images: false },
    );
    const found = site.generated.warnings
      .filter((d) => d.ruleId === 'link-broken' || d.ruleId === 'image-alt-missing')
      .map((d) => [d.file, d.place?.line, d.place?.column, d.ruleId, d.reason]);
    expect(found).toEqual([
      ['content/nasional/cek.md', 11, 49, 'image-alt-missing', expect.stringContaining('/images/tidak-ada.jpg')],
      ['content/pages/redaksi.md', 5, 1, 'image-alt-missing', expect.stringContaining('/images/logo.png')],
      ['content/nasional/cek.md', 7, 7, 'link-broken', 'Link to /nasional/tidak-ada/ resolves to nothing'],
      [
        'content/nasional/cek.md',
        11,
        1,
        'link-broken',
        'Link to https://warta.example/nasional/hilang/ resolves to nothing',
      ],
    ]);
  });

  it('fails on a broken link with --strict', async () => {
    const error = await buildError({ 'nasional/a.md': story({}, '[x](/tidak-ada/)\n') }, { ...SITE, strict: true });
    expect(error.diagnostics.map((d) => [d.severity, d.ruleId])).toEqual([['error', 'link-broken']]);
  });
});
