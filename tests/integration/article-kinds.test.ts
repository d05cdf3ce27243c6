import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildInMemory } from '../helpers/build-in-memory.js';
import { copySiteSources, createFixtureSite, runCli, snapshotTree } from '../helpers/fixture-site.js';
import { createTempFolder } from '../helpers/temp-folders.js';

const SITE = { title: 'Warta Uji', locale: 'id-ID', timeZone: 'Asia/Jakarta', baseUrl: 'https://warta.example/' };
const VNU_JAR = path.join(process.cwd(), 'node_modules/vnu-jar/build/dist/vnu.jar');

/** An article of `kind` (none: news) on 26 November, `hour` o'clock, tagged `pesisir`, linking out and in. */
function story(title: string, hour: number, fields: string[] = []): string {
  return [
    '---',
    `title: ${title}`,
    `date: 2026-11-26 ${String(hour).padStart(2, '0')}:00`,
    'author: Sari Wulandari',
    'tags: [Pesisir]',
    ...fields,
    '---',
    '',
    'Baca [laporan BMKG](https://bmkg.example/rob) dan [berita sebelumnya](/nasional/rob/).',
    '',
  ].join('\n');
}

/** One article of each kind, the news oldest and the advertorial newest. */
const CONTENT: Record<string, string> = {
  'nasional/rob.md': story('Rob Menggenangi Pesisir', 8),
  'opini/tanggul.md': story('Pesisir Butuh Tanggul Laut', 9, ['kind: opinion']),
  'analisis/rob.md': story('Mengapa Rob Makin Sering', 10, ['kind: analysis']),
  'ulasan/pompa.md': story('Pompa Air Portabel untuk Warga', 11, ['kind: review']),
  'latar/rob.md': story('Apa Itu Banjir Rob', 12, ['kind: background']),
  'ekonomi/tabungan.md': story('Tabungan untuk Nelayan', 13, ['kind: sponsored', 'sponsor: Bank Sejahtera']),
};

function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function jsonLdTypes(doc: Document): string[] {
  return [...doc.querySelectorAll('script[type="application/ld+json"]')].map(
    (script) => (JSON.parse(script.textContent ?? '{}') as { '@type': string })['@type'],
  );
}

