import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { article, createFixtureSite, ROOT, runCli, snapshotTree } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const NOW = '2026-11-27T00:00:00+07:00';
/** The example plugin package (tests/fixtures), installed into fixture sites as npm would link it. */
const PLUGIN_PACKAGE = path.join(ROOT, 'tests', 'fixtures', 'newsgen-plugin-warta');

/** A config file that uses the example plugin with `options` (JavaScript source). */
function wartaConfig(options: string): string {
  return [
    "import warta from 'newsgen-plugin-warta';",
    '',
    'export default {',
    "  title: 'Warta Uji',",
    "  baseUrl: 'https://warta.example/',",
    "  locale: 'id-ID',",
    "  timeZone: 'Asia/Jakarta',",
    `  plugins: [warta(${options})],`,
    '};',
    '',
  ].join('\n');
}

/** The theme's article template with the plugin's partial and helper, and its site data, under the headline. */
function articleTemplate(): string {
  const theme = readFileSync(path.join(ROOT, 'templates', 'article.hbs'), 'utf8');
  const headline = '<h1 class="article-title"><span dir="auto">{{title}}</span></h1>';
  expect(theme).toContain(headline);
  return theme.replace(
    headline,
    `${headline}\n{{> waktu-baca}}\n<p class="menit">{{menit-baca html}}</p>\n<p class="jumlah">{{@root.site.data.warta.jumlahBerita}}</p>`,
  );
}

const KOPI = [
  'Ketua koperasi berkata "panen raya" datang lebih awal tahun ini.',
  '',
  'Baca [laporan lengkapnya](https://data.example/kopi) dan [arsip kami](https://warta.example/arsip/).',
  '',
  '<iframe src="https://e.infogram.com/kopi-2026" scrolling="no" data-id="9" onload="steal()"></iframe>',
  '',
].join('\n');

/** A site with the example plugin installed, `count` filler articles, and any `files` on top. */
function createPluginSite(files: Record<string, string>, count = 3): string {
  const fillers = Object.fromEntries(
    Array.from({ length: count }, (_, index) => [
      `content/nasional/berita-${index}.md`,
      article(
        {
          title: `Berita Nasional ${index}`,
          date: `2026-11-${String(1 + (index % 20)).padStart(2, '0')} 08:${String(index % 60).padStart(2, '0')}`,
        },
        `Isi berita ${index} dengan "kutipan" singkat.\n`,
      ),
    ]),
  );
  const dir = createFixtureSite({
    'content/ekonomi/kopi.md': article({ title: 'Kopi Toraja', date: '2026-11-20 09:00' }, KOPI),
    ...fillers,
    ...files,
  });
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(PLUGIN_PACKAGE, path.join(dir, 'node_modules', 'newsgen-plugin-warta'), 'dir');
  return dir;
}

