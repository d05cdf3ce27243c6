import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { article, createFixtureSite, runCli, snapshotTree } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const NOW = '2026-11-27T00:00:00+07:00';

/**
 * A newsroom's plugin making one results page per region of an election
 * from `data/pilkada.json`, in the order `URUTAN=balik` asks (the output must
 * not depend on it); `PILKADA` switches it to giving broken pages.
 */
const PLUGIN = `
export default {
  name: 'pilkada',
  pages({ data }, context) {
    if (process.env.PILKADA === 'rusak')
      return [{ path: '/pilkada/../../etc/', title: 'x' }, { path: '/pilkada/bali/', title: 7, params: 'x' }];
    if (process.env.PILKADA === 'bentrok')
      return [{ path: '/tag/pilkada/', title: 'Tag' }, { path: '/ekonomi/kopi/', title: 'Kopi' }];
    const wilayah = [...data.pilkada.wilayah];
    if (process.env.URUTAN === 'balik') wilayah.reverse();
    if (wilayah.length > 2) context.warn('Banyak wilayah', { rule: 'banyak' });
    return wilayah.map((w) => ({
      path: '/pilkada/' + w.slug + '/',
      title: 'Hasil Pilkada ' + w.nama,
      summary: 'Perolehan suara di ' + w.nama,
      layout: 'hasil',
      menu: w.slug === 'bali' ? 'footer' : undefined,
      markdown: '| Calon | Suara |\\n| --- | --- |\\n' +
        Object.entries(w.suara).map(([calon, suara]) => '| ' + calon + ' | ' + suara + ' |').join('\\n') +
        '\\n\\n<script>alert(1)</script>\\n\\n[klik](javascript:alert(1))',
      params: { suara: w.suara },
    }));
  },
};
`;

const HASIL =
  '<article data-pagefind-body><h1>{{entry.title}}</h1>{{{entry.html}}}<p class="suara-a">{{entry.params.suara.A}}</p></article>';

function regions(...list: [slug: string, nama: string, a: number][]): string {
  return JSON.stringify({ wilayah: list.map(([slug, nama, A]) => ({ slug, nama, suara: { A, B: 10 } })) });
}

function createSite(fillers = 0): string {
  return createFixtureSite({
    'newsgen.config.yaml':
      'title: Warta\nbaseUrl: https://warta.example/\nlocale: id-ID\ntimeZone: Asia/Jakarta\nsearch: true\nplugins:\n  - ./plugins/pilkada.mjs\n',
    'plugins/pilkada.mjs': PLUGIN,
    'templates/hasil.hbs': HASIL,
    'data/pilkada.json': regions(['jawa-tengah', 'Jawa Tengah', 120], ['bali', 'Bali', 50]),
    'content/ekonomi/kopi.md': article({ title: 'Kopi', date: '2026-11-20 09:00' }),
    ...Object.fromEntries(
      Array.from({ length: fillers }, (_, index) => [
        `content/nasional/berita-${index}.md`,
        article({ title: `Berita ${index}`, date: '2026-11-19 09:00' }),
      ]),
    ),
  });
}

async function build(dir: string, ...args: string[]) {
  const run = await runMain(dir, ['build', '--now', NOW, '--json', ...args]);
  const report = JSON.parse(run.stdout) as { files: { written: string[]; deleted: string[] }; upToDate: boolean };
  return { ...run, ...report };
}

function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}

function dom(dir: string, file: string): Document {
  return new DOMParser().parseFromString(read(dir, file), 'text/html') as unknown as Document;
}

