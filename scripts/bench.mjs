#!/usr/bin/env node
// newsgen's own benchmark: builds a generated news corpus cold (no output, no cache),
// warm (nothing changed) and after one article changed, each as a whole CLI process,
// and prints wall time, pages per second, peak memory and CPU time (from GNU time).
// CPU time is split into user (newsgen's own work, on every thread) and system
// (the kernel's): on a busy or virtualised machine the system part swings
// widely between identical runs, and the wall time with it.
// usage: npm run bench -- [--n 10000] [--keep DIR]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './gen-corpus.mjs';

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
generateCorpus({ n, out: dir });

function build(label) {
  const result = run(
    'time',
    ['-f', '%e %M %U %S', process.execPath, path.join(root, 'bin', 'newsgen.js'), 'build'],
    dir,
  );
  if (result.error) throw new Error(`Cannot run GNU time (${result.error.message}): on Debian, apt-get install time`);
  const lines = result.stderr.trim().split('\n');
  const [seconds, kilobytes, user, system] = (lines.pop() ?? '').split(' ').map(Number);
  if (result.status !== 0) throw new Error(`${label} build failed:\n${result.stderr}`);
  const summary = lines.filter((line) => /Built|Up to date/.test(line)).pop() ?? '';
  const pages = Number(
    (/→ ([\d,]+) pages|: ([\d,]+) pages/.exec(summary)?.slice(1).find(Boolean) ?? '0').replace(/,/g, ''),
  );
  return { label, seconds, mb: kilobytes / 1024, user, system, pages, summary };
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

console.log(`\nnewsgen ${n.toLocaleString('en-US')} articles (${dir})`);
for (const r of results) {
  console.log(
    `${r.label.padEnd(10)} ${r.seconds.toFixed(2).padStart(7)} s  ${(r.pages / r.seconds).toFixed(0).padStart(7)} pages/s  peak ${r.mb.toFixed(0).padStart(5)} MB  cpu ${r.user.toFixed(1).padStart(5)} s user ${r.system.toFixed(1).padStart(5)} s system   ${r.summary}`,
  );
}
if (!kept) fs.rmSync(dir, { recursive: true, force: true });