describe('articles of each kind', () => {
  it('are labelled above the title on their page, and the sponsored one says who paid', async () => {
    const site = await buildInMemory(CONTENT, SITE);
    const labels = {
      'nasional/rob': 'nasional',
      'opini/tanggul': 'Opini · opini',
      'analisis/rob': 'Analisis · analisis',
      'ulasan/pompa': 'Ulasan · ulasan',
      'latar/rob': 'Latar Belakang · latar',
      'ekonomi/tabungan': 'Advertorial · ekonomi',
    };
    for (const [page, label] of Object.entries(labels))
      expect(text(site.dom(`${page}/index.html`).querySelector('.article-section')), page).toBe(label);
    const sponsored = site.dom('ekonomi/tabungan/index.html');
    expect(text(sponsored.querySelector('.article-meta'))).toMatch(/^Dipersembahkan oleh Bank Sejahtera Oleh Sari/);
    expect(site.dom('opini/tanggul/index.html').querySelector('.article-meta')?.textContent).not.toContain(
      'Dipersembahkan',
    );
  });

  it('are labelled on every card: home, section blocks, tag and author listings, related and other news', async () => {
    const site = await buildInMemory(CONTENT, SITE);
    const home = site.dom('index.html');
    const homeLabels = [...home.querySelectorAll('.card')].map((card) => text(card.querySelector('.card-section')));
    // The advertorial is the newest, but paid content leads only when featured: the newest other
    // article leads, and the advertorial's card comes next, labelled.
    expect(homeLabels.slice(0, 2)).toEqual(['Latar Belakang · latar', 'Advertorial · ekonomi']);
    expect(homeLabels).toContain('Opini · opini');
    // A section front's cards show no section, and still the label.
    expect(text(site.dom('opini/index.html').querySelector('.card-section'))).toBe('Opini');
    for (const listing of ['tag/pesisir/index.html', 'author/sari-wulandari/index.html']) {
      const cards = [...site.dom(listing).querySelectorAll('.card')];
      const sponsored = cards.find((card) => text(card.querySelector('.card-title')) === 'Tabungan untuk Nelayan');
      expect(text(sponsored?.querySelector('.card-section')), listing).toMatch(/^Advertorial/);
    }
    // Other news and related stories list only older articles: the newest page shows every other kind.
    const aside = [...site.dom('ekonomi/tabungan/index.html').querySelectorAll('.aside li a')].map(text);
    expect(aside).toContain('Latar Belakang: Apa Itu Banjir Rob');
    expect(aside).toContain('Opini: Pesisir Butuh Tanggul Laut');
    expect(aside).toContain('Rob Menggenangi Pesisir');
    // The fresh list the script shows from latest.json keeps the labels.
    const latest = JSON.parse(site.file('latest.json')) as { articles: { title: string; label?: string }[] };
    expect(latest.articles.map((article) => [article.title, article.label])).toEqual([
      ['Tabungan untuk Nelayan', 'Advertorial'],
      ['Apa Itu Banjir Rob', 'Latar Belakang'],
      ['Pompa Air Portabel untuk Warga', 'Ulasan'],
      ['Mengapa Rob Makin Sering', 'Analisis'],
      ['Pesisir Butuh Tanggul Laut', 'Opini'],
      ['Rob Menggenangi Pesisir', undefined],
    ]);
  });

  it("give search engines their schema.org type and the sponsor; sponsored links are rel=sponsored, the site's own are not", async () => {
    const site = await buildInMemory(CONTENT, SITE);
    expect(jsonLdTypes(site.dom('nasional/rob/index.html'))[0]).toBe('NewsArticle');
    expect(jsonLdTypes(site.dom('opini/tanggul/index.html'))[0]).toBe('OpinionNewsArticle');
    expect(jsonLdTypes(site.dom('analisis/rob/index.html'))[0]).toBe('AnalysisNewsArticle');
    expect(jsonLdTypes(site.dom('ulasan/pompa/index.html'))[0]).toBe('ReviewNewsArticle');
    expect(jsonLdTypes(site.dom('latar/rob/index.html'))[0]).toBe('BackgroundNewsArticle');
    const sponsored = site.dom('ekonomi/tabungan/index.html');
    const [article] = [...sponsored.querySelectorAll('script[type="application/ld+json"]')].map(
      (script) => JSON.parse(script.textContent ?? '{}') as Record<string, unknown>,
    );
    expect(article?.['@type']).toBe('Article');
    expect(article?.['sponsor']).toEqual({ '@type': 'Organization', name: 'Bank Sejahtera' });
    const body = sponsored.querySelector('.article-body');
    expect(body?.querySelector('a[href="https://bmkg.example/rob"]')?.getAttribute('rel')).toBe('sponsored');
    expect(body?.querySelector('a[href="/nasional/rob/"]')?.hasAttribute('rel')).toBe(false);
    const opinion = site.dom('opini/tanggul/index.html').querySelector('.article-body');
    expect(opinion?.querySelector('a[href="https://bmkg.example/rob"]')?.hasAttribute('rel')).toBe(false);
  });

  it('leave the advertorial out of the Google News sitemap, and keep opinion, analysis, review and background in', async () => {
    const site = await buildInMemory(CONTENT, SITE);
    const news = site.file('sitemap-news-1.xml');
    expect([...news.matchAll(/<loc>https:\/\/warta\.example(\/[^<]*)<\/loc>/g)].map((match) => match[1])).toEqual([
      '/latar/rob/',
      '/ulasan/pompa/',
      '/analisis/rob/',
      '/opini/tanggul/',
      '/nasional/rob/',
    ]);
    // It stays in the site's own sitemap.
    expect(site.file('sitemap-2026-11.xml')).toContain('https://warta.example/ekonomi/tabungan/');
  });

  // Timeout: the Nu checker is a Java program.
  it('make pages the Nu HTML checker accepts', async () => {
    const site = await buildInMemory(CONTENT, SITE);
    const dir = createTempFolder('kinds-vnu');
    const pages = ['index.html', 'ekonomi/tabungan/index.html', 'opini/tanggul/index.html', 'tag/pesisir/index.html'];
    const files = pages.map((page) => {
      const file = path.join(dir, page);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, site.file(page));
      return file;
    });
    const result = await promisify(execFile)('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files])
      .then(() => ({ stderr: '{"messages":[]}' }))
      .catch((error: { stderr?: string }) => ({ stderr: error.stderr ?? '' }));
    const report = JSON.parse(result.stderr) as { messages: { url?: string; message: string }[] };
    expect(report.messages.map((m) => `${m.url ?? ''}: ${m.message}`)).toEqual([]);
  }, 120_000);

  // Timeout: four builds in new processes.
  it('rebuild from the cache to the bytes of a cold build when an article becomes sponsored, and back', () => {
    const files = Object.fromEntries(Object.entries(CONTENT).map(([file, body]) => [`content/${file}`, body]));
    const dir = createFixtureSite({
      'newsgen.config.json': JSON.stringify(SITE),
      'static/robots-note.txt': 'Situs uji.\n',
      ...files,
    });
    const build = (cwd: string, ...args: string[]) => {
      const run = runCli(cwd, ['build', '--now', '2026-11-27T00:00:00+07:00', '--quiet', ...args]);
      expect(run.code, run.stderr).toBe(0);
      return snapshotTree(path.join(cwd, 'dist'));
    };
    build(dir);
    const news = path.join(dir, 'content/nasional/rob.md');
    const original = readFileSync(news, 'utf8');
    for (const edit of [
      original.replace('tags: [Pesisir]', 'tags: [Pesisir]\nkind: sponsored\nsponsor: Toko Pompa'),
      original,
    ]) {
      writeFileSync(news, edit);
      const warm = build(dir);
      expect(warm).toEqual(build(copySiteSources(dir, 'kinds-cold'), '--no-cache'));
    }
  }, 120_000);
});