describe('pages a plugin adds', { timeout: 120_000 }, () => {
  it('are built as content pages (custom layout, sanitized body, JSON-LD, sitemap, search, menus), the same bytes cold, warm, in any order and on worker threads', async () => {
    const dir = createSite(40);
    const cold = await build(dir, '--out', 'cold');
    expect(cold.code, cold.stderr).toBe(0);
    const page = dom(dir, 'cold/pilkada/bali/index.html');
    expect(page.querySelector('h1')?.textContent).toBe('Hasil Pilkada Bali');
    expect(page.querySelector('.suara-a')?.textContent).toBe('50');
    expect([...page.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual(['A', '50', 'B', '10']);
    // The sanitizer runs last: the plugin's Markdown cannot carry script.
    const html = read(dir, 'cold/pilkada/bali/index.html');
    expect(html).not.toContain('<script>alert');
    expect(page.querySelector('a[href^="javascript"]')).toBeNull();
    expect(page.querySelector('article a')?.textContent).toBe('klik');
    expect(read(dir, 'cold/pilkada/jawa-tengah/index.html')).toContain('"@type":"WebPage"');
    expect(read(dir, 'cold/sitemap-pages.xml')).toContain('<loc>https://warta.example/pilkada/jawa-tengah/</loc>');
    expect(dom(dir, 'cold/index.html').querySelector('.site-footer a[href="/pilkada/bali/"]')?.textContent).toBe(
      'Hasil Pilkada Bali',
    );
    expect(cold.stderr).not.toContain('pilkada/banyak');
    const tree = snapshotTree(path.join(dir, 'cold'));
    expect([...tree.keys()].some((file) => file.startsWith('pagefind/'))).toBe(true);

    const warm = await build(dir, '--out', 'warm');
    expect(warm.code, warm.stderr).toBe(0);
    expect(snapshotTree(path.join(dir, 'warm'))).toEqual(tree);
    process.env['URUTAN'] = 'balik';
    try {
      const reversed = await build(dir, '--out', 'reversed', '--no-cache');
      expect(reversed.code, reversed.stderr).toBe(0);
      expect(snapshotTree(path.join(dir, 'reversed'))).toEqual(tree);
    } finally {
      delete process.env['URUTAN'];
    }
    const workers = runCli(dir, [
      'build',
      '--now',
      NOW,
      '--quiet',
      '--no-cache',
      '--concurrency',
      '2',
      '--out',
      'workers',
    ]);
    expect(workers.code, workers.stderr).toBe(0);
    expect(snapshotTree(path.join(dir, 'workers'))).toEqual(tree);
  });

  it('write nothing when the hook gives the same pages, only a changed page, and delete a page no longer given, as a cold build would', async () => {
    const dir = createSite();
    expect((await build(dir)).code).toBe(0);
    const again = await build(dir);
    expect(again.upToDate).toBe(true);
    expect(again.files.written).toEqual([]);

    writeFileSync(
      path.join(dir, 'data/pilkada.json'),
      regions(['jawa-tengah', 'Jawa Tengah', 120], ['bali', 'Bali', 55], ['papua', 'Papua', 9]),
    );
    const changed = await build(dir);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.files.written.filter((file) => !file.startsWith('pagefind/'))).toEqual([
      'pilkada/bali/index.html',
      'pilkada/papua/index.html',
      'sitemap-pages.xml',
    ]);
    // What the hook reports is the build's own warning, on every build, up to date or not.
    expect(changed.stderr).toMatch(
      /newsgen\.config\.yaml\s+warning\s+Banyak wilayah \(plugin "pilkada"\)\s+pilkada\/banyak/,
    );
    expect((await build(dir)).stderr).toContain('pilkada/banyak');

    writeFileSync(path.join(dir, 'data/pilkada.json'), regions(['bali', 'Bali', 55]));
    const removed = await build(dir);
    expect(removed.files.deleted.filter((file) => !file.startsWith('pagefind/'))).toEqual([
      'pilkada/jawa-tengah/index.html',
      'pilkada/papua/index.html',
    ]);
    expect(read(dir, 'dist/sitemap-pages.xml')).not.toContain('jawa-tengah');
    expect((await build(dir, '--out', 'cold', '--no-cache')).code).toBe(0);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(snapshotTree(path.join(dir, 'cold')));
  });

  it('that are invalid, reserved or taken are errors naming the plugin, the field and the path, and leave the output as it was', async () => {
    const dir = createSite();
    expect((await build(dir)).code).toBe(0);
    const before = snapshotTree(path.join(dir, 'dist'));
    try {
      process.env['PILKADA'] = 'rusak';
      const broken = await runMain(dir, ['build', '--now', NOW]);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain(
        'newsgen.config.yaml  error  Unexpected path "/pilkada/../../etc/" for pages[0].path: it has a ".." segment, which could leave the output folder, expected lower-case slugs between slashes such as /pilkada/jawa-tengah/ (plugin "pilkada")  plugin-error',
      );
      expect(broken.stderr).toContain(
        'Unexpected number 7 for pages[1].title, expected text (plugin "pilkada", page /pilkada/bali/)',
      );
      expect(broken.stderr).toContain('Unexpected text "x" for pages[1].params, expected an object');
      expect(broken.stderr).not.toMatch(/\n\s+at /);
      process.env['PILKADA'] = 'bentrok';
      const taken = await runMain(dir, ['build', '--now', NOW]);
      expect(taken.code).toBe(1);
      expect(taken.stderr).toMatch(
        /plugin "pilkada" \/ekonomi\/kopi\/\s+error\s+Unexpected page at URL \/ekonomi\/kopi\/, which content\/ekonomi\/kopi\.md claims too\s+duplicate-url/,
      );
      expect(taken.stderr).toMatch(
        /plugin "pilkada" \/tag\/pilkada\/\s+error\s+Unexpected page at URL \/tag\/pilkada\/.*page-url-reserved/,
      );
      expect(taken.stderr).toContain('give it another path there');
    } finally {
      delete process.env['PILKADA'];
    }
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
  });
});
