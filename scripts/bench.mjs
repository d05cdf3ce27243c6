#!/usr/bin/env node
// newsgen's own benchmark: builds a generated news corpus cold (no output, no cache),
// warm (nothing changed), after one article changed, and then the publishing
// scenarios: a new newest article (one section, one tag), that article deleted
// again, an older article's title edited, and the publish again as CI runs it: the
// site copied to another folder with every file's time new (a fresh clone there,
// the output folder and build cache restored beside it, as the deploy recipes
// keep them), then the article added; then the next CI run, a fresh copy of that
// folder with the next article (what every run after the first costs: the
// static files' hashes are the last run's to compare with). Each build is a whole CLI process;
// it prints wall time, files written and deleted (from the build's --changes
// manifest), pages per second, peak memory and CPU time (from GNU time).
// CPU time is split into user (newsgen's own work, on every thread) and system
// (the kernel's): on a busy or virtualised machine the system part swings
// widely between identical runs, and the wall time with it.
// Every build runs at one fixed clock a few hours after the newest article, as a
// live site would, so the Google News sitemap holds the last 48 hours' articles.
// With --photos, every article's lead image exists (a distinct photo-like
// 1200 × 800 JPEG in static/, made by scripts/add-bench-images.mjs before the
// cold build and not timed), as in a newsroom's archive; the corpus config
// links images as written, so the builds list, measure and copy the photos.
// The published article then brings its own photo, deleted with it.
// With --pipeline (implies --photos) the image pipeline is on, as in a new
// site's config: each article's photo becomes a dozen derived files. Every
// photo then has the same bytes under its own name, so the cold build encodes
// one set of files and writes the rest: the bench times the bookkeeping of a
// photo archive, not the encoder (that is npm run bench:images).
// With --search the site has `search: true` (as `newsgen init` writes it): every
// build that renders a page also runs Pagefind over every article and page of the
// site, which has no incremental mode (docs/search.md: what that costs, and why the
// index is not split by year); two scenarios follow the title edit: the publish
// again with --defer-search, which keeps the last index, and the next build, which
// catches it up.
// With --aliases every article keeps an old address, as a site moved from
// WordPress does (a redirect rule and a redirect page each); the published
// article has none of its own.
// usage: npm run bench -- [--n 10000] [--photos] [--pipeline] [--search] [--aliases] [--keep DIR]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, renderArticle } from './gen-corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const n = Number(option('--n', 10000));
const kept = option('--keep', undefined);
const dir = kept ? path.resolve(kept) : fs.mkdtempSync(path.join(os.tmpdir(), `newsgen-bench-${n}-`));

const run = (command, argv, cwd) =>
  spawnSync(command, argv, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    maxBuffer: 64 << 20,
  });
const pipeline = args.includes('--pipeline');
const plan = generateCorpus({ n, out: dir, images: pipeline, aliases: args.includes('--aliases') });
const photos = pipeline || args.includes('--photos');
const search = args.includes('--search');
if (search) {
  const configFile = path.join(dir, 'newsgen.config.json');
  fs.writeFileSync(
    configFile,
    JSON.stringify({ ...JSON.parse(fs.readFileSync(configFile, 'utf8')), search: true }, null, 2),
  );
}
if (photos) {
  const made = run(
    process.execPath,
    [
      path.join(root, 'scripts', 'add-bench-images.mjs'),
      '--dir',
      dir,
      '--width',
      '1200',
      '--height',
      '800',
      ...(pipeline ? ['--same'] : []),
    ],
    root,
  );
  if (made.status !== 0) throw new Error(`Cannot make the corpus's photos:\n${made.stderr}`);
}
/** The build clock: the corpus's newest article is from 26 June 2026, 18:00 in Jakarta. */
const NOW = '2026-06-27T12:00:00+07:00';
const changesFile = path.join(dir, 'changes.json');

function build(label, cwd = dir, flags = []) {
  const result = run(
    'time',
    [
      '-f',
      '%e %M %U %S',
      process.execPath,
      path.join(root, 'bin', 'newsgen.js'),
      'build',
      '--now',
      NOW,
      '--changes',
      changesFile,
      ...flags,
    ],
    cwd,
  );
  if (result.error) throw new Error(`Cannot run GNU time (${result.error.message}): on Debian, apt-get install time`);
  const lines = result.stderr.trim().split('\n');
  const [seconds, kilobytes, user, system] = (lines.pop() ?? '').split(' ').map(Number);
  if (result.status !== 0) throw new Error(`${label} build failed:\n${result.stderr}`);
  const summary = lines.filter((line) => /Built|Up to date/.test(line)).pop() ?? '';
  const pages = Number(
    (/→ ([\d,]+) pages|: ([\d,]+) pages/.exec(summary)?.slice(1).find(Boolean) ?? '0').replace(/,/g, ''),
  );
  const changes = JSON.parse(fs.readFileSync(changesFile, 'utf8'));
  return {
    label,
    seconds,
    mb: kilobytes / 1024,
    user,
    system,
    pages,
    written: changes.written.length,
    deleted: changes.deleted.length,
    summary,
  };
}

