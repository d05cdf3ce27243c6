#!/usr/bin/env node
// Measures `newsgen watch` latency on a generated corpus: the time from
// saving an article to its page on disk, from changing a title to the home
// and section listings showing it, from adding a new newest article to its
// page and its section's listing showing it, and from deleting that article
// to both no longer showing it. Prints the medians. With --photo the new
// article brings its own lead photo into static/ (written just before it,
// deleted with it), as a reporter's article does. Beside each median it
// prints the rebuild's own time as the watch logs it ("Rebuilt in …"), and at
// the end how much slower this machine reads memory left at rest for a moment
// (scripts/idle-memory.mjs): the gap between a save and its rebuild is the
// watcher's, and a machine that slows idle memory slows every rebuild.
// With --aliases every article keeps an old address (`aliases:`), as a site moved
// from WordPress does: the site then has a redirect page and rule per article.
// usage: node scripts/bench-watch.mjs [--n 10000] [--runs 9] [--dir DIR] [--photo] [--aliases] [--verbose]
// (the corpus goes to a temporary folder, deleted at the end, unless --dir names one to keep)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { generateCorpus } from './gen-corpus.mjs';
import { describeIdleMemory, measureIdleMemory } from './idle-memory.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values: args } = parseArgs({
  options: {
    n: { type: 'string' },
    runs: { type: 'string' },
    dir: { type: 'string' },
    photo: { type: 'boolean' },
    aliases: { type: 'boolean' },
    verbose: { type: 'boolean' },
  },
});
const n = Number(args.n ?? 10000);
const runs = Number(args.runs ?? 9);
const dir = args.dir ? path.resolve(args.dir) : mkdtempSync(path.join(tmpdir(), `newsgen-bench-watch-${n}-`));

if (args.dir) rmSync(dir, { recursive: true, force: true });
const plan = generateCorpus({ n, out: dir, aliases: args.aliases === true });
/** The lead photo a published article brings with --photo. */
const photoBytes = args.photo
  ? await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#4a6d8c' } })
      .jpeg()
      .toBuffer()
  : undefined;

// The newest article (the plan's last) is on page 1 of the home page and of its section.
const newest = plan.articles[plan.articles.length - 1];
const articleFile = path.join(dir, newest.file);
const { section, slug } = newest;
const pageFile = path.join(dir, 'dist', section, slug, 'index.html');
const homeFile = path.join(dir, 'dist', 'index.html');
const sectionFile = path.join(dir, 'dist', section, 'index.html');

