import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createFixtureSite, ROOT, snapshotTree } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const EXPORT = path.join(ROOT, 'tests', 'fixtures', 'wordpress', 'warta-lama.xml');
const validateReport = new Ajv().compile(
  JSON.parse(readFileSync(path.join(ROOT, 'tests/report/build-report.schema.json'), 'utf8')),
);

function site(): string {
  return createFixtureSite({
    'newsgen.config.json': JSON.stringify({
      title: 'Kabar Pesisir',
      baseUrl: 'https://kabarpesisir.example.com/',
      locale: 'id-ID',
      timeZone: 'Asia/Jakarta',
    }),
    'content/.keep': '',
  });
}

function page(dir: string, url: string): Document {
  return parseHTML(readFileSync(path.join(dir, 'dist', url, 'index.html'), 'utf8')).document;
}

// Timeout: each test imports a small export and builds it once in this process.
describe('newsgen import wordpress', { timeout: 30_000 }, () => {
  it('imports an export into a site that then builds, with its dates, sections, tags and old addresses', async () => {
    const dir = site();
    const run = await runMain(dir, ['import', 'wordpress', EXPORT]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Imported 5 posts and 2 pages; skipped 3 attachments, 1 menu item, 1 trashed post');
    expect(run.stdout).toContain('media.kabarpesisir.example.com');
    expect(run.stderr).not.toContain('import-shortcode');

    const build = await runMain(dir, ['build', '--now', '2026-11-01T00:00:00Z']);
    expect(build.code, build.stderr).toBe(0);
    const story = page(dir, 'ekonomi/harga-ikan-naik');
    expect(story.querySelector('h1')?.textContent).toBe('Harga Ikan Tongkol Naik Jelang Musim Angin Barat');
    expect(story.querySelector('time')?.getAttribute('datetime')).toBe('2026-10-06T07:30:00+07:00');
    const links = [...story.querySelectorAll('a')].map((link) => link.getAttribute('href'));
    expect(links).toContain('/ekonomi/');
    expect(links).toEqual(expect.arrayContaining(['/tag/nelayan/', '/tag/cuaca/']));
    expect(story.querySelector('table')).not.toBeNull();
    // Filed under "Opini" and "Olahraga": a column in the sports section, labelled as such.
    const column = page(dir, 'olahraga/voli-pantai');
    expect(column.querySelector('.article-section')?.textContent).toBe('Opini · Olahraga');
    expect(story.querySelector('img[alt="Pedagang menawar ikan di meja pelelangan"]')).not.toBeNull();
    expect(readFileSync(path.join(dir, 'dist/_redirects'), 'utf8')).toContain(
      '/2026/10/06/harga-ikan-naik/ /ekonomi/harga-ikan-naik/ 301',
    );
    const race = page(dir, 'olahraga/lomba-dayung');
    expect(race.querySelector('h1')?.textContent).toBe('Lomba Dayung Tradisional Ramaikan Teluk');
    expect(race.querySelector('a.embed-facade')?.getAttribute('href')).toBe(
      'https://www.youtube.com/watch?v=pH7sNw4cJ0e',
    );
    const gallery = [...page(dir, 'ekonomi/gudang-pendingin').querySelectorAll('.gallery-grid img')];
    expect(gallery.map((image) => image.getAttribute('alt'))).toEqual([
      'Gedung gudang pendingin koperasi',
      'Rak berisi peti ikan beku',
    ]);
    expect(existsSync(path.join(dir, 'content/pages/tentang-kami/index.md'))).toBe(true);
    expect(page(dir, 'tentang-kami/redaksi').querySelector('h1')?.textContent).toBe('Redaksi');
    expect(readFileSync(path.join(dir, 'dist/_redirects'), 'utf8')).not.toContain('tentang-kami');
    expect(existsSync(path.join(dir, 'content/ekonomi/rencana-tanggul-laut-masih-dibahas.md'))).toBe(true);
    expect(existsSync(path.join(dir, 'dist/ekonomi/rencana-tanggul-laut-masih-dibahas'))).toBe(false);
  });

  it('redirects the old permalinks of a WordPress site under a path to the same path of the new site', async () => {
    const dir = createFixtureSite({
      'newsgen.config.json': JSON.stringify({
        title: 'Kabar Pesisir',
        baseUrl: 'https://kabarpesisir.example.com/berita/',
        timeZone: 'Asia/Jakarta',
      }),
      'content/.keep': '',
      'berita.xml': readFileSync(EXPORT, 'utf8').replaceAll(
        'https://kabarpesisir.example.com/',
        'https://kabarpesisir.example.com/berita/',
      ),
    });
    const run = await runMain(dir, ['import', 'wordpress', 'berita.xml']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Old permalinks are on');
    const build = await runMain(dir, ['build', '--now', '2026-11-01T00:00:00Z']);
    expect(build.code, build.stderr).toBe(0);
    const rules = readFileSync(path.join(dir, 'dist/_redirects'), 'utf8');
    expect(rules).toContain('/berita/2026/10/06/harga-ikan-naik/ /berita/ekonomi/harga-ikan-naik/ 301');
    expect(rules).not.toContain('/berita/berita/');
    expect(rules).not.toContain('tentang-kami');
    const old = page(dir, '2026/10/06/harga-ikan-naik');
    expect(old.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://kabarpesisir.example.com/berita/ekonomi/harga-ikan-naik/',
    );
    expect(page(dir, 'tentang-kami/redaksi').querySelector('h1')?.textContent).toBe('Redaksi');
  });

  it('refuses to overwrite an existing file, naming it, and writes nothing; --force replaces it', async () => {
    const dir = site();
    await runMain(dir, ['import', 'wordpress', EXPORT]);
    writeFileSync(path.join(dir, 'content/ekonomi/harga-ikan-naik.md'), 'mine\n');
    const before = snapshotTree(dir);
    const refused = await runMain(dir, ['import', 'wordpress', EXPORT]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('content/ekonomi/harga-ikan-naik.md');
    expect(refused.stderr).toContain('import-exists');
    expect(snapshotTree(dir)).toEqual(before);
    const forced = await runMain(dir, ['import', 'wordpress', EXPORT, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'content/ekonomi/harga-ikan-naik.md'), 'utf8')).toContain('title: Harga Ikan');
  });

  it('names the line and column of malformed XML, says when XML is not an export, and exits 2 on usage errors', async () => {
    const dir = site();
    writeFileSync(path.join(dir, 'rusak.xml'), '<rss>\n<channel>\n<item></channel>\n</rss>\n');
    const broken = await runMain(dir, ['import', 'wordpress', 'rusak.xml']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/rusak\.xml:3:\d+ .*import-xml/);
    writeFileSync(path.join(dir, 'feed.xml'), '<rss><channel><title>Umpan</title></channel></rss>');
    const feed = await runMain(dir, ['import', 'wordpress', 'feed.xml']);
    expect(feed.code).toBe(1);
    expect(feed.stderr).toContain('import-not-wxr');
    expect((await runMain(dir, ['import', 'wordpress'])).code).toBe(2);
    expect((await runMain(dir, ['import', 'joomla', 'x.xml'])).code).toBe(2);
    expect((await runMain(dir, ['import', 'wordpress', 'hilang.xml'])).code).toBe(2);
    expect(snapshotTree(path.join(dir, 'content'))).toEqual(new Map([['.keep', '']]));
  });

  it('prints one JSON report with --json: files written, skipped items by kind, warnings with their place', async () => {
    const dir = site();
    writeFileSync(
      path.join(dir, 'kode.xml'),
      readFileSync(EXPORT, 'utf8').replace('Kabar Pesisir adalah', '[contact-form-7 id="4"] Kabar Pesisir adalah'),
    );
    const run = await runMain(dir, ['import', 'wordpress', 'kode.xml', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report).toMatchObject({
      command: 'import',
      ok: true,
      articles: 5,
      pages: 2,
      skipped: { attachment: 3, nav_menu_item: 1, trash: 1 },
      warnings: 1,
      diagnostics: [{ file: 'content/pages/tentang-kami/index.md', line: 5, column: 1, ruleId: 'import-shortcode' }],
    });
    expect(report.files.written).toContain('content/pages/tentang-kami/redaksi.md');
    expect(report.files.written).toHaveLength(7);
    expect(report.notes).toEqual([expect.stringContaining('media.kabarpesisir.example.com')]);
    expect(run.stderr).toContain('Imported 5 posts and 2 pages');

    const refused = await runMain(dir, ['import', 'wordpress', 'kode.xml', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, diagnostics: [{ ruleId: 'import-exists' }] });
    const usage = await runMain(dir, ['import', 'wordpress', '--json']);
    expect(usage.code).toBe(2);
    expect(validateReport(JSON.parse(usage.stdout))).toBe(true);
  });

  it("puts the config's warnings in the JSON report, as a build's report has them", async () => {
    const dir = site();
    const configFile = path.join(dir, 'newsgen.config.json');
    writeFileSync(configFile, JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), titel: 'Kabar' }));
    const run = await runMain(dir, ['import', 'wordpress', EXPORT, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'newsgen.config.json', ruleId: 'config-unknown-key', severity: 'warning' }),
    );
    expect(run.stderr).toContain('config-unknown-key');
  });
});
