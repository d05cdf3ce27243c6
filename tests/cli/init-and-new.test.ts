import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { machineTimeZone } from '../../src/cli/init-command.js';
import { ROOT, runCli } from '../helpers/fixture-site.js';
import { runMain } from '../helpers/run-main.js';

const VNU = path.join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsgen-init-'));
  folders.push(dir);
  return dir;
}

/** What `npm install` gives a new site, without a registry: this checkout as node_modules/newsgen, and its bin. */
function installThisNewsgen(site: string): void {
  mkdirSync(path.join(site, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(ROOT, path.join(site, 'node_modules', 'newsgen'), 'dir');
  symlinkSync('../newsgen/bin/newsgen.js', path.join(site, 'node_modules', '.bin', 'newsgen'));
}

function npmRun(site: string, script: string) {
  const result = spawnSync('npm', ['run', '--silent', script], {
    cwd: site,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: 'true' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function htmlErrors(pages: readonly string[]): string[] {
  const result = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...pages], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = JSON.parse(result.stderr || result.stdout) as { messages: { url: string; message: string }[] };
  return report.messages.map((message) => `${message.url}: ${message.message}`);
}

describe('newsgen init, then new, as a new user would', () => {
  it('creates a site that npm run build turns into valid HTML, and publishes an article added with new', () => {
    const parent = tempFolder();
    const init = runCli(parent, ['init', 'mysite', '--locale', 'id-ID', '--time-zone', 'Asia/Jakarta']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('cd mysite\n  npm install');
    const site = path.join(parent, 'mysite');
    installThisNewsgen(site);
    const first = npmRun(site, 'build');
    expect(first.code, first.stderr).toBe(0);
    const pages = readdirSync(path.join(site, 'dist'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.html'))
      .map((file) => path.join(site, 'dist', file));
    expect(pages.length).toBeGreaterThan(8);
    expect(htmlErrors(pages)).toEqual([]);
    // A new site has search: its index, and the search page linked from every page's header.
    expect(existsSync(path.join(site, 'dist/pagefind/pagefind-entry.json'))).toBe(true);
    expect(readFileSync(path.join(site, 'dist/index.html'), 'utf8')).toContain('href="/search/"');

    const added = runCli(site, ['new', 'Judul Berita', '--section', 'nasional']);
    expect(added).toMatchObject({ code: 0, stdout: `${path.join('content', 'nasional', 'judul-berita.md')}\n` });
    expect(npmRun(site, 'build').code).toBe(0);
    expect(readFileSync(path.join(site, 'dist/nasional/judul-berita/index.html'), 'utf8')).toContain('Judul Berita');
    expect(readFileSync(path.join(site, 'dist/index.html'), 'utf8')).toContain('/nasional/judul-berita/');
    expect(readFileSync(path.join(site, 'dist/index.html'), 'utf8')).toContain('href="/tentang/"');

    const page = runCli(site, ['new', 'Kontak Redaksi', '--page']);
    expect(page).toMatchObject({ code: 0, stdout: `${path.join('content', 'pages', 'kontak-redaksi.md')}\n` });
    expect(npmRun(site, 'build').code).toBe(0);
    expect(readFileSync(path.join(site, 'dist/kontak-redaksi/index.html'), 'utf8')).toContain('Kontak Redaksi');

    // An opinion column and a live blog, as an editor starts them: both build, labelled and with the first update.
    expect(runCli(site, ['new', 'Kota Butuh Taman', '--section', 'nasional', '--kind', 'Opinion']).code).toBe(0);
    expect(runCli(site, ['new', 'Banjir Kota', '--section', 'nasional', '--live']).code).toBe(0);
    const withBoth = npmRun(site, 'build');
    expect(withBoth.code, withBoth.stderr).toBe(0);
    const opinion = readFileSync(path.join(site, 'dist/nasional/kota-butuh-taman/index.html'), 'utf8');
    expect(opinion).toMatch(/<span[^>]*>Opini<\/span>/);
    expect(opinion).toContain('"@type":"OpinionNewsArticle"');
    const live = readFileSync(path.join(site, 'dist/nasional/banjir-kota/index.html'), 'utf8');
    expect(live).toMatch(/id="update-\d{8}-\d{4}"/);
    expect(live).toContain('"@type":"LiveBlogPosting"');
    expect(withBoth.stderr).not.toContain('live-update');
  }, 120_000);

  it('refuses a folder that is not empty, writing nothing, and with --force adds only missing files', async () => {
    const site = tempFolder();
    writeFileSync(path.join(site, 'package.json'), '{ "name": "punya-saya" }\n');
    const refused = await runMain(site, ['init']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('not empty');
    expect(readdirSync(site)).toEqual(['package.json']);

    const forced = await runMain(site, ['init', '--force', '--format', 'json']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(path.join(site, 'package.json'), 'utf8')).toBe('{ "name": "punya-saya" }\n');
    expect(forced.stdout).toMatch(/Kept as they were[^\n]*\n {2}package\.json/);
    expect(readdirSync(site)).toContain('newsgen.config.json');
  });

  it('keeps a config in another format with --force instead of adding a second one the build would refuse', async () => {
    const site = tempFolder();
    writeFileSync(path.join(site, 'newsgen.config.yaml'), 'title: Punya Saya\n');
    const forced = await runMain(site, ['init', '--force', '--format', 'json']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readdirSync(site)).not.toContain('newsgen.config.json');
    expect(forced.stdout).toMatch(/Kept as they were[^\n]*\n(?: {2}\S+\n)* {2}newsgen\.config\.yaml/);
  });

  it("suggests the machine's time zone only when a site may use it, else the starter's default", () => {
    expect(machineTimeZone('UTC', 'Asia/Jakarta')).toBe('Asia/Jakarta');
    expect(machineTimeZone('UTC', undefined)).toBe('UTC');
    expect(machineTimeZone('UTC', 'Etc/Unknown')).toBe('UTC');
    expect(machineTimeZone('UTC', '')).toBe('UTC');
  });

  it('creates the site without asking when stdin is not a terminal', () => {
    const parent = tempFolder();
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/newsgen.js'), 'init', 'warta-kita'], {
      cwd: parent,
      encoding: 'utf8',
      input: 'jawaban yang tidak dibaca\n',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(path.join(parent, 'warta-kita', 'newsgen.config.yaml'), 'utf8')).toContain('title: Warta Kita');
  });

  it('prints a cd the shell reads back: the folder as given when outside this one, quoted so $ is not expanded', async () => {
    const here = tempFolder();
    const elsewhere = path.join(tempFolder(), 'warta $HOME');
    const outside = await runMain(here, ['init', elsewhere]);
    expect(outside.code, outside.stderr).toBe(0);
    expect(outside.stdout).toContain(`in ${elsewhere}:`);
    expect(outside.stdout).toContain(`  cd '${elsewhere}'\n`);
    const inside = await runMain(here, ['init', 'situs kita']);
    expect(inside.stdout).toContain('  cd "situs kita"\n');
  });

  it('refuses an invalid --time-zone with exit 2 before writing anything', async () => {
    const parent = tempFolder();
    const run = await runMain(parent, ['init', 'situs', '--time-zone', 'Asia/Atlantis']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--time-zone');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('refuses a --base-url with a query, which every build would drop, with exit 2 before writing anything', async () => {
    const parent = tempFolder();
    const run = await runMain(parent, ['init', 'situs', '--base-url', 'https://warta.example/?utm=x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"?utm=x"');
    expect(run.stderr).toContain('--base-url');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('writes an article into a section one slip away from a known one, and warns naming the one meant', async () => {
    const site = tempFolder();
    writeFileSync(path.join(site, 'newsgen.config.yaml'), 'locale: en\nsections: [city]\n');
    mkdirSync(path.join(site, 'content', 'sport'), { recursive: true });
    const slip = await runMain(site, ['new', 'Bridge Reopens', '--section', 'ctiy']);
    expect(slip.code, slip.stderr).toBe(0);
    expect(slip.stdout).toBe(`${path.join('content', 'ctiy', 'bridge-reopens.md')}\n`);
    expect(slip.stderr).toMatch(
      /content\/ctiy\/bridge-reopens\.md +warning {2}Unexpected section "ctiy", which the site does not have yet: did you mean "city"\? {2}new-section-unknown/,
    );
    // A folder of the content is a section too, and a new name far from every one is meant.
    expect((await runMain(site, ['new', 'Derby Day', '--section', 'sprot'])).stderr).toContain('did you mean "sport"?');
    const meant = await runMain(site, ['new', 'Market Day', '--section', 'business']);
    expect(meant.stderr).toBe('');
  });

  it('writes an article whose feed id stays when its file moves to another section', async () => {
    const site = tempFolder();
    const config = 'title: Warta\nbaseUrl: https://warta.example/\nsections: [nasional, ekonomi]\n';
    writeFileSync(path.join(site, 'newsgen.config.yaml'), config);
    expect((await runMain(site, ['new', 'Harga Cabai Naik'])).code).toBe(0);
    const guids = async () => {
      const run = await runMain(site, ['build', '--quiet']);
      expect(run.code, run.stderr).toBe(0);
      return readFileSync(path.join(site, 'dist/feed.xml'), 'utf8').match(/<guid[^>]*>[^<]+/g);
    };
    const before = await guids();
    mkdirSync(path.join(site, 'content/ekonomi'));
    renameSync(
      path.join(site, 'content/nasional/harga-cabai-naik.md'),
      path.join(site, 'content/ekonomi/harga-cabai-naik.md'),
    );
    // Its id came from the file's path: feed readers showed the moved article again as a new one.
    expect(await guids()).toEqual(before);
  });

  it('warns, at its line, while an article or page still holds the text new wrote, until it is written over', async () => {
    const site = tempFolder();
    writeFileSync(path.join(site, 'newsgen.config.yaml'), 'locale: en\nsections: [city]\n');
    expect((await runMain(site, ['new', 'Bridge Reopens'])).code).toBe(0);
    expect((await runMain(site, ['new', 'Storm Watch', '--live'])).code).toBe(0);
    expect((await runMain(site, ['new', 'About Us', '--page'])).code).toBe(0);
    const first = await runMain(site, ['build']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(
      /content\/city\/bridge-reopens\.md:9:1 +warning {2}Unexpected placeholder "Write the story here\." that newsgen new wrote, expected the text of the article {2}body-placeholder/,
    );
    // A live blog's placeholder is inside its first update.
    expect(first.stderr).toMatch(/content\/city\/storm-watch\.md:11:1 +warning {2}Unexpected placeholder/);
    expect(first.stderr).toMatch(
      /content\/pages\/about-us\.md:6:1 +warning {2}Unexpected placeholder "Write the page here\." that newsgen new wrote, expected the text of the page/,
    );
    for (const file of ['content/city/bridge-reopens.md', 'content/city/storm-watch.md', 'content/pages/about-us.md']) {
      const text = readFileSync(path.join(site, file), 'utf8');
      writeFileSync(
        path.join(site, file),
        text.replace(/^Write the (story|page) here\.$/m, 'The river bridge opened at noon.'),
      );
    }
    const written = await runMain(site, ['build']);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).not.toContain('body-placeholder');
  });

  it('schedules an article with --date, read as front matter is, and refuses a date that is none or a page with one', async () => {
    const site = tempFolder();
    writeFileSync(path.join(site, 'newsgen.config.yaml'), 'timeZone: Asia/Jakarta\nsections: [ekonomi]\n');
    const added = await runMain(site, ['new', 'Laporan Inflasi', '--date', '2026-12-01 06:00']);
    expect(added.code, added.stderr).toBe(0);
    const file = path.join(site, 'content/ekonomi/laporan-inflasi.md');
    expect(readFileSync(file, 'utf8')).toContain('\ndate: 2026-12-01T06:00:00+07:00\n');
    const before = await runMain(site, ['build', '--now', '2026-11-30T12:00:00+07:00']);
    expect(before.stderr).toContain('Held back: 1 scheduled article (it is dated 2026-12-01T06:00:00+07:00');

    const wrong = await runMain(site, ['new', 'Lain', '--date', '2026-02-30 06:00']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Unexpected --date: Unexpected date "2026-02-30 06:00"');
    expect(existsSync(path.join(site, 'content/ekonomi/lain.md'))).toBe(false);
    const page = await runMain(site, ['new', 'Tentang', '--page', '--date', '2026-12-01']);
    expect(page.code).toBe(2);
    expect(page.stderr).toContain('--date with --page');
  });

  it('refuses to overwrite an article with new', async () => {
    const site = tempFolder();
    writeFileSync(path.join(site, 'newsgen.config.yaml'), 'sections: [nasional]\n');
    expect((await runMain(site, ['new', 'Judul Sama'])).code).toBe(0);
    const path_ = path.join(site, 'content/nasional/judul-sama.md');
    writeFileSync(path_, 'diubah');
    const again = await runMain(site, ['new', 'Judul Sama']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Refusing to overwrite');
    expect(readFileSync(path_, 'utf8')).toBe('diubah');
  });

  it('refuses to write outside a site, naming the site when run below its folder, instead of a content/ no build reads', async () => {
    const site = tempFolder();
    writeFileSync(path.join(site, 'newsgen.config.yaml'), 'sections: [nasional]\n');
    mkdirSync(path.join(site, 'content', 'nasional'), { recursive: true });
    const below = await runMain(path.join(site, 'content', 'nasional'), ['new', 'Banjir Surut']);
    expect(below.code).toBe(1);
    expect(below.stderr).toContain(`Run newsgen in the site's folder, ${site}`);
    const elsewhere = tempFolder();
    const outside = await runMain(elsewhere, ['new', 'Banjir Surut', '--section', 'nasional']);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/No content folder/);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readdirSync(path.join(site, 'content', 'nasional'))).toEqual([]);
    // A site of content alone, without a config file, is a site.
    const bare = tempFolder();
    mkdirSync(path.join(bare, 'content'));
    expect((await runMain(bare, ['new', 'Banjir Surut', '--section', 'nasional'])).code).toBe(0);
  });

  it("refuses a page whose URL the site's own pages have, a section's listing too, with exit 2, writing nothing", async () => {
    const site = tempFolder();
    writeFileSync(path.join(site, 'newsgen.config.yaml'), 'sections: [nasional]\n');
    mkdirSync(path.join(site, 'content', 'opini'), { recursive: true });
    for (const [title, url] of [
      ['Tag', '/tag/'],
      ['Nasional', '/nasional/'],
      ['Opini', '/opini/'],
    ] as const) {
      const run = await runMain(site, ['new', '--page', title]);
      expect(run.code, title).toBe(2);
      expect(run.stderr).toContain(`URL ${url} is the address of`);
      expect(run.stderr).toContain('Pass another title');
    }
    expect(readdirSync(path.join(site, 'content'))).toEqual(['opini']);
    const kinded = await runMain(site, ['new', '--page', 'Tajuk', '--kind', 'opinion']);
    expect(kinded.code).toBe(2);
    expect(kinded.stderr).toContain('--kind, --live or --date with --page: pages have none of them');
    expect((await runMain(site, ['new', '--page', 'Tagar'])).code).toBe(0);
  });
});