function dom(dir: string, out: string, page: string): Document {
  const html = readFileSync(path.join(dir, out, page), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

async function build(dir: string, ...args: string[]) {
  const run = await runMain(dir, ['build', '--now', NOW, '--quiet', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

// Timeout: builds in this process and, for worker threads, in new processes with the built package.
describe('plugins', { timeout: 120_000 }, () => {
  it('show their remark and rehype steps, helper, partial, strings, data and embed host in the output, with the same bytes cold, warm, and on worker threads from a JSON config naming the package', async () => {
    const dir = createPluginSite(
      {
        'newsgen.config.mjs': wartaConfig("{ kataPerMenit: 5, indexNowKey: 'kunci-indexnow-7' }"),
        'templates/article.hbs': articleTemplate(),
      },
      40,
    );
    await build(dir, '--out', 'cold');
    const page = dom(dir, 'cold', 'ekonomi/kopi/index.html');
    const body = page.querySelector('.article-body');
    expect(body?.textContent).toContain('berkata “panen raya” datang');
    expect(body?.querySelector('a[href="https://data.example/kopi"]')?.getAttribute('class')).toBe('tautan-luar');
    expect(body?.querySelector('a[href="https://warta.example/arsip/"]')?.hasAttribute('class')).toBe(false);
    const iframe = body?.querySelector('iframe');
    expect(iframe?.getAttribute('src')).toBe('https://e.infogram.com/kopi-2026');
    expect(iframe?.getAttribute('data-id')).toBe('9');
    expect(iframe?.hasAttribute('onload')).toBe(false);
    // 16 words at 5 a minute; the string comes from the plugin's Indonesian strings.
    expect(page.querySelector('.waktu-baca')?.textContent).toBe('4 menit baca');
    expect(page.querySelector('.menit')?.textContent).toBe('4');
    expect(page.querySelector('.jumlah')?.textContent).toBe('41');
    expect(readFileSync(path.join(dir, 'cold', 'kunci-indexnow-7.txt'), 'utf8')).toBe('kunci-indexnow-7');

    const cold = snapshotTree(path.join(dir, 'cold'));
    await build(dir, '--out', 'warm');
    expect(snapshotTree(path.join(dir, 'warm'))).toEqual(cold);
    // The same site with a JSON config naming the plugin's package and its options, built on worker threads.
    rmSync(path.join(dir, 'newsgen.config.mjs'));
    writeFileSync(
      path.join(dir, 'newsgen.config.json'),
      JSON.stringify({
        title: 'Warta Uji',
        baseUrl: 'https://warta.example/',
        locale: 'id-ID',
        timeZone: 'Asia/Jakarta',
        plugins: [['newsgen-plugin-warta', { kataPerMenit: 5, indexNowKey: 'kunci-indexnow-7' }]],
      }),
    );
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
    expect(snapshotTree(path.join(dir, 'workers'))).toEqual(cold);
  });

  it('strip the script and the event handlers a hostile rehype plugin adds to article bodies', async () => {
    const hostile = `
      const element = (tagName, properties, children = []) => ({ type: 'element', tagName, properties, children });
      export default {
        title: 'Warta Uji',
        plugins: [{
          name: 'pelacak',
          rehypePlugins: [() => (tree) => {
            tree.children.push(
              element('script', { src: 'https://pelacak.example/x.js' }),
              element('p', { onClick: 'curi()' }, [element('a', { href: 'javascript:curi()' }, [{ type: 'text', value: 'klik' }])]),
            );
          }],
        }],
      };`;
    const dir = createPluginSite({ 'newsgen.config.mjs': hostile });
    await build(dir);
    const body = dom(dir, 'dist', 'ekonomi/kopi/index.html').querySelector('.article-body');
    expect(body?.innerHTML).toContain('<a>klik</a>');
    expect(body?.querySelectorAll('script')).toHaveLength(0);
    expect(body?.innerHTML).not.toMatch(/onclick|javascript:|curi\(\)|pelacak/i);
  });

  it('report a plugin that throws at the file and place it gave, exit 1, and leave the previous output as it was', async () => {
    const sensor = `
      const walk = (node, visit) => { visit(node); for (const child of node.children ?? []) walk(child, visit); };
      export default {
        title: 'Warta Uji',
        plugins: [{
          name: 'sensor',
          remarkPlugins: [() => (tree, file) => walk(tree, (node) => {
            if (node.type === 'text' && node.value.includes('RAHASIA')) file.fail('Kata RAHASIA tidak boleh terbit', node);
          })],
        }],
      };`;
    const dir = createPluginSite({ 'newsgen.config.mjs': sensor });
    await build(dir);
    const before = snapshotTree(path.join(dir, 'dist'));
    writeFileSync(
      path.join(dir, 'content', 'nasional', 'bocor.md'),
      article({ title: 'Dokumen Bocor' }, 'Paragraf pertama.\n\nIsinya RAHASIA negara.\n'),
    );
    const run = await runMain(dir, ['build', '--now', NOW]);
    expect(run.code).toBe(1);
    // The body starts on line 8 of the file; the plugin placed the error at its text node.
    expect(run.stderr).toMatch(
      /content\/nasional\/bocor\.md:10:1\s+error\s+Plugin "sensor" failed: Kata RAHASIA tidak boleh terbit\s+plugin-error/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
  });

  it('write nothing again while plugins stay the same, and only the pages a changed option of a plugin changes', async () => {
    const dir = createPluginSite({ 'newsgen.config.mjs': wartaConfig("{ situs: 'https://warta.example/' }") });
    await build(dir);
    // Unchanged plugins: a warm build with nothing to do.
    expect(JSON.parse((await build(dir, '--json')).stdout).files).toMatchObject({ written: [], deleted: [] });
    // Now links to data.example are the site's own: only the article that has one changes.
    writeFileSync(path.join(dir, 'newsgen.config.mjs'), wartaConfig("{ situs: 'https://data.example/' }"));
    const run = await build(dir, '--json');
    const written: string[] = JSON.parse(run.stdout).files.written;
    expect(written).toContain('ekonomi/kopi/index.html');
    expect(written.filter((file) => !/(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(file))).toEqual([
      'ekonomi/kopi/index.html',
    ]);
    const body = dom(dir, 'dist', 'ekonomi/kopi/index.html').querySelector('.article-body');
    expect(body?.querySelector('a[href="https://data.example/kopi"]')?.hasAttribute('class')).toBe(false);
    expect(body?.querySelector('a[href="https://warta.example/arsip/"]')?.getAttribute('class')).toBe('tautan-luar');
  });

  it('report an error a hook throws from a timer as the plugin’s, without a stack, exit 1, and leave the previous output as it was', () => {
    // The timer throws while the build goes on to render: the build must stop before it replaces the output.
    const timer = `
      export default {
        title: 'Warta Uji',
        plugins: [{
          name: 'jam-rusak',
          siteModel: () => {
            setTimeout(() => { throw new Error('jam mati'); }, 0);
            return new Promise((resolve) => setTimeout(() => resolve({}), 50));
          },
        }],
      };`;
    const dir = createPluginSite({ 'newsgen.config.mjs': "export default { title: 'Warta Uji' };" });
    expect(runCli(dir, ['build', '--now', NOW, '--quiet']).code).toBe(0);
    const before = snapshotTree(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'newsgen.config.mjs'), timer);
    writeFileSync(path.join(dir, 'content', 'nasional', 'baru.md'), article({ title: 'Berita Baru' }));
    const run = runCli(dir, ['build', '--now', NOW]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /Plugin "jam-rusak" failed in siteModel: jam mati \(thrown by code the hook left running\)\s+plugin-error/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(path.join(dir, 'dist'))).toEqual(before);
  });

  it('name the plugin and the hook whose promise never settles, instead of exiting silently with code 13', () => {
    const hangs = `
      export default {
        title: 'Warta Uji',
        plugins: [{ name: 'macet', configResolved: () => new Promise(() => {}) }],
      };`;
    const dir = createPluginSite({ 'newsgen.config.mjs': hangs });
    const run = runCli(dir, ['build', '--now', NOW]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Plugin "macet" never finished its configResolved hook: its promise never settled/);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('stop a build whose worker threads cannot load a plugin, naming it', () => {
    const mainOnly = `
      import { isMainThread } from 'node:worker_threads';
      export default {
        title: 'Warta Uji',
        plugins: [isMainThread && { name: 'utama-saja', rehypePlugins: [() => () => undefined] }],
      };`;
    const dir = createPluginSite({ 'newsgen.config.mjs': mainOnly }, 40);
    const run = runCli(dir, ['build', '--now', NOW, '--no-cache', '--concurrency', '2']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Plugin "utama-saja" could not be loaded in a worker thread');
    expect(run.stderr).toContain('plugin-worker');
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});
