import { describe, expect, test } from 'vitest';
import { createMapBodies } from '../../src/bodies/article-bodies.js';
import type { ArticleBodies } from '../../src/content/article.js';
import { resolveStrings } from '../../src/i18n/strings.js';
import {
  decodeArticlePages,
  encodeArticlePages,
  packContents,
  unpackContents,
} from '../../src/plan/article-page-batch.js';
import { createPageRenderer } from '../../src/plan/page-renderer.js';
import { type PageOffload, planOutputsInParallel } from '../../src/plan/plan-in-parallel.js';
import { type PlannedOutput, planOutputs } from '../../src/plan/plan-outputs.js';
import { createRenderer } from '../../src/render/create-renderer.js';
import type { ArticlePage, SiteArticle } from '../../src/site/site.js';
import { buildInMemory } from '../helpers/build-in-memory.js';

/** Forty articles in two sections with shared tags: related blocks and "other news" overlap between pages. */
function content(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < 40; index++) {
    const section = index % 2 === 0 ? 'ekonomi' : 'olahraga';
    const day = String(1 + (index % 28)).padStart(2, '0');
    files[`${section}/berita-${index}.md`] = [
      '---',
      `title: "Berita nomor ${index} — “kutipan” & <tanda>"`,
      `date: 2016-09-${day}T${String(6 + (index % 12)).padStart(2, '0')}:00:00+07:00`,
      `author: "${index % 3 === 0 ? 'Rina Wulandari' : 'Budi Santoso'}"`,
      `section: "${section}"`,
      `tags: ["pasar-${index % 4}", "kota-${index % 5}"]`,
      '---',
      '',
      `Isi berita ${index} dengan **penekanan**, [tautan](https://contoh.id/${index}) dan kata Indonésia.`,
      '',
    ].join('\n');
  }
  return files;
}

async function setUp() {
  const built = await buildInMemory(content());
  const { config } = built;
  const strings = resolveStrings(config.locale, config.strings);
  const renderer = await createRenderer({ themeDir: config.themeDir, templatesDir: undefined, strings });
  const input = {
    site: built.generated.site,
    config,
    renderer,
    staticInfo: {},
    previous: new Map<string, string>(),
    settings: 'settings',
    bodies: built.generated.bodies,
  };
  return { input, renderer };
}

/** Renders offloaded batches the way a worker does: packed, unpacked with its own renderer and article memory, bytes packed back. */
function fakeWorker(input: Awaited<ReturnType<typeof setUp>>): PageOffload & { batches: number } {
  const known = new Map<string, SiteArticle>();
  const offload = {
    threads: 1,
    batches: 0,
    async render(pages: readonly ArticlePage[], bodies: ArticleBodies) {
      offload.batches += 1;
      const batch = structuredClone(encodeArticlePages(pages, bodies));
      const render = createPageRenderer({
        config: input.input.config,
        renderer: input.renderer,
        sections: input.input.site.sections,
        menus: input.input.site.menus,
        dataFiles: {},
        imageSizes: new Map(),
        bodies: createMapBodies(new Map(Object.entries(batch.bodies))),
      });
      return unpackContents(packContents(decodeArticlePages(batch, known).map(render)));
    },
  };
  return offload;
}

async function collect(outputs: Iterable<PlannedOutput> | AsyncIterable<PlannedOutput>): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for await (const output of outputs) {
    expect(files.has(output.path), output.path).toBe(false);
    files.set(
      output.path,
      `${output.fingerprint}\n${output.contents === undefined ? '' : typeof output.contents === 'string' ? output.contents : new TextDecoder().decode(output.contents)}`,
    );
  }
  return files;
}

// Timeout: each test builds a forty-article site in memory and renders its pages twice.
describe('rendering article pages on other threads', { timeout: 30_000 }, () => {
  test('gives the same outputs, fingerprints and bytes as rendering everything here', async () => {
    const setup = await setUp();
    const { input } = setup;
    const expected = await collect(planOutputs(input));
    const offload = fakeWorker(setup);
    expect(await collect(planOutputsInParallel(input, offload))).toEqual(expected);
    expect(offload.batches).toBeGreaterThan(0);
  });

  test('keeps a small change on this thread, and unchanged pages unrendered', async () => {
    const setup = await setUp();
    const { input } = setup;
    const previous = new Map<string, string>();
    for await (const output of planOutputs(input)) previous.set(output.path, output.fingerprint);
    const offload = fakeWorker(setup);
    const outputs = [];
    for await (const output of planOutputsInParallel({ ...input, previous }, offload)) outputs.push(output);
    expect(offload.batches).toBe(0);
    expect(outputs.filter((output) => output.contents !== undefined && output.page)).toEqual([]);
  });

  test('a failed batch fails the plan with its error', async () => {
    const { input } = await setUp();
    const failing: PageOffload = { threads: 1, render: () => Promise.reject(new Error('worker failed')) };
    await expect(collect(planOutputsInParallel(input, failing))).rejects.toThrow('worker failed');
  });

  test('packs byte strings into one buffer and back', () => {
    const texts = ['', 'satu', 'dua — “tiga”', 'x'.repeat(70_000)];
    expect(unpackContents(packContents(texts)).map((bytes) => new TextDecoder().decode(bytes))).toEqual(texts);
  });

  test('a batch carries each article once, and bodies only for the pages it renders', async () => {
    const { input } = await setUp();
    const pages = input.site.pages.filter((page): page is ArticlePage => page.kind === 'article').slice(0, 3);
    const batch = encodeArticlePages(pages, input.bodies);
    expect(new Set(batch.articles.map((article) => article.sourcePath)).size).toBe(batch.articles.length);
    expect(batch.articles.length).toBeGreaterThan(pages.length);
    expect(Object.keys(batch.bodies).sort()).toEqual(pages.map((page) => page.article.sourcePath).sort());
    for (const page of pages) expect(batch.bodies[page.article.sourcePath]).toBe(input.bodies.html(page.article));
    const decoded = decodeArticlePages(structuredClone(batch), new Map());
    expect(
      decoded.map((page) => [
        page.url,
        page.article.title,
        page.related.map((each) => each.url),
        page.otherNews.map((each) => each.url),
      ]),
    ).toEqual(
      pages.map((page) => [
        page.url,
        page.article.title,
        page.related.map((each) => each.url),
        page.otherNews.map((each) => each.url),
      ]),
    );
  });
});
