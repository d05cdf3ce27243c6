import { describe, expect, test } from 'vitest';
import { isNewsgenError, type NewsgenError } from '../../src/diagnostics/newsgen-error.js';
import { buildInMemory } from '../helpers/build-in-memory.js';

const SITE = {
  title: 'Warta Uji',
  baseUrl: 'https://warta.example/',
  sections: [{ slug: 'olahraga', name: 'Olahraga' }],
};
const STORY = '---\ntitle: Banjir\ndate: 2026-11-10 08:00\ntags: [Banjir]\n---\nIsi.\n';
const page = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\nIsi halaman.\n`;

async function buildError(content: Record<string, string>): Promise<NewsgenError> {
  try {
    await buildInMemory(content, SITE);
  } catch (error) {
    if (isNewsgenError(error)) return error;
    throw error;
  }
  throw new Error('Expected the build to fail');
}

describe('a standalone page at an address the site keeps for its own pages', () => {
  test('is a page-url-reserved error at its slug or title, even where the site has no page yet', async () => {
    const error = await buildError({
      'nasional/banjir.md': STORY,
      // The home page has one page of articles: /page/2/ is free today, and taken ten articles later.
      'pages/page/2.md': page('Arsip'),
      'pages/tag/kopi.md': page('Kopi', 'slug: kopi-kita\n'),
      'pages/author/redaksi.md': page('Redaksi'),
      'pages/sections.md': page('Rubrik'),
      'pages/assets/logo.md': page('Logo'),
      'pages/2030.md': page('Pemilu 2030'),
      'pages/nasional/page/7.md': page('Arsip nasional'),
      'pages/olahraga/page/1.md': page('Arsip olahraga'),
    });
    const found = error.diagnostics.filter((d) => d.ruleId === 'page-url-reserved');
    expect(found.map((d) => [d.file, d.place?.line, d.severity])).toEqual([
      ['content/pages/2030.md', 2, 'error'],
      ['content/pages/assets/logo.md', 2, 'error'],
      ['content/pages/author/redaksi.md', 2, 'error'],
      ['content/pages/nasional/page/7.md', 2, 'error'],
      ['content/pages/olahraga/page/1.md', 2, 'error'],
      ['content/pages/page/2.md', 2, 'error'],
      ['content/pages/sections.md', 2, 'error'],
      ['content/pages/tag/kopi.md', 3, 'error'],
    ]);
    expect(found.find((d) => d.file === 'content/pages/page/2.md')?.reason).toBe(
      "Unexpected page at URL /page/2/, where the site keeps the home page's archive pages (/page/…), expected an address of the page's own",
    );
    expect(found.find((d) => d.file === 'content/pages/nasional/page/7.md')?.reason).toContain(
      'the archive pages of the section nasional (/nasional/page/…)',
    );
    // The index of sections is the page's own URL too: one error for it, not a duplicate-url besides.
    expect(error.diagnostics.filter((d) => d.ruleId === 'duplicate-url')).toEqual([]);
  });

  test('leaves pages whose folders only start like the site’s own, and pages beside a section’s articles', async () => {
    const site = await buildInMemory(
      {
        'nasional/banjir.md': STORY,
        'pages/pages-we-love.md': page('Favorit'),
        'pages/tagihan.md': page('Tagihan'),
        'pages/penulis/author.md': page('Penulis'),
        'pages/nasional/tentang.md': page('Tentang Nasional'),
        'pages/20300.md': page('Angka'),
      },
      SITE,
    );
    for (const path of ['pages-we-love', 'tagihan', 'penulis/author', 'nasional/tentang', '20300'])
      expect(site.files.has(`${path}/index.html`), path).toBe(true);
  });
});