const child = spawn(
  process.execPath,
  [path.join(ROOT, 'bin', 'newsgen.js'), 'watch', ...(args.verbose ? ['--verbose'] : [])],
  { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
);
let log = '';
child.stderr.setEncoding('utf8');
child.stderr.on('data', (chunk) => (log += chunk));
const started = performance.now();
await until(() => log.includes('Watching for changes') || child.exitCode !== null, 600_000);
if (!log.includes('Watching for changes')) throw new Error(`watch did not start:\n${log}`);
console.log(`first build and watcher ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (!existsSync(pageFile)) throw new Error(`expected ${pageFile}`);

const original = readFileSync(articleFile, 'utf8');
const bodyTimes = [];
const titleTimes = [];
const publishTimes = [];
const deleteTimes = [];
/** The rebuilds' own times, as the watch logs them, by scenario. */
const rebuilt = { body: [], title: [], publish: [], delete: [] };
try {
  for (let run = 0; run < runs; run += 1) {
    const word = `suntingan${run}x${Date.now().toString(36)}`;
    const [elapsed, rebuild] = await timeEdit(
      original.replace(/\n---\n\n/, `\n---\n\nParagraf ${word} ditambahkan.\n\n`),
      word,
      [pageFile],
    );
    bodyTimes.push(elapsed);
    rebuilt.body.push(rebuild);
  }
  for (let run = 0; run < runs; run += 1) {
    const title = `Judul Bench ${run} ${Date.now().toString(36)}`;
    const [elapsed, rebuild] = await timeEdit(original.replace(/^title: .*$/m, `title: "${title}"`), title, [
      homeFile,
      sectionFile,
    ]);
    titleTimes.push(elapsed);
    rebuilt.title.push(rebuild);
  }
  for (let run = 0; run < runs; run += 1) {
    const [published, deleted] = await timePublishAndDelete(run);
    publishTimes.push(published.elapsed);
    rebuilt.publish.push(published.rebuild);
    deleteTimes.push(deleted.elapsed);
    rebuilt.delete.push(deleted.rebuild);
  }
} finally {
  writeFileSync(articleFile, original);
  child.kill('SIGINT');
  await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve()));
  if (!args.dir) rmSync(dir, { recursive: true, force: true });
}
if (args.verbose) console.log(log);
console.log(
  `articles: ${n}, runs: ${runs}${args.photo ? ', each new article with its own photo' : ''}${args.aliases ? ', each article with an old address' : ''}`,
);
report('body edit → article page on disk', bodyTimes, rebuilt.body);
report('title edit → home and section pages', titleTimes, rebuilt.title);
report('new newest article → its page and section listing', publishTimes, rebuilt.publish);
report('that article deleted → gone from both', deleteTimes, rebuilt.delete);
console.log(describeIdleMemory(await measureIdleMemory()));

/** One scenario's line: the save-to-disk times with their median, and the median of the rebuilds' own times. */
function report(label, times, rebuilds) {
  const listed = times.map((t) => t.toFixed(0)).join(', ');
  console.log(
    `${label}: median ${median(times).toFixed(0)} ms (${listed}); rebuild as logged: median ${median(rebuilds).toFixed(0)} ms`,
  );
}

/**
 * Publishes a new article a minute newer than the newest (same section), then
 * deletes it; measures until its page and the section's listing show it, and
 * until neither does.
 */
async function timePublishAndDelete(run) {
  const slug = `bench-terbit-${run}-${Date.now().toString(36)}`;
  const title = `Berita Terbit ${slug}`;
  const file = path.join(path.dirname(articleFile), `${slug}.md`);
  const page = path.join(dir, 'dist', section, slug, 'index.html');
  const date = /^date: (.*)$/m.exec(original)?.[1] ?? '';
  const newer = new Date(new Date(date.replace(/^"|"$/g, '')).getTime() + 60_000 * (run + 1)).toISOString();
  const photo = photoBytes && path.join(dir, 'static', 'images', `${slug}.jpg`);
  const contents = original
    .replace(/^title: .*$/m, `title: "${title}"`)
    .replace(/^date: .*$/m, `date: ${newer}`)
    .replace(/^slug: .*\n/m, '')
    // A new article has no old address (with --aliases, the copied one would be claimed twice).
    .replace(/^aliases: .*\n/m, '')
    .replace(/^(\s+src: ).*$/m, (line, key) => (photo ? `${key}"/images/${slug}.jpg"` : line));
  let rebuilds = count(log, 'Rebuilt in');
  let start = performance.now();
  if (photo) {
    mkdirSync(path.dirname(photo), { recursive: true });
    writeFileSync(photo, photoBytes);
  }
  writeFileSync(file, contents);
  if (!(await appears([page, sectionFile], title, 60_000)))
    throw new Error(`${title} did not appear\n${log.slice(-2000)}`);
  const published = { elapsed: performance.now() - start, rebuild: await nextRebuild(rebuilds) };
  await settle();
  rebuilds = count(log, 'Rebuilt in');
  start = performance.now();
  rmSync(file);
  if (photo) rmSync(photo);
  await until(() => !existsSync(page) && !readSafely(sectionFile).includes(title), 60_000, 5);
  const deleted = { elapsed: performance.now() - start, rebuild: await nextRebuild(rebuilds) };
  await settle();
  return [published, deleted];
}

/**
 * Writes the article and measures until every file in `files` contains `text`;
 * then waits for the watcher to settle. Returns that time and the rebuild's own.
 */
async function timeEdit(contents, text, files) {
  const rebuilds = count(log, 'Rebuilt in');
  const start = performance.now();
  writeFileSync(articleFile, contents);
  const seen = await appears(files, text, 60_000);
  const elapsed = performance.now() - start;
  if (!seen) throw new Error(`"${text}" did not appear in ${files.join(', ')}\n${log.slice(-2000)}`);
  const rebuild = await nextRebuild(rebuilds);
  await settle();
  return [elapsed, rebuild];
}

/** Waits for the rebuild after the first `done` the log told of, and returns its time in milliseconds as logged. */
async function nextRebuild(done) {
  await until(() => count(log, 'Rebuilt in') > done, 60_000);
  const line = log.split('Rebuilt in ')[done + 1] ?? '';
  // As formatDuration writes it: `850 ms`, `3.1 s` or `2 min 5 s`.
  const match = /^(?:(\d+) min )?([\d.]+) (ms|s)\b/.exec(line);
  if (!match) throw new Error(`cannot read the rebuild's time from: Rebuilt in ${line.slice(0, 40)}`);
  return Number(match[1] ?? 0) * 60_000 + Number(match[2]) * (match[3] === 's' ? 1000 : 1);
}

/**
 * Resolves once every file contains `text`. Looks each time the file system
 * reports a change in the files' folders (newsgen renames a finished file into
 * place), with a slow poll as a fallback: a busy 1 ms poll would compete with
 * the watcher for this machine's two cores and slow down what it measures.
 */
function appears(files, text, timeoutMs) {
  return new Promise((resolve) => {
    // A new article's folder does not exist yet: its parent's change event (the folder moved in) covers it.
    const folders = files.map((file) =>
      existsSync(path.dirname(file)) ? path.dirname(file) : path.dirname(path.dirname(file)),
    );
    const watchers = [...new Set(folders)].map((folder) => watch(folder, () => check()));
    const poll = setInterval(() => check(), 25);
    const timeout = setTimeout(() => done(false), timeoutMs);
    function check() {
      if (files.every((file) => readSafely(file).includes(text))) done(true);
    }
    function done(result) {
      for (const watcher of watchers) watcher.close();
      clearInterval(poll);
      clearTimeout(timeout);
      resolve(result);
    }
    check();
  });
}

function readSafely(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Waits until the watcher has built nothing for 700 ms, so that the next
 * measurement starts on an idle server: a deletion is followed by one more
 * listing of the content folder 300 ms after it (watchSite's settle pass),
 * and an added file by a second look at it. With a fixed 300 ms pause, that
 * listing (about 0.15 s at 10,000 articles) fell into the next publish's
 * build and was counted as its latency.
 */
async function settle() {
  for (let seen = count(log, 'Rebuilt in'); ; ) {
    await new Promise((resolve) => setTimeout(resolve, 700));
    const now = count(log, 'Rebuilt in');
    if (now === seen) return;
    seen = now;
  }
}

async function until(check, timeoutMs, intervalMs = 20) {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return check();
}

function count(text, needle) {
  return text.split(needle).length - 1;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
