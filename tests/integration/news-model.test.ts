import { describe, expect, it } from 'vitest';
import { isNewsgenError, type NewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { buildInMemory, type MemoryBuild } from '../helpers/build-in-memory.js';

/** A site in Indonesian, as most newsrooms using newsgen run it. */
const SITE = { title: 'Warta Uji', locale: 'id-ID', timeZone: 'Asia/Jakarta', baseUrl: 'https://warta.example/' };

/** An article file: YAML lines by key (empty value drops the key), then the body. */
function story(
  fields: Record<string, string>,
  body = 'Warga berkumpul di balai desa untuk mendengar penjelasan petugas.\n',
): string {
  const all: Record<string, string> = {
    title: 'Berita Uji',
    date: '2026-11-10 08:00',
    author: 'Sari Wulandari',
    ...fields,
  };
  const lines = Object.entries(all)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

/** `2026-11-DD HH:00`, a wall time in the site's zone. */
function day(n: number, hour = 8): string {
  return `2026-11-${String(n).padStart(2, '0')} ${String(hour).padStart(2, '0')}:00`;
}

function hrefs(doc: Document, selector: string): string[] {
  return [...doc.querySelectorAll(selector)].map((element) => element.getAttribute('href') ?? '');
}

function texts(doc: Document, selector: string): string[] {
  return [...doc.querySelectorAll(selector)].map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** Builds and expects failure; returns the NewsgenError. */
async function buildError(
  content: Record<string, string>,
  config: Record<string, unknown> = SITE,
): Promise<NewsgenError> {
  try {
    await buildInMemory(content, config);
  } catch (error) {
    if (isNewsgenError(error)) return error;
    throw error;
  }
  throw new Error('Expected the build to fail');
}

describe('taxonomy listings', () => {
  it('merges tags written in different letter cases and Unicode forms into one term named by the commonest spelling', async () => {
    const site = await buildInMemory(
      {
        'nasional/a.md': story({ title: 'Satu', date: day(1), tags: '[Kopi Arabika, Kafé]' }),
        'nasional/b.md': story({ title: 'Dua', date: day(2), tags: '[kopi arabika]' }),
        'nasional/c.md': story({ title: 'Tiga', date: day(3), tags: `[Kopi Arabika, "Kafe\u0301"]` }),
      },
      SITE,
    );
    const kopi = site.dom('tag/kopi-arabika/index.html');
    expect(kopi.querySelector('h1')?.textContent).toBe('Kopi Arabika');
    expect(hrefs(kopi, '.cards .card-title a')).toEqual(['/nasional/c/', '/nasional/b/', '/nasional/a/']);
    const kafe = site.dom('tag/kafe/index.html');
    expect(kafe.querySelector('h1')?.textContent).toBe('Kafé'.normalize('NFC'));
    expect(kafe.querySelectorAll('.cards .card').length).toBe(2);
    expect(
      [...site.files.keys()].filter((file) => file.startsWith('tag/') && file.endsWith('index.html')).sort(),
    ).toEqual(['tag/index.html', 'tag/kafe/index.html', 'tag/kopi-arabika/index.html']);
    // The article page links the term under its display name, whatever the article wrote.
    expect(texts(site.dom('nasional/b/index.html'), '.tags a')).toEqual(['Kopi Arabika']);
  });

  it('lists every term with its article count on each taxonomy index, busiest tags first', async () => {
    const site = await buildInMemory(
      {
        'nasional/a.md': story({ title: 'Satu', date: day(1), tags: '[Banjir, Cuaca]', author: 'Sari Wulandari' }),
        'nasional/b.md': story({ title: 'Dua', date: day(2), tags: '[Banjir]', author: 'Sari Wulandari' }),
        'ekonomi/c.md': story({
          title: 'Tiga',
          date: day(3),
          tags: '[banjir, Harga]',
          authors: '[Sari Wulandari, Joko Susilo]',
          author: '',
        }),
      },
      SITE,
    );
    const tags = site.dom('tag/index.html');
    expect(tags.querySelector('h1')?.textContent).toBe('Semua topik');
    expect(texts(tags, '.terms li')).toEqual(['Banjir 3 artikel', 'Cuaca 1 artikel', 'Harga 1 artikel']);
    expect(hrefs(tags, '.terms a')).toEqual(['/tag/banjir/', '/tag/cuaca/', '/tag/harga/']);
    const authors = site.dom('author/index.html');
    expect(texts(authors, '.terms li')).toEqual(['Sari Wulandari 3 artikel', 'Joko Susilo 1 artikel']);
    const sections = site.dom('sections/index.html');
    expect(hrefs(sections, '.terms a').sort()).toEqual(['/ekonomi/', '/nasional/']);
  });

  it('says "1 article" and "2 articles" on an English term index', async () => {
    const site = await buildInMemory(
      {
        'news/a.md': story({ title: 'One', date: day(1), tags: '[Floods, Weather]' }),
        'news/b.md': story({ title: 'Two', date: day(2), tags: '[Floods]' }),
      },
      { ...SITE, locale: 'en' },
    );
    expect(texts(site.dom('tag/index.html'), '.terms .term-count')).toEqual(['2 articles', '1 article']);
  });
});

describe('pagination of listings', () => {
  const PER_PAGE = 3;
  /** The numbered page links of a listing's navigation (not "newest", "newer" or "older"). */
  const NUMBERED = 'nav.pagination li:not(.pagination-prev):not(.pagination-next):not(.pagination-newest) a';

  /** `n` articles tagged Banjir in Nasional, plus one unrelated article in Ekonomi. */
  function paginatedSite(n: number): Promise<MemoryBuild> {
    const content: Record<string, string> = {
      'ekonomi/lain.md': story({ title: 'Lain', date: day(1), tags: '[Harga]' }),
    };
    for (let i = 1; i <= n; i++)
      content[`nasional/berita-${i}.md`] = story({ title: `Berita ${i}`, date: day(i + 1), tags: '[Banjir]' });
    return buildInMemory(content, { ...SITE, perPage: PER_PAGE, sections: ['nasional', 'ekonomi'] });
  }

  const file = (url: string) => `${url.slice(1)}index.html`;

  /**
   * Reads a listing as a reader would: the front page (the newest articles),
   * then every archive page from the newest down to page 1, checking the
   * navigation on each. Gives the front page's articles and the archive's.
   */
  function readListing(site: MemoryBuild, frontUrl: string): { front: string[]; archive: string[] } {
    const pageUrl = (n: number) => `${frontUrl}page/${n}/`;
    const archivePages = [...site.files.keys()].filter((f) => f.startsWith(`${frontUrl.slice(1)}page/`)).length;
    const front = site.dom(file(frontUrl));
    const frontCards = hrefs(front, 'main .card-title a');
    expect(frontCards.length).toBeLessThanOrEqual(PER_PAGE);
    if (archivePages === 0) {
      expect(front.querySelector('nav.pagination')).toBeNull();
      return { front: frontCards, archive: [] };
    }
    expect(front.querySelector('a[rel="prev"]')).toBeNull();
    expect(hrefs(front, 'a[rel="next"]')).toHaveLength(1);
    // Never a lone number beside "older" (issue 23): numbers come two or more, or not at all.
    expect(hrefs(front, NUMBERED).length).not.toBe(1);
    const archive: string[] = [];
    for (let n = archivePages; n >= 1; n--) {
      const doc = site.dom(file(pageUrl(n)));
      const cards = hrefs(doc, 'main .card-title a');
      expect(cards.length).toBeLessThanOrEqual(PER_PAGE);
      archive.push(...cards);
      expect(doc.querySelector('nav.pagination')?.getAttribute('aria-label')).toBe('Navigasi halaman');
      expect(hrefs(doc, 'nav.pagination a[aria-current="page"]')).toEqual([pageUrl(n)]);
      expect(hrefs(doc, NUMBERED).length).not.toBe(1);
      // "Newest" only where "newer" does not already lead to the front page.
      expect(hrefs(doc, '.pagination-newest a')).toEqual(n < archivePages ? [frontUrl] : []);
      expect(doc.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(
        n < archivePages ? pageUrl(n + 1) : frontUrl,
      );
      expect(doc.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(n > 1 ? pageUrl(n - 1) : undefined);
      // Numbered newest first, the oldest always reachable, a gap only where pages are left out.
      const slots = texts(doc, 'nav.pagination li:not(.pagination-prev):not(.pagination-next):not(.pagination-newest)');
      const numbers = slots.filter((slot) => slot !== '…').map(Number);
      expect(numbers).toEqual([...numbers].sort((x, y) => y - x));
      expect(numbers).toContain(n);
      expect(numbers.at(-1)).toBe(1);
      expect(slots.length).toBeLessThanOrEqual(6);
      expect(doc.querySelector('title')?.textContent).toContain(`Halaman ${n}`);
    }
    return { front: frontCards, archive };
  }

  it.each([
    [0, 0],
    [1, 1],
    [PER_PAGE, 1],
    [PER_PAGE + 1, 3],
    [PER_PAGE * 8 + 1, 10],
  ])('pages a tag listing of %i articles into %i pages', async (n, pages) => {
    const site = await paginatedSite(n);
    const expected = Array.from({ length: n }, (_, i) => `/nasional/berita-${n - i}/`);
    if (n === 0) {
      expect(site.files.has('tag/banjir/index.html')).toBe(false);
      expect(texts(site.dom('tag/index.html'), '.terms a')).toEqual(['Harga']);
      return;
    }
    const { front, archive } = readListing(site, '/tag/banjir/');
    expect(front).toEqual(expected.slice(0, PER_PAGE));
    // The archive holds every article exactly once, newest first; the front page repeats the newest.
    if (n > PER_PAGE) expect(archive).toEqual(expected);
    expect([...site.files.keys()].filter((f) => f.startsWith('tag/banjir/')).length).toBe(pages);
  });

  it.each([0, 1, PER_PAGE, PER_PAGE + 1])(
    'pages a section listing of %i articles, newest first, with every article once',
    async (n) => {
      const site = await paginatedSite(n);
      if (n === 0) {
        expect(site.files.has('nasional/index.html')).toBe(false);
        expect(hrefs(site.dom('index.html'), '.site-nav a')).toEqual(['/ekonomi/']);
        return;
      }
      const expected = Array.from({ length: n }, (_, i) => `/nasional/berita-${n - i}/`);
      const { front, archive } = readListing(site, '/nasional/');
      expect(front).toEqual(expected.slice(0, PER_PAGE));
      expect(n > PER_PAGE ? archive : front).toEqual(expected);
    },
  );

  it('shows "older" alone on a front page that reaches a single archive page, never a lone "1" (issue 23)', async () => {
    // Four articles, three per page: /page/2/ holds the newest (also on the front page), /page/1/ the three oldest.
    const site = await paginatedSite(PER_PAGE + 1);
    const nav = (path: string) => texts(site.dom(path), 'nav.pagination li');
    expect(nav('nasional/index.html')).toEqual(['Lebih lama ›']);
    expect(hrefs(site.dom('nasional/index.html'), 'a[rel="next"]')).toEqual(['/nasional/page/1/']);
    expect(nav('nasional/page/2/index.html')).toEqual(['‹ Lebih baru', '2', '1', 'Lebih lama ›']);
    expect(nav('nasional/page/1/index.html')).toEqual(['« Terbaru', '‹ Lebih baru', '2', '1']);
  });

  it('numbers the archive pages newest first with the current one marked, and links the front page once', async () => {
    const site = await paginatedSite(PER_PAGE * 3 + 1);
    const nav = (path: string) => texts(site.dom(path), 'nav.pagination li');
    expect(nav('nasional/index.html')).toEqual(['3', '2', '1', 'Lebih lama ›']);
    expect(nav('nasional/page/4/index.html')).toEqual(['‹ Lebih baru', '4', '3', '2', '1', 'Lebih lama ›']);
    expect(hrefs(site.dom('nasional/page/4/index.html'), 'a[rel="prev"]')).toEqual(['/nasional/']);
    expect(nav('nasional/page/3/index.html')).toEqual([
      '« Terbaru',
      '‹ Lebih baru',
      '4',
      '3',
      '2',
      '1',
      'Lebih lama ›',
    ]);
    const current = site.dom('nasional/page/2/index.html').querySelector('nav.pagination [aria-current="page"]');
    expect(current?.textContent).toBe('2');
  });

  it('keeps old archive pages byte for byte when newer articles are published (regression: issue 19)', async () => {
    const before = await paginatedSite(PER_PAGE * 4 + 1);
    const after = await paginatedSite(PER_PAGE * 4 + 3);
    for (const [path, text] of before.files) {
      if (!/^(tag\/banjir|nasional)\/page\/[1-4]\//.test(path)) continue;
      expect(after.files.get(path), path).toBe(text);
    }
    // The newest archive page (5) and the front pages do change.
    expect(after.files.get('tag/banjir/page/5/index.html')).not.toBe(before.files.get('tag/banjir/page/5/index.html'));
  });

  it.each([0, 1, PER_PAGE, PER_PAGE + 1])(
    'pages the home archive of %i articles so every article is reachable',
    async (n) => {
      const content: Record<string, string> = {};
      for (let i = 1; i <= n; i++) content[`nasional/berita-${i}.md`] = story({ title: `Berita ${i}`, date: day(i) });
      const site = await buildInMemory(content, { ...SITE, perPage: PER_PAGE });
      const archivePages = n > PER_PAGE ? Math.ceil(n / PER_PAGE) : 0;
      const homeFiles = [...site.files.keys()].filter((f) => f === 'index.html' || /^page\/\d+\/index\.html$/.test(f));
      expect(homeFiles.length).toBe(1 + archivePages);
      const linked = new Set<string>();
      for (const homeFile of homeFiles) {
        const doc = site.dom(homeFile);
        const links = hrefs(doc, 'main .card-title a');
        expect(new Set(links).size, `duplicate story on ${homeFile}`).toBe(links.length);
        for (const link of links) linked.add(link);
      }
      expect([...linked].sort()).toEqual(Array.from({ length: n }, (_, i) => `/nasional/berita-${i + 1}/`).sort());
      if (n === 0) {
        const home = site.dom('index.html');
        expect(home.querySelector('.front')).toBeNull();
        expect(home.querySelector('.archive')).toBeNull();
        expect(home.querySelector('h1')?.textContent).toBe('Warta Uji');
      }
    },
  );
});

describe('the home page', () => {
  it("links the front page to the archive even when the blocks above it already show all of the front page's archive (bug: home pagination hidden)", async () => {
    // Four articles, three per page: the headline and the Nasional block show the front page's
    // three, so its archive list is empty there, yet /page/1/ exists with the oldest article.
    const content: Record<string, string> = {};
    for (let i = 1; i <= 4; i++) content[`nasional/berita-${i}.md`] = story({ title: `Berita ${i}`, date: day(i) });
    const site = await buildInMemory(content, { ...SITE, perPage: 3 });
    expect(site.files.has('page/1/index.html')).toBe(true);
    const home = site.dom('index.html');
    expect(hrefs(home, 'nav.pagination a[rel="next"]')).toEqual(['/page/1/']);
    expect(hrefs(site.dom('page/2/index.html'), 'nav.pagination a[rel="prev"]')).toEqual(['/']);
  });

  it('leads with the newest article, then three secondary leads, the latest headlines and a block per section in navigation order (issue 23)', async () => {
    const site = await buildInMemory(
      {
        'olahraga/o1.md': story({ title: 'Olahraga Satu', date: day(20) }),
        'ekonomi/e1.md': story({ title: 'Ekonomi Satu', date: day(19) }),
        'ekonomi/e2.md': story({ title: 'Ekonomi Dua', date: day(10) }),
        'nasional/n1.md': story({ title: 'Nasional Satu', date: day(18) }),
        'nasional/n2.md': story({ title: 'Nasional Dua', date: day(5) }),
        'gaya-hidup/g1.md': story({ title: 'Gaya Satu', date: day(4), section: 'Gaya Hidup' }),
      },
      {
        ...SITE,
        perPage: 5,
        sections: [{ slug: 'nasional', name: 'Nasional' }, 'ekonomi', { slug: 'olahraga', name: 'Olahraga' }],
      },
    );
    const home = site.dom('index.html');
    expect(hrefs(home, '.top-stories .card-lead .card-title a')).toEqual(['/olahraga/o1/']);
    expect(home.querySelector('.card-lead h2')).not.toBeNull();
    expect(hrefs(home, '.secondary .card-title a')).toEqual(['/ekonomi/e1/', '/nasional/n1/', '/ekonomi/e2/']);
    expect(hrefs(home, '.latest .card-title a')).toEqual(['/nasional/n2/']);
    // The blocks hold what is not above: only Gaya Hidup has a story left; nothing is shown twice.
    expect(texts(home, '.section-block .block-heading')).toEqual(['Gaya Hidup']);
    expect(hrefs(home, '.section-block .block-heading a')).toEqual(['/gaya-hidup/']);
    expect(hrefs(home, '[aria-labelledby="section-gaya-hidup"] .card-title a')).toEqual(['/gaya-hidup/g1/']);
    const all = hrefs(home, 'main .card-title a');
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual([
      '/ekonomi/e1/',
      '/ekonomi/e2/',
      '/gaya-hidup/g1/',
      '/nasional/n1/',
      '/nasional/n2/',
      '/olahraga/o1/',
    ]);
  });

  it('lists the sections in the header in configured order, unconfigured ones after, and marks the current section', async () => {
    const site = await buildInMemory(
      {
        'olahraga/o1.md': story({ title: 'Olahraga Satu', date: day(3) }),
        'ekonomi/e1.md': story({ title: 'Ekonomi Satu', date: day(2) }),
        'budaya/b1.md': story({ title: 'Budaya Satu', date: day(1) }),
      },
      { ...SITE, sections: ['olahraga', { slug: 'ekonomi', name: 'Ekonomi & Bisnis' }] },
    );
    const section = site.dom('ekonomi/index.html');
    expect(texts(section, '.site-nav a')).toEqual(['olahraga', 'Ekonomi & Bisnis', 'budaya']);
    expect(hrefs(section, '.site-nav a[aria-current="page"]')).toEqual(['/ekonomi/']);
    expect(section.querySelector('h1')?.textContent).toBe('Ekonomi & Bisnis');
    expect(hrefs(site.dom('index.html'), '.site-nav a[aria-current]')).toEqual([]);
  });
});

describe('date archives', () => {
  it('lists a year and each month of it, newest first', async () => {
    const site = await buildInMemory(
      {
        'nasional/okt.md': story({ title: 'Oktober', date: '2026-10-31 23:30' }),
        'nasional/nov-a.md': story({ title: 'November A', date: '2026-11-01 00:30' }),
        'nasional/nov-b.md': story({ title: 'November B', date: '2026-11-15 10:00' }),
        'nasional/lama.md': story({ title: 'Tahun Lalu', date: '2025-12-31 22:00' }),
      },
      SITE,
    );
    const year = site.dom('2026/index.html');
    expect(year.querySelector('h1')?.textContent).toBe('Arsip 2026');
    expect(hrefs(year, '.cards .card-title a')).toEqual(['/nasional/nov-b/', '/nasional/nov-a/', '/nasional/okt/']);
    const november = site.dom('2026/11/index.html');
    expect(november.querySelector('h1')?.textContent).toBe('November 2026');
    expect(hrefs(november, '.cards .card-title a')).toEqual(['/nasional/nov-b/', '/nasional/nov-a/']);
    // Months follow the site's time zone: 23:30 WIB on 31 October is still October.
    expect(hrefs(site.dom('2026/10/index.html'), '.cards .card-title a')).toEqual(['/nasional/okt/']);
    expect(hrefs(site.dom('2025/12/index.html'), '.cards .card-title a')).toEqual(['/nasional/lama/']);
    expect(site.files.has('2026/09/index.html')).toBe(false);
  });
});

describe('authors', () => {
  const content = {
    'authors/sari-wulandari.md':
      '---\nname: Sari Wulandari\nrole: Redaktur Pelaksana\nlinks:\n  - name: Surel\n    url: mailto:sari@warta.example\n---\n\nSari meliput pemerintahan kota sejak lama.\n',
    'nasional/bersama.md': story({
      title: 'Liputan Bersama',
      date: day(5),
      authors: '[Sari Wulandari, Joko Susilo, Made Arta]',
      author: '',
    }),
    'nasional/sendiri.md': story({ title: 'Liputan Sendiri', date: day(4), author: 'Sari Wulandari' }),
  };

  it('shows the profile and the articles of an author who has one', async () => {
    const site = await buildInMemory(content, SITE);
    const page = site.dom('author/sari-wulandari/index.html');
    expect(page.querySelector('h1')?.textContent).toBe('Sari Wulandari');
    expect(page.querySelector('.author-profile .author-role')?.textContent).toBe('Redaktur Pelaksana');
    expect(page.querySelector('.author-profile .author-bio')?.textContent).toContain('Sari meliput pemerintahan kota');
    expect(hrefs(page, '.author-links a')).toEqual(['mailto:sari@warta.example']);
    expect(page.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('Redaktur Pelaksana');
    expect(hrefs(page, '.cards .card-title a')).toEqual(['/nasional/bersama/', '/nasional/sendiri/']);
  });

  it('still gives an author without a profile a page listing their articles', async () => {
    const site = await buildInMemory(content, SITE);
    const page = site.dom('author/joko-susilo/index.html');
    expect(page.querySelector('h1')?.textContent).toBe('Joko Susilo');
    expect(page.querySelector('.author-profile')).toBeNull();
    expect(hrefs(page, '.cards .card-title a')).toEqual(['/nasional/bersama/']);
  });

  it("matches bylines to a profile whatever their letter case, showing the profile's spelling", async () => {
    const site = await buildInMemory(
      { ...content, 'ekonomi/huruf-besar.md': story({ title: 'Huruf Besar', date: day(6), author: 'SARI WULANDARI' }) },
      SITE,
    );
    const article = site.dom('ekonomi/huruf-besar/index.html');
    expect(hrefs(article, '.byline a')).toEqual(['/author/sari-wulandari/']);
    expect(article.querySelector('.byline')?.textContent).toBe('Oleh Sari Wulandari');
    expect(hrefs(site.dom('author/sari-wulandari/index.html'), '.cards .card-title a')).toEqual([
      '/ekonomi/huruf-besar/',
      '/nasional/bersama/',
      '/nasional/sendiri/',
    ]);
  });

  it('links every author of an article in the byline, joined with "dan"', async () => {
    const site = await buildInMemory(content, SITE);
    const article = site.dom('nasional/bersama/index.html');
    expect(hrefs(article, '.byline a')).toEqual([
      '/author/sari-wulandari/',
      '/author/joko-susilo/',
      '/author/made-arta/',
    ]);
    expect(article.querySelector('.byline')?.textContent).toBe('Oleh Sari Wulandari, Joko Susilo dan Made Arta');
  });
});

describe('related articles and other news', () => {
  /** A constructed set around one article, "pusat", with a known ranking. */
  const rankingSet = {
    // The article itself: nasional, tags Pemilu + KPU, by Sari, 20 November.
    'nasional/pusat.md': story({ title: 'Pusat', date: day(20), tags: '[Pemilu, KPU]', author: 'Sari Wulandari' }),
    // Two shared tags, one written in lower case; other section, author and a month away: still first.
    'ekonomi/dua-tag.md': story({
      title: 'Dua Tag',
      date: '2026-10-20 08:00',
      tags: '[pemilu, KPU]',
      author: 'Joko Susilo',
    }),
    // One shared tag and the same section.
    'nasional/satu-tag.md': story({ title: 'Satu Tag', date: day(2), tags: '[Pemilu]', author: 'Joko Susilo' }),
    // Same section and author, no tags, far in time: beats a same-section neighbour from the same day.
    'nasional/penulis-sama.md': story({
      title: 'Penulis Sama',
      date: '2026-09-01 08:00',
      tags: '[Lain]',
      author: 'Sari Wulandari',
    }),
    'nasional/seksi-sama.md': story({ title: 'Seksi Sama', date: day(20, 7), tags: '[Lain]', author: 'Joko Susilo' }),
    // Nothing in common: never related, but other news.
    'olahraga/asing.md': story({ title: 'Asing', date: day(21), tags: '[Sepak Bola]', author: 'Made Arta' }),
    'olahraga/asing-2.md': story({ title: 'Asing Dua', date: day(19), tags: '[Sepak Bola]', author: 'Made Arta' }),
  };

  it('ranks by shared tags first (case-insensitively), then section, author and time, never the article itself', async () => {
    const site = await buildInMemory(rankingSet, { ...SITE, related: { count: 4 } });
    const page = site.dom('nasional/pusat/index.html');
    expect(page.querySelector('#related-heading')?.textContent).toBe('Berita terkait');
    expect(hrefs(page, '.related li > a')).toEqual([
      '/ekonomi/dua-tag/',
      '/nasional/satu-tag/',
      '/nasional/penulis-sama/',
      '/nasional/seksi-sama/',
    ]);
  });

  it('breaks exact ties in score by id, whatever the order of the files', async () => {
    const twins = (names: string[]) =>
      Object.fromEntries([
        ['nasional/pusat.md', story({ title: 'Pusat', date: day(20), tags: '[Pemilu]' })],
        ...names.map((name) => [
          `ekonomi/${name}.md`,
          story({ title: name, id: name, date: day(10), tags: '[Pemilu]' }),
        ]),
      ]);
    const a = await buildInMemory(twins(['kembar-b', 'kembar-a', 'kembar-c']), { ...SITE, related: { count: 3 } });
    const b = await buildInMemory(twins(['kembar-c', 'kembar-a', 'kembar-b']), { ...SITE, related: { count: 3 } });
    const order = hrefs(a.dom('nasional/pusat/index.html'), '.related li > a');
    expect(order).toEqual(['/ekonomi/kembar-a/', '/ekonomi/kembar-b/', '/ekonomi/kembar-c/']);
    expect(hrefs(b.dom('nasional/pusat/index.html'), '.related li > a')).toEqual(order);
    expect(b.files.get('nasional/pusat/index.html')).toBe(a.files.get('nasional/pusat/index.html'));
  });

  it('shows each related article as its title and a relative time', async () => {
    const long = `${'Petugas memeriksa tanggul di sepanjang sungai setiap pagi dan sore hari. '.repeat(6)}\n`;
    const site = await buildInMemory(
      {
        'nasional/pusat.md': story({ title: 'Pusat', date: day(20), tags: '[Banjir]' }),
        'nasional/bergambar.md': story(
          { title: 'Tanggul Diperkuat', date: day(12), tags: '[Banjir]', image: '/images/tanggul.jpg' },
          long,
        ),
      },
      SITE,
    );
    const item = site.dom('nasional/pusat/index.html').querySelector('.related li');
    // Headlines only, as in other news: the page stays light.
    expect(item?.querySelector('img')).toBeNull();
    expect(item?.querySelector('a')?.textContent).toBe('Tanggul Diperkuat');
    const time = item?.querySelector('time');
    expect(time?.hasAttribute('data-relative')).toBe(true);
    expect(time?.getAttribute('datetime')).toBe('2026-11-12T08:00:00+07:00');
    expect(time?.textContent).toBe('12 Nov 2026');
  });

  it('shows on the section page an excerpt cut with an ellipsis under each listed story', async () => {
    const long = `${'Tanggul di pesisir utara diperkuat dengan karung pasir dan batu. '.repeat(6)}Selesai.`;
    const site = await buildInMemory(
      {
        'nasional/pusat.md': story({ title: 'Pusat', date: day(20) }),
        'nasional/bergambar.md': story(
          { title: 'Tanggul Diperkuat', date: day(12), image: '/images/tanggul.jpg' },
          long,
        ),
      },
      SITE,
    );
    const card = site.dom('nasional/index.html').querySelector('.stream .card');
    expect(card?.querySelector('img.card-image')?.getAttribute('src')).toBe('/images/tanggul.jpg');
    expect(card?.querySelector('img')?.getAttribute('loading')).toBe('lazy');
    const excerpt = card?.querySelector('.card-excerpt')?.textContent ?? '';
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(161);
    expect(long.startsWith(excerpt.slice(0, -1).trimEnd())).toBe(true);
  });

  it('fills other news with the stories published just before it, not already on the page, never twice', async () => {
    const site = await buildInMemory(rankingSet, { ...SITE, related: { count: 2 }, otherNews: 3 });
    const page = site.dom('nasional/pusat/index.html');
    const related = hrefs(page, '.related li > a');
    const other = hrefs(page, '.other-news li > a');
    expect(page.querySelector('#other-news-heading')?.textContent).toBe('Berita lainnya');
    expect(related).toEqual(['/ekonomi/dua-tag/', '/nasional/satu-tag/']);
    // `asing` is newer than the page's article: an article page never shows what came after it.
    expect(other).toEqual(['/nasional/seksi-sama/', '/olahraga/asing-2/', '/nasional/penulis-sama/']);
    for (const time of page.querySelectorAll('.other-news time')) expect(time.hasAttribute('data-relative')).toBe(true);
  });

  it('has no duplicate article links across the related and other-news blocks of any article page', async () => {
    const site = await buildInMemory(rankingSet, { ...SITE, related: { count: 3 }, otherNews: 4 });
    const { articles } = site.generated.site;
    for (const page of site.generated.site.pages) {
      if (page.kind !== 'article') continue;
      const older = articles.length - 1 - articles.indexOf(page.article);
      const doc = site.dom(`${page.url.slice(1)}index.html`);
      const related = hrefs(doc, '.related li > a');
      const other = hrefs(doc, '.other-news li:not(.headlines-more) > a');
      const links = [...related, ...other];
      expect(new Set(links).size, page.url).toBe(links.length);
      expect(links, page.url).not.toContain(page.url);
      // Other news fills up to its count from the older articles the related block left over.
      expect(other.length, page.url).toBe(Math.min(4, older - related.length));
      // With none left (the oldest articles), the box links the latest news, for the script to fill.
      expect(hrefs(doc, '.other-news li.headlines-more > a'), page.url).toEqual(other.length === 0 ? ['/'] : []);
      expect(doc.querySelector('.other-news ul')?.getAttribute('data-count'), page.url).toBe('4');
    }
  });

  it('has no other-news box when the config sets otherNews to 0', async () => {
    const site = await buildInMemory(rankingSet, { ...SITE, otherNews: 0 });
    const doc = site.dom('nasional/pusat/index.html');
    expect(doc.querySelector('.other-news')).toBeNull();
    expect(doc.querySelector('script[src$="latest-news.js"]')).toBeNull();
  });
});

describe('relative times', () => {
  it('gives every listed date an absolute localized text, and every page links the one script that upgrades them', async () => {
    const site = await buildInMemory(
      {
        'nasional/a.md': story({ title: 'Satu', date: day(3), tags: '[Banjir]' }),
        'nasional/b.md': story({ title: 'Dua', date: day(4), tags: '[Banjir]' }),
        'ekonomi/c.md': story({ title: 'Tiga', date: day(5), tags: '[Harga]' }),
      },
      SITE,
    );
    for (const file of [
      'index.html',
      'tag/banjir/index.html',
      'nasional/index.html',
      '2026/11/index.html',
      'ekonomi/c/index.html',
    ]) {
      const doc = site.dom(file);
      const listed = [...doc.querySelectorAll('.card time, .aside time')];
      expect(listed.length, file).toBeGreaterThan(0);
      for (const time of listed) {
        expect(time.hasAttribute('data-relative'), file).toBe(true);
        expect(time.getAttribute('datetime')).toMatch(/^2026-11-0\dT08:00:00\+07:00$/);
        expect(time.textContent).toMatch(/^0\d Nov 2026$/);
      }
      // The script reads the page's language: the site locale is on the root element.
      expect(doc.documentElement.getAttribute('lang'), file).toBe('id-ID');
      expect(doc.querySelectorAll('script[src="/assets/relative-time.js"][defer]'), file).toHaveLength(1);
      const inline = [...doc.querySelectorAll('script:not([src])')].filter(
        (script) => script.getAttribute('type') !== 'application/ld+json',
      );
      expect(inline, file).toEqual([]);
    }
    // Written once, minified, for every page to share.
    const script = site.file('assets/relative-time.js');
    expect(script).toContain('Intl.RelativeTimeFormat');
    expect(script).not.toContain('\n  ');
  });
});

describe('publishing states at a fixed --now', () => {
  const NOW = '2026-11-20T12:00:00+07:00';
  const content = {
    'nasional/terbit.md': story({ title: 'Sudah Terbit', date: day(19), tags: '[Uji]' }),
    'nasional/draf.md': story({ title: 'Masih Draf', date: day(18), tags: '[Uji]', draft: 'true' }),
    'nasional/terjadwal.md': story({ title: 'Terjadwal', date: '2026-11-20 12:01', tags: '[Uji]' }),
    'nasional/kedaluwarsa.md': story({
      title: 'Kedaluwarsa',
      date: day(10),
      tags: '[Uji]',
      expires: '2026-11-20 12:00',
    }),
    'nasional/masih-berlaku.md': story({
      title: 'Masih Berlaku',
      date: day(10, 9),
      tags: '[Uji]',
      expires: '2026-11-20 12:01',
    }),
  };
  const built = (flags: { drafts?: boolean; future?: boolean; preview?: boolean } = {}) =>
    buildInMemory(content, SITE, { now: NOW, ...flags });
  const listed = (site: MemoryBuild) => hrefs(site.dom('tag/uji/index.html'), '.cards .card-title a').sort();

  it('leaves out drafts, scheduled and expired articles, pages and links alike', async () => {
    const site = await built();
    expect(listed(site)).toEqual(['/nasional/masih-berlaku/', '/nasional/terbit/']);
    for (const slug of ['draf', 'terjadwal', 'kedaluwarsa']) {
      expect(site.files.has(`nasional/${slug}/index.html`), slug).toBe(false);
      for (const [file, html] of site.files)
        if (file.endsWith('.html')) expect(html, file).not.toContain(`/nasional/${slug}/`);
    }
  });

  it('includes drafts with --drafts, marked as such', async () => {
    const site = await built({ drafts: true });
    expect(listed(site)).toEqual(['/nasional/draf/', '/nasional/masih-berlaku/', '/nasional/terbit/']);
    expect(site.dom('nasional/draf/index.html').querySelector('.draft-banner')?.textContent).toBe(
      'Draf — belum terbit',
    );
    expect(site.dom('nasional/terbit/index.html').querySelector('.draft-banner')).toBeNull();
  });

  it('includes scheduled articles with --future, but never expired ones', async () => {
    const site = await built({ future: true, drafts: true });
    expect(listed(site)).toEqual([
      '/nasional/draf/',
      '/nasional/masih-berlaku/',
      '/nasional/terbit/',
      '/nasional/terjadwal/',
    ]);
    expect(site.files.has('nasional/kedaluwarsa/index.html')).toBe(false);
    // Published now on purpose: no banner says otherwise.
    expect(site.dom('nasional/terjadwal/index.html').querySelector('.draft-banner')).toBeNull();
  });

  it('marks scheduled articles in a live preview with the time they appear', async () => {
    const site = await built({ future: true, preview: true });
    const banner = site.dom('nasional/terjadwal/index.html').querySelector('.draft-banner');
    expect(banner?.textContent).toBe('Terjadwal — terbit Jumat, 20 Nov 2026 12:01 WIB');
    expect(banner?.getAttribute('role')).toBe('note');
    expect(site.dom('nasional/terbit/index.html').querySelector('.draft-banner')).toBeNull();
    // Once its time has come, the preview shows it as published.
    const later = await buildInMemory(content, SITE, { now: '2026-11-20T12:01:00+07:00', preview: true });
    expect(later.dom('nasional/terjadwal/index.html').querySelector('.draft-banner')).toBeNull();
  });

  it('moves with --now: the scheduled article appears once its time has come', async () => {
    const later = await buildInMemory(content, SITE, { now: '2026-11-20T12:01:00+07:00' });
    expect(listed(later)).toEqual(['/nasional/terbit/', '/nasional/terjadwal/']);
  });

  it('shows "Diperbarui" with the update time next to the byline', async () => {
    const site = await buildInMemory(
      { 'nasional/a.md': story({ title: 'Diperbarui', date: day(5, 7), updated: day(5, 9) }) },
      SITE,
    );
    const meta = site.dom('nasional/a/index.html').querySelector('.article-meta');
    expect(meta?.querySelector('.byline')).not.toBeNull();
    const updated = meta?.querySelector('.updated');
    expect(updated?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Diperbarui Kamis, 05 Nov 2026 09:00 WIB');
    expect(updated?.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-05T09:00:00+07:00');
    expect(site.dom('index.html').querySelector('.updated')).toBeNull();
  });

  it('shows corrections in a box at the end of the article', async () => {
    const site = await buildInMemory(
      {
        'nasional/a.md': story({
          title: 'Dikoreksi',
          date: day(5),
          corrections: '\n  - date: 2026-11-06 10:00\n    text: Nama kepala desa sebelumnya salah ditulis.',
          tags: '[Desa]',
        }),
      },
      SITE,
    );
    const doc = site.dom('nasional/a/index.html');
    const box = doc.querySelector('article.article aside.corrections');
    expect(box?.querySelector('h2')?.textContent).toBe('Koreksi');
    expect(texts(doc, 'aside.corrections li')).toEqual([
      'Jumat, 06 Nov 2026 10:00 WIB: Nama kepala desa sebelumnya salah ditulis.',
    ]);
    const html = site.files.get('nasional/a/index.html') ?? '';
    expect(html.indexOf('class="corrections"')).toBeGreaterThan(html.indexOf('class="article-body"'));
    expect(site.dom('index.html').querySelector('.corrections')).toBeNull();
  });
});

describe('permalinks', () => {
  it('expands :yyyy/:mm/:dd from the date in the site time zone', async () => {
    const site = await buildInMemory(
      { 'nasional/dini-hari.md': story({ title: 'Dini Hari', date: '2026-11-21T01:30:00+07:00' }) },
      { ...SITE, permalink: '/:yyyy/:mm/:dd/:slug/' },
    );
    expect(site.files.has('2026/11/21/dini-hari/index.html')).toBe(true);
    expect(hrefs(site.dom('index.html'), '.card-lead .card-title a')).toEqual(['/2026/11/21/dini-hari/']);
  });

  it('expands :section to the section slug and :id to the article id', async () => {
    const site = await buildInMemory(
      {
        'ekonomi/a.md': story({ title: 'Belanja', date: day(5), section: 'E-Commerce Nusantara', id: 'BRT-0042' }),
        'ekonomi/b.md': story({ title: 'Tanpa Id', date: day(4) }),
      },
      { ...SITE, permalink: '/:section/:id/' },
    );
    expect(site.files.has('e-commerce-nusantara/BRT-0042/index.html')).toBe(true);
    const other = [...site.files.keys()].filter((file) => /^ekonomi\/[^/]+\/index\.html$/.test(file));
    expect(other).toHaveLength(1);
  });

  it('rejects two articles whose URLs differ only in letter case, naming both files', async () => {
    const error = await buildError(
      {
        'nasional/a.md': story({ title: 'Rapat Besar', date: day(5), id: 'Rapat' }),
        'nasional/b.md': story({ title: 'Rapat Kecil', date: day(6), id: 'rapat' }),
      },
      { ...SITE, permalink: '/berita/:id/' },
    );
    expect(error.diagnostics).toHaveLength(1);
    const [diagnostic] = error.diagnostics;
    expect(diagnostic?.ruleId).toBe('url-case-collision');
    expect([diagnostic?.file, diagnostic?.cause?.file].sort()).toEqual([
      'content/nasional/a.md',
      'content/nasional/b.md',
    ]);
  });

  it('rejects two files whose names differ only in letter case as one URL, naming both files', async () => {
    const error = await buildError({
      'nasional/Rapat-Kabinet.md': story({ title: 'Rapat Kabinet', date: day(5) }),
      'nasional/rapat-kabinet.md': story({ title: 'Rapat kabinet', date: day(6) }),
    });
    const [diagnostic] = error.diagnostics;
    expect(diagnostic?.ruleId).toMatch(/^(duplicate-url|url-case-collision)$/);
    expect([diagnostic?.file, diagnostic?.cause?.file].sort()).toEqual([
      'content/nasional/Rapat-Kabinet.md',
      'content/nasional/rapat-kabinet.md',
    ]);
    expect(diagnostic?.reason).toContain('/nasional/rapat-kabinet/');
  });

  it('rejects two files whose names differ only in Unicode normal form, naming both files', async () => {
    const composed = 'nasional/kafé-baru.md'.normalize('NFC');
    const decomposed = 'nasional/kafé-baru.md'.normalize('NFD');
    expect(composed).not.toBe(decomposed);
    const error = await buildError({
      [composed]: story({ title: 'Kafe Baru', date: day(5) }),
      [decomposed]: story({ title: 'Kafe Baru Lagi', date: day(6) }),
    });
    expect(error.diagnostics).toHaveLength(1);
    const [diagnostic] = error.diagnostics;
    expect(diagnostic?.ruleId).toMatch(/^(duplicate-url|url-case-collision)$/);
    expect([diagnostic?.file, diagnostic?.cause?.file].sort()).toEqual(
      [`content/${composed}`, `content/${decomposed}`].sort(),
    );
  });

  it('rejects an article and a generated listing claiming the same URL', async () => {
    const error = await buildError(
      {
        'nasional/a.md': story({ title: 'Liputan', date: day(5), tags: '[Banjir]' }),
        'nasional/banjir.md': story({ title: 'Halaman Banjir', date: day(6) }),
      },
      { ...SITE, permalink: '/tag/:slug/' },
    );
    expect(error.diagnostics.map((d) => d.ruleId)).toContain('duplicate-url');
    expect(error.diagnostics.flatMap((d) => [d.file, d.cause?.file])).toContain('content/nasional/banjir.md');
  });

  it("rejects a section whose listing would take the tag pages' folder, at the article", async () => {
    const error = await buildError({
      'nasional/a.md': story({ title: 'Liputan', date: day(5), tags: '[Banjir]' }),
      'tag/banjir.md': story({ title: 'Halaman Banjir', date: day(6) }),
    });
    expect(error.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([
      ['content/tag/banjir.md', 'front-matter-section'],
    ]);
  });
});

describe('UI strings and language', () => {
  const content = {
    'nasional/a.md': story({ title: 'Satu', date: day(3), tags: '[Banjir]' }),
    'nasional/b.md': story({ title: 'Dua', date: day(4), tags: '[Banjir]' }),
  };

  it('uses the Indonesian strings and <html lang> for an id-ID site', async () => {
    const site = await buildInMemory(content, SITE);
    const doc = site.dom('nasional/a/index.html');
    expect(doc.documentElement.getAttribute('lang')).toBe('id-ID');
    expect(doc.querySelector('.breadcrumbs')?.getAttribute('aria-label')).toBe('Jejak navigasi');
    expect(doc.querySelector('.skip-link')?.textContent).toBe('Langsung ke konten');
    expect(doc.querySelector('.tags-heading')?.textContent).toBe('Topik');
    expect(doc.documentElement.hasAttribute('dir')).toBe(false);
  });

  it('marks a site in a right-to-left language dir="rtl", and writes its dates as the locale does', async () => {
    const site = await buildInMemory(content, { ...SITE, locale: 'ar-EG', timeZone: 'Africa/Cairo' });
    const doc = site.dom('nasional/a/index.html');
    expect(doc.documentElement.getAttribute('lang')).toBe('ar-EG');
    expect(doc.documentElement.getAttribute('dir')).toBe('rtl');
    const shown = doc.querySelector('time')?.textContent ?? '';
    expect(shown).toMatch(/[٠-٩]/);
    expect(shown).not.toMatch(/[0-9]/);
  });

  it('uses the English strings and dates for an English site', async () => {
    const site = await buildInMemory(content, { ...SITE, locale: 'en-GB', timeZone: 'UTC' });
    const doc = site.dom('nasional/b/index.html');
    expect(doc.documentElement.getAttribute('lang')).toBe('en-GB');
    expect(doc.querySelector('#related-heading')?.textContent).toBe('Related');
    expect(texts(doc, '.breadcrumbs a')[0]).toBe('Home');
    expect(doc.querySelector('.related time')?.textContent).toBe('Nov 3, 2026');
  });

  it('lets the config override single strings', async () => {
    const site = await buildInMemory(content, { ...SITE, strings: { related: 'Baca juga ini', home: 'Depan' } });
    const doc = site.dom('nasional/b/index.html');
    expect(doc.querySelector('#related-heading')?.textContent).toBe('Baca juga ini');
    expect(texts(doc, '.breadcrumbs a')[0]).toBe('Depan');
  });
});

describe('breadcrumbs', () => {
  it('leads from home through the section to the article, marking the article as current', async () => {
    const site = await buildInMemory(
      { 'ekonomi/harga.md': story({ title: 'Harga Beras Stabil', date: day(3), section: 'Ekonomi' }) },
      SITE,
    );
    const doc = site.dom('ekonomi/harga/index.html');
    expect(texts(doc, '.breadcrumbs li')).toEqual(['Beranda', 'Ekonomi', 'Harga Beras Stabil']);
    expect(hrefs(doc, '.breadcrumbs a')).toEqual(['/', '/ekonomi/', '/ekonomi/harga/']);
    expect(hrefs(doc, '.breadcrumbs a[aria-current="page"]')).toEqual(['/ekonomi/harga/']);
    expect(site.dom('index.html').querySelector('.breadcrumbs')).toBeNull();
  });

  it('prefixes every internal link with the base path of the site', async () => {
    const site = await buildInMemory(
      { 'ekonomi/harga.md': story({ title: 'Harga', date: day(3), tags: '[Beras]' }) },
      { ...SITE, baseUrl: 'https://warta.example/berita/' },
    );
    const doc = site.dom('ekonomi/harga/index.html');
    expect(hrefs(doc, '.breadcrumbs a')).toEqual(['/berita/', '/berita/ekonomi/', '/berita/ekonomi/harga/']);
    expect(hrefs(doc, '.tags a')).toEqual(['/berita/tag/beras/']);
    expect(hrefs(doc, '.byline a')).toEqual(['/berita/author/sari-wulandari/']);
    expect(hrefs(doc, '.site-nav a[aria-current="page"]')).toEqual([]);
    expect(hrefs(site.dom('ekonomi/index.html'), '.site-nav a[aria-current="page"]')).toEqual(['/berita/ekonomi/']);
  });
});
