import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/fixture-site.js';
import { createTempFolder } from '../helpers/temp-folders.js';
import { buildInMemory, validateSitemap } from '../syndication/build-in-memory.js';
import { IMAGE_SIZES, NOW, SITE_CONFIG, SITE_CONTENT } from '../syndication/site-fixture.js';

const VNU = path.join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

/** Errors the W3C Nu HTML checker reports for the given HTML files. */
function checkHtml(pages: readonly string[]): { url: string; message: string }[] {
  const result = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...pages], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(result.error).toBeUndefined();
  const report = JSON.parse(result.stderr || result.stdout) as {
    messages: { type: string; url: string; message: string }[];
  };
  return report.messages.filter((message) => message.type === 'error');
}

describe('the example site', () => {
  let out = '';
  let files: string[] = [];

  // Timeout: builds the example site in a new process, as a user would.
  beforeAll(() => {
    out = path.join(createTempFolder('example'), 'dist');
    const run = runCli(ROOT, ['build', '--out', out, '--now', '2026-11-27T00:00:00+07:00']);
    expect(run.code, run.stderr).toBe(0);
    files = readdirSync(out, { recursive: true }).map(String).sort();
  }, 60_000);

  // Timeout: the Nu checker is a Java program; it starts and checks every page of the site.
  it('has no error in any page according to the W3C Nu HTML checker', () => {
    const pages = files.filter((file) => file.endsWith('.html')).map((file) => path.join(out, file));
    expect(pages.length).toBeGreaterThan(50);
    expect(checkHtml(pages)).toEqual([]);
  }, 120_000);

  it('keeps every article page within 30,000 bytes of HTML, CSS and JavaScript (issue 23), as npm run page-size counts them', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'page-size.mjs'), '--json', out], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const { budget, pages } = JSON.parse(run.stdout) as {
      budget: number;
      pages: { page: string; total: number; assets: { url: string }[] }[];
    };
    expect(budget).toBe(30_000);
    // Every article of the example site is measured, the video stories (facade, gallery, embed script) among them.
    expect(pages.length).toBe(
      files.filter(
        (file) =>
          file.endsWith('index.html') &&
          readFileSync(path.join(out, file), 'utf8').includes('<article class="article"'),
      ).length,
    );
    expect(pages.map((entry) => entry.page)).toContain('/video/video-perajin-tenun-sumba/');
    expect(
      pages.find((entry) => entry.page === '/video/video-perajin-tenun-sumba/')?.assets.map((asset) => asset.url),
    ).toContain('/assets/embeds.js');
    expect(pages.filter((entry) => entry.total > budget).map((entry) => `${entry.page} ${entry.total}`)).toEqual([]);
  });

  it('shows a video story whose facade is posted with the lead photo once: the facade in the lead place, fetched first', () => {
    const html = readFileSync(path.join(out, 'video/video-uji-coba-bus-listrik/index.html'), 'utf8');
    expect(html.match(/<picture>/g)).toHaveLength(1);
    const facade = /<figure class="embed embed-video lead-figure">[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    expect(facade).toContain('data-embed="youtube"');
    expect(facade).toContain('fetchpriority="high"');
    expect(facade).not.toContain('loading="lazy"');
    expect(html.indexOf(facade)).toBeLessThan(html.indexOf('<div class="article-body">'));
    expect(html).toContain('assets/embeds.js');
  });

  it('builds what the README quick tour says: its article file becomes the page it names, printed as it shows', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const tour = readme.slice(readme.indexOf('## A quick tour'), readme.indexOf('## Reference'));
    const source = /An article, `([^`]+)`/.exec(tour)?.[1] ?? '(no article named)';
    const page = /becomes `dist\/([^`]+)`/.exec(tour)?.[1] ?? '(no page named)';
    expect(existsSync(path.join(ROOT, source)), source).toBe(true);
    const shown = /```markdown\n(---\n[\s\S]*?\n---\n)/.exec(tour)?.[1] ?? '';
    const written = readFileSync(path.join(ROOT, source), 'utf8');
    // The tour abridges long lines with "…"; every line it shows starts a line of the file.
    for (const line of shown.split('\n').filter(Boolean)) expect(written).toContain(line.replace(/ …$/, ''));
    const html = readFileSync(path.join(out, page), 'utf8');
    for (const printed of ['Rabu, 18 Nov 2026 13:00 WIB', 'Makassar:', '(RKW)', 'Berita lainnya']) {
      expect(tour).toContain(printed);
      expect(html).toContain(printed);
    }
  });

  // Timeout: validates sitemaps against the XML schemas with xmllint compiled to WebAssembly.
  it('writes feeds, sitemaps and robots.txt that real consumers accept', async () => {
    for (const name of ['feed.xml', 'atom.xml', 'feed.json', 'ekonomi/feed.xml', 'robots.txt', 'sitemap.xml'])
      expect(files).toContain(name);
    for (const name of files.filter((file) => /^sitemap.*\.xml$/.test(file))) {
      const result = await validateSitemap(readFileSync(path.join(out, name), 'utf8'), name);
      expect(result.valid, result.output).toBe(true);
    }
  }, 30_000);
});

describe('pages of a site with a hostile article title', () => {
  // Timeout: the Nu checker is a Java program; it starts and checks every page of the site.
  it('have no error according to the W3C Nu HTML checker', async () => {
    const site = await buildInMemory(SITE_CONFIG, SITE_CONTENT, { inline: { now: NOW }, imageSizes: IMAGE_SIZES });
    const dir = createTempFolder('hostile');
    const pages: string[] = [];
    for (const [file, html] of site.files) {
      if (!file.endsWith('.html')) continue;
      const target = path.join(dir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, html);
      pages.push(target);
    }
    expect(checkHtml(pages)).toEqual([]);
  }, 120_000);
});