const results = [];
fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
fs.rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
results.push(build('cold'));
results.push(build('warm'));
const section = path.join(dir, 'content', 'ekonomi');
const article = path.join(section, fs.readdirSync(section).sort()[0]);
fs.writeFileSync(
  article,
  fs.readFileSync(article, 'utf8').replace(/^title: "/m, 'title: "Diperbarui: ') +
    '\nSatu paragraf tambahan untuk pengukuran.\n',
);
results.push(build('one change'));

// Publishing: the newest article yet, in one section with one tag, three hours before the clock.
const newest = plan.articles[plan.articles.length - 1];
const fresh = {
  ...newest,
  slug: 'berita-terbaru-bench',
  file: `content/${newest.section}/berita-terbaru-bench.md`,
  title: 'Berita terbaru untuk mengukur penerbitan',
  date: '2026-06-27T09:00:00+07:00',
  authors: newest.authors.slice(0, 1),
  tags: newest.tags.slice(0, 1),
  // With photos it brings its own, as a reporter's article does (the newest's bytes under its own name).
  image: { ...newest.image, path: `/images/${newest.section}/berita-terbaru-bench.jpg` },
  // A new article has no old address (with --aliases, the newest's would be claimed twice).
  aliases: undefined,
};
const freshPhoto = path.join(dir, 'static', ...fresh.image.path.split('/'));
if (photos) fs.copyFileSync(path.join(dir, 'static', ...newest.image.path.split('/')), freshPhoto);
fs.writeFileSync(path.join(dir, fresh.file), renderArticle(fresh));
results.push(build('publish'));
fs.rmSync(path.join(dir, fresh.file));
fs.rmSync(freshPhoto, { force: true });
results.push(build('delete'));
// An article from the middle of the archive gets a new headline.
const older = plan.articles[Math.floor(plan.articles.length / 2)];
const olderFile = path.join(dir, older.file);
fs.writeFileSync(
  olderFile,
  fs.readFileSync(olderFile, 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(`${older.title}, diralat`)}`),
);
results.push(build('title'));
if (search) {
  // The publish again, leaving the search index to the next build (`--defer-search`), then that build.
  fs.writeFileSync(path.join(dir, fresh.file), renderArticle(fresh));
  results.push(build('deferred', dir, ['--defer-search']));
  results.push(build('catch-up'));
  fs.rmSync(path.join(dir, fresh.file));
  build('(untimed)');
}

// CI: another folder, where every file is new to the file system (fs.cpSync keeps no times); the
// manifest should list the publish's files alone, and the time show what a fresh checkout adds.
// Then the next CI run: a fresh checkout again, with the output and cache the last run left, and the
// next article: its static files' hashes are the last run's to compare with.
const checkouts = [`${dir}-checkout`, `${dir}-checkout-next`];
const following = {
  ...fresh,
  slug: 'berita-berikutnya-bench',
  file: `content/${newest.section}/berita-berikutnya-bench.md`,
  title: 'Berita berikutnya untuk mengukur penerbitan',
  date: '2026-06-27T10:00:00+07:00',
  image: { ...fresh.image, path: `/images/${newest.section}/berita-berikutnya-bench.jpg` },
};
for (const [index, [label, published]] of [
  ['ci publish', fresh],
  ['ci next', following],
].entries()) {
  const [from, to] = [index === 0 ? dir : checkouts[0], checkouts[index]];
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
  if (photos)
    fs.copyFileSync(
      path.join(dir, 'static', ...newest.image.path.split('/')),
      path.join(to, 'static', ...published.image.path.split('/')),
    );
  fs.writeFileSync(path.join(to, published.file), renderArticle(published));
  results.push(build(label, to));
}
if (!kept) for (const folder of checkouts) fs.rmSync(folder, { recursive: true, force: true });

const pictures =
  (pipeline ? ', a photo each, image pipeline on' : photos ? ', a photo each' : '') +
  (search ? ', search on' : '') +
  (args.includes('--aliases') ? ', an old address each' : '');
// The Node version and core count change every figure (Node 22 built the corpus a fifth faster than Node 20).
const machine = `Node ${process.version}, ${os.availableParallelism()} cores`;
console.log(`\nnewsgen ${n.toLocaleString('en-US')} articles${pictures}, ${machine} (${dir})`);
for (const r of results) {
  console.log(
    `${r.label.padEnd(10)} ${r.seconds.toFixed(2).padStart(7)} s  ${String(r.written).padStart(6)} written ${String(r.deleted).padStart(5)} deleted  ${(r.pages / r.seconds).toFixed(0).padStart(7)} pages/s  peak ${r.mb.toFixed(0).padStart(5)} MB  cpu ${r.user.toFixed(1).padStart(5)} s user ${r.system.toFixed(1).padStart(5)} s system   ${r.summary}`,
  );
}
if (!kept) fs.rmSync(dir, { recursive: true, force: true });
