import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, type CliRun, createFixtureSite, runCli, snapshotTree } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const CONFIG = JSON.stringify({
  title: 'Warta Uji',
  baseUrl: 'https://uji.example/',
  locale: 'id-ID',
  timeZone: 'Asia/Jakarta',
});

/**
 * Builds a good site once, breaks it with `change`, rebuilds, and returns the
 * failed run. Runs `main` in this process unless `run` says otherwise.
 */
async function breakAndRebuild(
  change: (dir: string) => void,
  args: string[] = ['build'],
  run: (cwd: string, args: readonly string[]) => CliRun | Promise<CliRun> = runMain,
) {
  const dir = createFixtureSite({ 'newsgen.config.json': CONFIG, 'content/ekonomi/baik.md': article() });
  const first = await run(dir, ['build']);
  expect(first.code, first.stderr).toBe(0);
  const before = snapshotTree(path.join(dir, 'dist'));
  change(dir);
  const result = await run(dir, args);
  expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
  expect(result.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  return { dir, ...result };
}

const write = (file: string, text: string) => (dir: string) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};

// Timeout: each test builds a site twice; the first build in the file also loads the Markdown and template stages.
describe('newsgen build with bad input', { timeout: 30_000 }, () => {
  it('reports malformed YAML with file, line and column, exits 1 and keeps the old dist', async () => {
    const run = await breakAndRebuild(
      write('content/ekonomi/rusak.md', '---\ntitle: Judul\ndate: 2016-09-09\ntags: [a, b\n---\nIsi\n'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/content\/ekonomi\/rusak\.md:\d+:\d+/);
    expect(run.stderr).toContain('front-matter-yaml');
  });

  it('reports front matter that is never closed', async () => {
    const run = await breakAndRebuild(
      write('content/ekonomi/terbuka.md', '---\ntitle: Judul\ndate: 2016-09-09\n\nIsi tanpa penutup\n'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/content\/ekonomi\/terbuka\.md:1:1/);
    expect(run.stderr).toContain('front-matter-unclosed');
  });

  it('reports a missing title and an impossible date of different files in one run', async () => {
    const run = await breakAndRebuild((dir) => {
      write('content/ekonomi/tanpa-judul.md', article({ title: '' }))(dir);
      write('content/ekonomi/tanggal.md', article({ date: '2016-02-30' }))(dir);
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('content/ekonomi/tanpa-judul.md');
    expect(run.stderr).toMatch(/content\/ekonomi\/tanggal\.md:3:7 .*2016-02-30/);
    expect(run.stderr).toMatch(/2 errors/);
  });

  it("reports a typo'd key beside the error it causes, and only the broken file's warnings", async () => {
    const run = await breakAndRebuild((dir) => {
      write('content/ekonomi/salah-ketik.md', '---\ntitel: Harga cabai naik\ndate: 2026-11-18 10:00\n---\nIsi\n')(dir);
      write('content/ekonomi/lain.md', article({ title: 'Berita lain' }).replace('---\n', '---\nringkasn: x\n'))(dir);
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/content\/ekonomi\/salah-ketik\.md:2:1 .*Unknown key "titel", did you mean "title"\?/);
    expect(run.stderr).toMatch(/content\/ekonomi\/salah-ketik\.md.*title/);
    expect(run.stderr).toMatch(/1 error in 1 file/);
    expect(run.stderr).not.toContain('ringkasn');
  });

  it('reports every static file where the build writes a page or a file, in one run, and check finds them too', async () => {
    const run = await breakAndRebuild((dir) => {
      write('static/feed.xml', '<rss/>')(dir);
      write('static/404.html', '<p>hilang</p>')(dir);
      write('static/ekonomi/baik/index.html', '<p>statis</p>')(dir);
      write('static/tag', 'berkas')(dir);
    });
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((line) => line.includes('output-collision'));
    expect(lines).toEqual([
      expect.stringMatching(/^static\/404\.html .*the page \/404\.html of \(generated not-found page\)/),
      expect.stringMatching(
        /^static\/ekonomi\/baik\/index\.html .*the page \/ekonomi\/baik\/ of content\/ekonomi\/baik\.md/,
      ),
      expect.stringMatching(/^static\/feed\.xml .*the feed feed\.xml/),
      expect.stringMatching(/^static\/tag .*which needs the folder tag\//),
    ]);
    const checked = await runMain(run.dir, ['check']);
    expect(checked.code).toBe(1);
    expect(checked.stderr.split('\n').filter((line) => line.includes('output-collision'))).toHaveLength(4);
  });

  it('refuses to build an empty content folder over a site that had articles, which a failed checkout looks like', async () => {
    const run = await breakAndRebuild((dir) => {
      rmSync(path.join(dir, 'content'), { recursive: true });
      mkdirSync(path.join(dir, 'content'));
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The content folder content has no files, and the last build published 1 article');
    expect(run.stderr).toContain('content-empty');
  });

  it("reports a broken file and the other files' duplicate URLs and aliases in one run, but not links to the broken file", async () => {
    const run = await breakAndRebuild((dir) => {
      write('content/ekonomi/rusak.md', article({ date: '2026-13-01' }))(dir);
      write('content/ekonomi/kembar-a.md', article({ slug: 'kembar' }))(dir);
      write('content/ekonomi/kembar-b.md', article({ slug: 'kembar', aliases: '[/ekonomi/baik/]' }))(dir);
      write('content/ekonomi/tautan.md', article({}, '::related{slug=rusak}\n'))(dir);
    });
    expect(run.code).toBe(1);
    const rules = [...run.stderr.matchAll(/^(content\/\S+)\s+error\s.*\s(\S+)$/gm)].map(([, file, rule]) => [
      file,
      rule,
    ]);
    expect(rules).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/^content\/ekonomi\/rusak\.md/), 'front-matter-date'],
        [expect.stringMatching(/^content\/ekonomi\/kembar-b\.md/), 'duplicate-url'],
        [expect.stringMatching(/^content\/ekonomi\/kembar-b\.md/), 'alias-collision'],
      ]),
    );
    expect(run.stderr).not.toContain('related-unknown-slug');
  });

  it('reports a title that is a list at the title line', async () => {
    const run = await breakAndRebuild(write('content/ekonomi/daftar.md', article({ title: '[satu, dua]' })));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/content\/ekonomi\/daftar\.md:2:8 .*title/);
  });

  it('names both files when two articles would write the same URL', async () => {
    const run = await breakAndRebuild((dir) => {
      write('content/ekonomi/a.md', article({ slug: 'sama' }))(dir);
      write('content/ekonomi/b.md', article({ slug: 'sama' }))(dir);
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('duplicate-url');
    expect(run.stderr).toContain('content/ekonomi/a.md');
    expect(run.stderr).toContain('content/ekonomi/b.md');
  });

  it('reports a file that is not UTF-8 by name without crashing', async () => {
    const run = await breakAndRebuild((dir) =>
      writeFileSync(path.join(dir, 'content/ekonomi/biner.md'), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3])),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('content/ekonomi/biner.md');
    expect(run.stderr).toContain('file-encoding');
  });

  it('reports a template syntax error with the template file and line', async () => {
    const run = await breakAndRebuild(
      write('templates/article.hbs', '<article>\n{{#if article.title}}\n<h1>{{article.title}}</h1>\n'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^templates\/article\.hbs:\d+/m);
    expect(run.stderr).not.toContain(run.dir);
  });

  it('names a template that fails while rendering from the site folder, as content errors are', async () => {
    const run = await breakAndRebuild(
      write('templates/article.hbs', '<article>{{#each article}}{{/each}}{{t}}</article>\n'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Template templates/article.hbs failed to render');
    expect(run.stderr).not.toContain(run.dir);
  });

  it('reports a missing partial by name', async () => {
    const run = await breakAndRebuild(write('templates/article.hbs', '<article>{{> tidak-ada}}</article>\n'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('tidak-ada');
    expect(run.stderr).toContain('templates/article.hbs');
  });

  it('reports an invalid config file with its line', async () => {
    const run = await breakAndRebuild(write('newsgen.config.json', '{\n  "title": "x",\n  "perPage": "banyak"\n}\n'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/newsgen\.config\.json:3:\d+ .*perPage/);
  });

  it('reports a config file with broken syntax', async () => {
    const run = await breakAndRebuild(write('newsgen.config.json', '{\n  "title": "x",,\n}\n'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('newsgen.config.json');
  });

  it('reports an unknown time zone naming the key', async () => {
    const run = await breakAndRebuild(
      write('newsgen.config.json', JSON.stringify({ title: 'x', timeZone: 'Asia/Atlantis' }, null, 2)),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/newsgen\.config\.json:3:\d+ .*timeZone/);
  });

  // Timeout: two builds of bodies nested 50,000 deep, one in a new process with workers, take seconds on a busy machine.
  it('reports bodies nested too deeply, Markdown at its place, the same with and without workers', async () => {
    const nest = (dir: string) => {
      write('content/ekonomi/kutipan.md', article({}, `Pembuka.\n\n${'> '.repeat(400)}kutipan\n`))(dir);
      write('content/ekonomi/html.md', article({}, `${'<div>'.repeat(50_000)}isi${'</div>'.repeat(50_000)}\n`))(dir);
      write('content/authors.yml', `sari:\n  name: Sari\n  bio: "${'> '.repeat(400)}bio"\n`)(dir);
    };
    const single = await breakAndRebuild(nest, ['build', '--concurrency', '0']);
    expect(single.code).toBe(1);
    // Line 10 of the file: five front matter fields, a blank line, "Pembuka.", a blank line.
    expect(single.stderr).toMatch(/content\/ekonomi\/kutipan\.md:10:\d+ .*nested more than 256 levels deep/);
    expect(single.stderr).toMatch(/content\/ekonomi\/html\.md:8:1 .*raw HTML nested more than 512 elements deep/);
    expect(single.stderr).toMatch(/content\/authors\.yml:3:8 .*nested more than 256 levels deep/);
    expect(single.stderr).toMatch(/3 errors/);
    // A new process: worker threads load the built worker entry, which only the package has.
    const workers = await breakAndRebuild(nest, ['build', '--concurrency', '2'], runCli);
    expect(workers.code).toBe(1);
    expect(workers.stderr).toBe(single.stderr);
  }, 60_000);

  it.each([
    ['the working directory', ['build', '--out', '.']],
    ['the content folder', ['build', '--out', 'content']],
    ['a parent folder', ['build', '--out', '..']],
  ])('refuses --out pointing at %s with exit 2, deleting nothing', async (_name, args) => {
    const run = await breakAndRebuild(() => undefined, args);
    expect(run.code).toBe(2);
    expect(existsSync(path.join(run.dir, 'content/ekonomi/baik.md'))).toBe(true);
    expect(run.stderr).toMatch(/out/i);
  });

  it.each([
    ['an unknown command', ['bangun']],
    ['an unknown option', ['build', '--kecepatan']],
  ])('exits 2 on %s', async (_name, args) => {
    const run = await breakAndRebuild(() => undefined, args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown/i);
  });
});

describe('newsgen build on good input', () => {
  it('builds an empty content folder into a valid empty site', async () => {
    const dir = createFixtureSite({ 'newsgen.config.json': CONFIG });
    mkdirSync(path.join(dir, 'content'));
    const run = await runMain(dir, ['build']);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'dist/index.html'))).toBe(true);
    expect(existsSync(path.join(dir, 'dist/404.html'))).toBe(true);
  });

  it("publishes a static robots.txt, _redirects and site icon in place of its own, and the static folder's own assets/", async () => {
    const dir = createFixtureSite({
      'newsgen.config.json': CONFIG,
      'content/ekonomi/baik.md': article(),
      'static/robots.txt': 'User-agent: *\nDisallow: /draf/\n',
      'static/_redirects': '/lama/ /ekonomi/ 301\n',
      'static/assets/site-icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'static/assets/iklan.js': 'console.log(1);\n',
    });
    const run = await runMain(dir, ['build']);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'dist/robots.txt'), 'utf8')).toContain('/draf/');
    expect(readFileSync(path.join(dir, 'dist/_redirects'), 'utf8')).toBe('/lama/ /ekonomi/ 301\n');
    expect(existsSync(path.join(dir, 'dist/assets/iklan.js'))).toBe(true);
  });

  it('warns about files that look like articles but are not .md, which would vanish from a migrated site', async () => {
    const dir = createFixtureSite({
      'newsgen.config.json': CONFIG,
      'content/ekonomi/baik.md': article(),
      'content/ekonomi/lama.markdown': article({ title: 'Lama' }),
      'content/ekonomi/KAPITAL.MD': article({ title: 'Kapital' }),
      'content/ekonomi/arsip.html': '<h1>Arsip</h1>',
      'content/ekonomi/catatan.txt': 'catatan redaksi',
    });
    const run = await runMain(dir, ['build']);
    expect(run.code, run.stderr).toBe(0);
    const warned = run.stderr.split('\n').filter((line) => line.includes('content-not-read'));
    expect(warned).toEqual([
      expect.stringMatching(/^content\/ekonomi\/KAPITAL\.MD .*not read/),
      expect.stringMatching(/^content\/ekonomi\/arsip\.html /),
      expect.stringMatching(/^content\/ekonomi\/lama\.markdown /),
    ]);
  });

  it('prints help and version with exit 0', async () => {
    const dir = createFixtureSite({});
    expect(await runMain(dir, ['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('build') });
    expect(await runMain(dir, ['build', '--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('--base-url'),
    });
    expect(await runMain(dir, ['--version'])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/),
    });
  });
});
