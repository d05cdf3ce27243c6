import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createStableId } from '../../src/content/check-article.js';
import { findNewSectionSlip, planNewArticle, planNewPage } from '../../src/scaffold/plan-new-article.js';

const BASE = {
  section: undefined,
  author: undefined,
  sections: [{ slug: 'nasional' }, { slug: 'ekonomi' }],
  locale: 'id-ID',
  timeZone: 'Asia/Jakarta',
  now: new Date('2026-11-20T05:30:45Z'),
};

function frontMatter(text: string): Record<string, unknown> {
  return parse(text.split('---\n')[1] ?? '') as Record<string, unknown>;
}

describe('planNewArticle', () => {
  it('puts the article in the first configured section, dated this minute with the site offset', () => {
    const article = planNewArticle({ ...BASE, title: 'Harga Cabai Turun' });
    expect(article.path).toBe('nasional/harga-cabai-turun.md');
    expect(article.text).toContain('date: 2026-11-20T12:30:00+07:00\n');
    expect(frontMatter(article.text)).toEqual({
      title: 'Harga Cabai Turun',
      date: '2026-11-20T12:30:00+07:00',
      id: createStableId('nasional/harga-cabai-turun.md'),
      tags: [],
      summary: null,
    });
    expect(article.text).toContain('Tulis isi berita di sini.');
    expect(planNewArticle({ ...BASE, title: 'عنوان الخبر', locale: 'ar-EG' }).text).toContain('اكتب نص الخبر هنا.');
  });

  it('writes kind for --kind in any case (not for news), and a live blog with its first update dated now', () => {
    expect(frontMatter(planNewArticle({ ...BASE, title: 'Kolom', kind: 'Opinion' }).text)).toMatchObject({
      kind: 'opinion',
    });
    expect(frontMatter(planNewArticle({ ...BASE, title: 'Berita', kind: 'news' }).text)).not.toHaveProperty('kind');
    const live = planNewArticle({ ...BASE, title: 'Banjir Kota', live: true }).text;
    expect(frontMatter(live)).toMatchObject({ live: true });
    expect(live).toContain('\n:::update{time="2026-11-20T12:30:00+07:00"}\nTulis isi berita di sini.\n:::\n');
  });

  it("dates the article (and a live blog's first update) at --date as given, in the site offset", () => {
    const date = Date.parse('2026-11-30T23:00:30Z');
    const article = planNewArticle({ ...BASE, title: 'Laporan Inflasi', date, live: true });
    expect(frontMatter(article.text)).toMatchObject({ date: '2026-12-01T06:00:30+07:00' });
    expect(article.text).toContain(':::update{time="2026-12-01T06:00:30+07:00"}');
  });

  it('refuses a --kind that is none, naming the kinds and the one a newsroom word means', () => {
    expect(() => planNewArticle({ ...BASE, title: 'Iklan', kind: 'advertorial' })).toThrow(
      'Unexpected --kind "advertorial", expected one of news, opinion, analysis, review, background, sponsored: did you mean "sponsored"?',
    );
    expect(() => planNewArticle({ ...BASE, title: 'Kolom', kind: 'opinon' })).toThrow('did you mean "opinion"?');
  });

  it('takes the section by name and the author, quoting YAML-sensitive titles', () => {
    const article = planNewArticle({ ...BASE, title: 'Rapat: "Final" # 2', section: 'E-Commerce', author: 'Rani K.' });
    expect(article.path).toBe('e-commerce/rapat-final-2.md');
    expect(frontMatter(article.text)).toMatchObject({ title: 'Rapat: "Final" # 2', author: 'Rani K.' });
  });

  it('refuses a title without words and a site without sections when no --section is given', () => {
    expect(() => planNewArticle({ ...BASE, title: '!!!' })).toThrow(/title/);
    expect(() => planNewArticle({ ...BASE, title: 'Judul', sections: [] })).toThrow(/--section/);
  });

  it('refuses a title or section whose file name the build would refuse: a device name Windows reserves', () => {
    expect(() => planNewArticle({ ...BASE, title: 'CON' })).toThrow(
      'Unexpected title "CON": its file name has "con", a name Windows reserves for devices, which the build refuses',
    );
    expect(() => planNewArticle({ ...BASE, title: 'Harga', section: 'LPT1' })).toThrow(/section "LPT1": its folder/);
    expect(() => planNewPage({ title: 'Nul', locale: 'id-ID', sections: [] })).toThrow(/file name has "nul"/);
    expect(planNewArticle({ ...BASE, title: 'Con Air' }).path).toBe('nasional/con-air.md');
  });

  it('refuses a section the build reads as something else, or whose listing the site already has', () => {
    for (const [section, reason] of [
      ['authors', /author profiles/],
      ['pages', /standalone pages/],
      ['Tag', /the tag pages/],
      ['Sections', /the index of sections/],
      ['2026', /the year archive/],
    ] as const) {
      expect(() => planNewArticle({ ...BASE, title: 'Harga Cabai', section })).toThrow(reason);
    }
    expect(planNewArticle({ ...BASE, title: 'Harga Cabai', section: 'tagar' }).path).toBe('tagar/harga-cabai.md');
  });

  it('cuts a headline too long for a file name after its last whole word that fits', () => {
    const words = Array.from({ length: 80 }, (_, index) => `kata${index}`);
    const article = planNewArticle({ ...BASE, title: words.join(' ') });
    const name = article.path.slice('nasional/'.length);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(name).toMatch(/^kata0-kata1-.*-kata\d+\.md$/);
    expect(`${name.slice(0, -3)}-`).toBe(words.slice(0, name.split('-').length).join('-').concat('-'));
    // The title itself is kept whole.
    expect(frontMatter(article.text)['title']).toBe(words.join(' '));
    // One word longer than a file name is cut inside it, on a character (語 is three bytes, and kept as it is).
    const long = planNewArticle({ ...BASE, title: '語'.repeat(200) }).path.slice('nasional/'.length);
    expect(long).toBe(`${'語'.repeat(84)}.md`);
  });
});

