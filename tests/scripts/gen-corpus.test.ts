import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildInMemory } from '../helpers/build-in-memory.js';
import { ROOT, snapshotTree } from '../helpers/fixture-site.js';

const GENERATOR = path.join(ROOT, 'scripts', 'gen-corpus.mjs');
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function freshFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'newsgen-corpus-test-'));
  folders.push(folder);
  return folder;
}

/** Runs the generator like a user would; returns the output folder and the process result. */
function generate(...args: string[]): { out: string; code: number | null; stdout: string; stderr: string } {
  const out = freshFolder();
  const result = spawnSync(process.execPath, [GENERATOR, '--out', out, ...args], { encoding: 'utf8' });
  return { out, code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every article of a generated corpus: its path, front matter and body. */
function readArticles(out: string): { file: string; data: Record<string, unknown>; body: string }[] {
  return readdirSync(path.join(out, 'content'), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => {
      const [, front = '', body = ''] =
        /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(readFileSync(path.join(out, 'content', file), 'utf8')) ?? [];
      return { file, data: parse(front) as Record<string, unknown>, body };
    });
}

// Timeout: the tests run the generator in new processes and write hundreds of files.
describe('scripts/gen-corpus.mjs', { timeout: 30_000 }, () => {
  it('writes the same bytes for the same options, and other texts for another seed', () => {
    const first = generate('--n', '25');
    const second = generate('--n', '25');
    const reseeded = generate('--n', '25', '--seed', '7');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Wrote 25 articles');
    expect(snapshotTree(second.out)).toEqual(snapshotTree(first.out));
    const titles = (out: string) => readArticles(out).map((article) => article.data['title']);
    expect(titles(reseeded.out)).not.toEqual(titles(first.out));
  });

  it('spreads articles over eight sections, about 120 tags, 25 authors and several years, each a full news item', () => {
    const { out, code, stderr } = generate('--n', '240');
    expect(code, stderr).toBe(0);
    const articles = readArticles(out);
    expect(articles).toHaveLength(240);
    const sections = new Set(articles.map((article) => article.file.split(path.sep)[0]));
    const tags = new Set(articles.flatMap((article) => article.data['tags'] as string[]));
    const authors = new Set(articles.flatMap((article) => article.data['authors'] as string[]));
    const years = new Set(articles.map((article) => String(article.data['date']).slice(0, 4)));
    expect(sections.size).toBe(8);
    expect(tags.size).toBeGreaterThan(100);
    expect(tags.size).toBeLessThanOrEqual(120);
    expect(authors.size).toBe(25);
    expect(years.size).toBeGreaterThanOrEqual(6);
    for (const { file, data, body } of articles) {
      expect(data, file).toMatchObject({
        title: expect.any(String),
        summary: expect.any(String),
        image: {
          src: expect.stringMatching(/^\/images\/.+\.jpg$/),
          alt: expect.any(String),
          caption: expect.any(String),
        },
      });
      expect(body.length, file).toBeGreaterThan(3400);
      expect(body.length, file).toBeLessThan(5200);
      expect(body, file).toMatch(/^## \S/m);
      expect(body, file).toMatch(/^> "/m);
      expect(body, file).toMatch(/\[[^\]]+\]\(https:\/\/[^)]+\)/);
      expect(body, file).toMatch(/^- \S/m);
    }
    const config = JSON.parse(readFileSync(path.join(out, 'newsgen.config.json'), 'utf8'));
    expect(config).toMatchObject({ locale: 'id-ID', timeZone: 'Asia/Jakarta' });
  });

  it('builds into a site without a single warning', async () => {
    const { out, code, stderr } = generate('--n', '12');
    expect(code, stderr).toBe(0);
    const content = Object.fromEntries(
      readArticles(out).map(({ file }) => [file, readFileSync(path.join(out, 'content', file), 'utf8')]),
    );
    const config = JSON.parse(readFileSync(path.join(out, 'newsgen.config.json'), 'utf8'));
    const built = await buildInMemory(content, config);
    expect(built.generated.warnings).toEqual([]);
    expect(built.generated.site.articles).toHaveLength(12);
  });

  it('gives each article an old address with --aliases, a redirect each, and changes nothing else', async () => {
    const plain = generate('--n', '12');
    const moved = generate('--n', '12', '--aliases');
    expect(moved.code, moved.stderr).toBe(0);
    const texts = (out: string, edit = (text: string) => text) =>
      [...snapshotTree(out)].map(([file, base64]) => [file, edit(Buffer.from(base64, 'base64').toString('utf8'))]);
    expect(texts(moved.out, (text) => text.replace(/^aliases: .*\n/m, ''))).toEqual(texts(plain.out));
    const articles = readArticles(moved.out);
    for (const { file, data } of articles)
      expect(data['aliases'], file).toEqual([`/arsip/${file.replace(/\.md$/, '.html').split(path.sep).join('/')}`]);
    const content = Object.fromEntries(
      articles.map(({ file }) => [file, readFileSync(path.join(moved.out, 'content', file), 'utf8')]),
    );
    const config = JSON.parse(readFileSync(path.join(moved.out, 'newsgen.config.json'), 'utf8'));
    const built = await buildInMemory(content, config);
    expect(built.generated.warnings).toEqual([]);
    expect(built.generated.site.redirects).toHaveLength(12);
  });

  it('refuses a folder that already holds a corpus, and a count that is not a whole number', () => {
    const { out } = generate('--n', '2');
    const again = spawnSync(process.execPath, [GENERATOR, '--n', '2', '--out', out], { encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Unexpected existing folder');
    const bad = generate('--n', 'many');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Unexpected --n many, expected a whole number');
  });
});