describe('findNewSectionSlip', () => {
  const KNOWN = ['nasional', 'ekonomi', 'news', 'e-commerce'];
  const slipOf = (section: string) =>
    findNewSectionSlip(planNewArticle({ ...BASE, title: 'Harga Cabai', section }), KNOWN, `content/${section}/x.md`);

  it('warns when a new section is a typing slip away from one the site has, naming the one meant', () => {
    expect(slipOf('nasionl')).toEqual({
      file: 'content/nasionl/x.md',
      severity: 'warning',
      ruleId: 'new-section-unknown',
      reason: 'Unexpected section "nasionl", which the site does not have yet: did you mean "nasional"?',
      hint: "Move the file to content/nasional/ if that is the section meant; kept in content/nasionl/, it starts a new section (list it in the config's sections to give it its place and name).",
    });
    // Two letters swapped, and a name given as written (its slug is compared).
    expect(slipOf('nwes')?.reason).toContain('did you mean "news"?');
    expect(slipOf('E Commerse')?.reason).toContain('Unexpected section "e-commerse"');
    // The folders as the path shown names them: the content folder may be another (--content).
    const elsewhere = findNewSectionSlip({ path: 'nwes/x.md', text: '' }, KNOWN, 'posts/nwes/x.md');
    expect(elsewhere?.hint).toMatch(
      /^Move the file to posts\/news\/ if that is the section meant; kept in posts\/nwes\/,/,
    );
  });

  it('says nothing for a section the site has, or a new one far from all of them', () => {
    expect(slipOf('Ekonomi')).toBeUndefined();
    expect(slipOf('olahraga')).toBeUndefined();
    expect(slipOf('berita-kota')).toBeUndefined();
    // Two edits make most of a short name another one: "tv" is not a slip for "news".
    expect(findNewSectionSlip({ path: 'tv/x.md', text: '' }, ['ai', 'news'], 'content/tv/x.md')).toBeUndefined();
  });
});

describe('planNewPage', () => {
  it('writes a standalone page under pages/ with only a title and a summary to fill in', () => {
    const page = planNewPage({ title: 'Pedoman Media Siber', locale: 'id-ID', sections: ['nasional'] });
    expect(page.path).toBe('pages/pedoman-media-siber.md');
    expect(frontMatter(page.text)).toEqual({ title: 'Pedoman Media Siber', summary: null });
    expect(page.text).toContain('Tulis isi halaman di sini.');
    expect(planNewPage({ title: 'سياسة التصحيحات', locale: 'ar-EG', sections: [] }).text).toContain(
      'اكتب نص الصفحة هنا.',
    );
    expect(() => planNewPage({ title: '???', locale: 'en', sections: [] })).toThrow(/title/);
  });

  it("refuses a title whose page would take the URL of the site's own pages, which the build then refuses", () => {
    const page = (title: string) => () => planNewPage({ title, locale: 'id-ID', sections: ['nasional', 'Gaya Hidup'] });
    for (const [title, reason] of [
      ['Tag', 'URL /tag/ is the address of the tag pages'],
      ['Author', 'the author pages'],
      ['Sections', 'the index of sections'],
      ['Page', "the home page's archive pages"],
      ['Assets', "the theme's files"],
      ['2026', 'the year archive'],
      ['Index', 'URL / is the address of the home page'],
      ['Nasional', 'URL /nasional/ is the address of the listing of the section nasional'],
      ['Gaya hidup', 'the listing of the section gaya-hidup'],
    ] as const) {
      expect(page(title), title).toThrow(expect.objectContaining({ code: 'usage', exitCode: 2 }));
      expect(page(title), title).toThrow(reason);
    }
    expect(page('Tagar')().path).toBe('pages/tagar.md');
    expect(page('Tentang Nasional')().path).toBe('pages/tentang-nasional.md');
  });
});
